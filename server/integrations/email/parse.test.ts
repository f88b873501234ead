import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseEmail } from './parse.js';

const message = (headers: Buffer[], charset: string) =>
  Buffer.concat([...headers.flatMap((h) => [h, Buffer.from('\r\n')]), Buffer.from(`Content-Type: text/plain; charset=${charset}\r\n\r\nbody\r\n`)]);

describe('parseEmail headers written as raw 8-bit text', () => {
  it('reads a raw GBK subject and sender name in the charset the message declares', async () => {
    const mail = await parseEmail(
      message([Buffer.concat([Buffer.from('From: '), iconv.encode('陈静', 'gbk'), Buffer.from(' <chen@customer.cn>')]), Buffer.concat([Buffer.from('Subject: '), iconv.encode('询价：工业路由器', 'gbk')])], 'GBK'),
    );
    expect(mail.subject).toBe('询价：工业路由器');
    expect(mail.from).toEqual([{ address: 'chen@customer.cn', name: '陈静' }]);
  });

  it('leaves RFC 2047 words decoded to Latin-1 alone, even in a GBK message', async () => {
    const mail = await parseEmail(message([Buffer.from('From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <jm@example.de>'), Buffer.from('Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=')], 'GBK'));
    expect(mail.subject).toBe('Grüße');
    expect(mail.from[0]!.name).toBe('Jürgen Müller');
  });

  it('leaves 8-bit UTF-8 headers (RFC 6532) as they are', async () => {
    const mail = await parseEmail(message([Buffer.from('From: 陈静 <chen@customer.cn>'), Buffer.from('Subject: 询价 UTF-8')], 'GBK'));
    expect(mail.subject).toBe('询价 UTF-8');
    expect(mail.from[0]!.name).toBe('陈静');
  });
});
