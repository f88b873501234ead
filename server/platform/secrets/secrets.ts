import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts credentials the product must keep readable (SMTP passwords of mail accounts) with AES-256-GCM.
 * The key comes from GUANXI_SECRET (required when several processes share a database server), else from
 * `<data dir>/secret.key`, made on first use. Ciphertext: `v1:<iv>:<tag>:<data>` in base64url.
 */
export class Secrets {
  private readonly key: Buffer;

  constructor(options: { secret?: string; dataDir: string }) {
    this.key = options.secret ? createHash('sha256').update(options.secret).digest() : Secrets.keyFile(options.dataDir);
  }

  private static keyFile(dataDir: string): Buffer {
    const file = path.join(dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}
