import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetPath } from '../../../test/datasets.js';
import { contactFromCard } from './vcard-import.service.js';
import { foldLine, parseVCards, splitName, writeVCard, type ParsedContact, type VCardContact } from './vcard.js';

// Saved real address-book exports (Android's importer tests, ez-vcard, vobject).
const datasets = datasetPath('vcard');
const fixtures = fs
  .readdirSync(datasets)
  .flatMap((dir) => fs.readdirSync(path.join(datasets, dir)).map((f) => `${dir}/${f}`))
  .filter((f) => f.endsWith('.vcf'))
  .sort();
const read = (file: string) => parseVCards(fs.readFileSync(path.join(datasets, file)));
const only = (file: string): ParsedContact => {
  const cards = read(file);
  expect(cards, file).toHaveLength(1);
  return cards[0]!;
};

describe('parseVCards on real files', () => {
  it('finds the saved files', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
  });

  it.each(fixtures)('reads %s without throwing, as bytes and as text', (file) => {
    const bytes = fs.readFileSync(path.join(datasets, file));
    const cards = parseVCards(bytes);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(['2.1', '3.0', '4.0']).toContain(card.version);
    expect(parseVCards(bytes.toString('utf8')).length).toBe(cards.length);
  });

  it('decodes Shift_JIS names, also where a trail byte is a backslash (0x5C)', () => {
    expect(only('android/v21_japanese_2.vcf')).toMatchObject({ name: '安藤 ロイド 1', familyName: '安藤', givenName: 'ロイド1' });
    expect(only('android/v30_japanese.vcf')).toMatchObject({ name: '伊能 圭一 伊予', familyName: '伊能', givenName: '圭一' });
    expect(only('android/v21_japanese_1.vcf')).toMatchObject({ name: '安藤ロイド', phones: [{ value: '0300000000', types: ['voice'], pref: true }] });
  });

  it('reads a 2.1 card with quoted-printable soft breaks, escaped semicolons in ORG units and a photo', () => {
    const c = only('android/v21_complicated.vcf');
    expect(c).toMatchObject({ name: 'Joe Due', familyName: 'Gump', givenName: 'Forrest', organization: 'Gump Shrimp Co.', units: ['Sales Dept.;Manager', 'Fish keeper'], title: 'Shrimp Man' });
    expect(c.emails).toEqual([
      { value: 'forrestgump@walladalla.com', types: ['internet'], pref: true },
      { value: 'cell@example.com', types: ['cell'], pref: false },
    ]);
    expect(c.phones.map((p) => p.value)).toEqual(['(111) 555-1212', '(404) 555-1212', '0311111111', '0322222222', '0333333333']);
  });

  it('reads quoted-printable UTF-8 names (Android export)', () => {
    const cards = read('ez-vcard/John_Doe_ANDROID.vcf');
    expect(cards.map((c) => c.name)).toEqual(['john.doe@company.com', 'jane.doe@company.com', 'Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ', 'ÑÑÑÑ']);
  });

  it('keeps escaped commas in 3.0 text and unwraps 4.0 tel: URIs', () => {
    expect(only('ez-vcard/John_Doe_EVOLUTION.vcf')).toMatchObject({ name: 'Mr. John Richter, James Doe Sr.', organization: 'IBM', units: ['Accounting', 'Dungeon'], uid: '477343c8e6bf375a9bac1f96a5000837', rev: new Date('2012-03-05T13:32:54Z') });
    const simon = only('ez-vcard/rfc6350-example.vcf');
    expect(simon).toMatchObject({ name: 'Simon Perreault', organization: 'Viagenie', emails: [{ value: 'simon.perreault@viagenie.ca', types: ['work'], pref: false }] });
    expect(simon.phones).toEqual([
      { value: '+1-418-656-9254', types: ['work', 'voice'], pref: true },
      { value: '+1-418-262-6501', types: ['work', 'cell', 'voice', 'video', 'text'], pref: false },
    ]);
    expect(only('ez-vcard/outlook-2003.vcf').organization).toBe('Company, The');
  });

  it('reads several cards, nested cards, iOS \\r\\r\\n line ends, quoted parameters and N without FN', () => {
    expect(read('ez-vcard/gmail-list.vcf').map((c) => [c.name, c.emails[0]?.value])).toEqual([
      ['Arnold Smith', 'asmithk@gmail.com'],
      ['Chris Beatle', 'chrisy55d@yahoo.com'],
      ['Doug White', 'dwhite@gmail.com'],
    ]);
    expect(read('android/v21_multiple_entry.vcf').map((c) => c.name)).toEqual(['安藤ロイド3', '安藤ロイド4', '安藤ロイド5']);
    expect(read('android/v21_nest.vcf').map((c) => [c.name, c.phones.length])).toEqual([['parent', 1], ['nest1', 0], ['nest2', 0]]);
    expect(only('android/v30_ios_613_multiline.vcf')).toMatchObject({ name: 'Bob Smith', organization: 'Smith Auto Repair', emails: [{ value: 'bob@smithauto.com', pref: true }], phones: [{ value: '(650) 555-1212', pref: true }] });
    expect(only('android/v40_sort_as.vcf')).toMatchObject({ name: '安藤 ロイド', organization: 'グーグル', units: ['検索部門'] });
    expect(only('android/v21_simple_1.vcf')).toMatchObject({ version: '2.1', name: 'Roid Ando', familyName: 'Ando', givenName: 'Roid' });
    expect(only('vobject/radicale-1587.vcf')).toMatchObject({ name: 'Given Family', familyName: 'Family', givenName: 'Given' });
  });

  it('survives sloppy 2.1: comment lines, a value continued on an unindented line, backslashes', () => {
    expect(only('android/v21_invalid_comment_line.vcf')).toMatchObject({ name: 'Conference Call', uid: '357' });
    expect(only('android/v21_invalid_multiple_line.vcf').emails.map((e) => e.value)).toEqual(['omega@example.com']);
    expect(only('android/v21_backslash.vcf')).toMatchObject({ familyName: null, givenName: 'A;B\\' });
    expect(only('android/v21_malformed_photo.vcf').name).toBe('fullname');
  });

  it('leaves out non-telephone URIs (sip:) from phones', () => {
    expect(only('android/v40_sip.vcf').phones.map((p) => p.value)).toEqual(['1']);
  });
});

describe('writeVCard', () => {
  const contact: VCardContact = {
    id: '01934b7e-0000-7000-8000-0000000000ab',
    name: '欧阳娜娜',
    company: '华为技术有限公司, 深圳; 研发部 \\ 终端 — a long name that must be folded across several lines of the card',
    department: '研发部; 终端',
    title: '高级工程师\n兼任组长',
    email: 'nana@example.com',
    otherEmails: ['nana@gmail.example'],
    phone: '+8613800138000',
    otherPhones: ['+861065529988'],
    birthday: '1990-02-03',
    addresses: [{ kind: 'office', line1: '坂田华为基地', line2: 'B区, 3楼', city: '深圳', region: '广东', postalCode: '518129', country: 'CN' }],
    tags: ['VIP', '华南, 深圳'],
    updatedAt: new Date('2026-11-23T08:09:10.000Z'),
  };

  it.each(['3.0', '4.0'] as const)('writes %s that reads back to the same contact, folded at 75 octets', (version) => {
    const text = writeVCard(contact, version);
    expect(text.startsWith(`BEGIN:VCARD\r\nVERSION:${version}\r\n`)).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain(version === '4.0' ? 'REV:20261123T080910Z' : 'REV:2026-11-23T08:09:10Z');
    const [back] = parseVCards(text);
    expect(back).toEqual({
      version,
      name: contact.name,
      familyName: '欧阳',
      givenName: '娜娜',
      organization: contact.company,
      units: [contact.department],
      title: contact.title,
      emails: [
        { value: contact.email, types: version === '4.0' ? [] : ['internet'], pref: true },
        { value: 'nana@gmail.example', types: version === '4.0' ? [] : ['internet'], pref: false },
      ],
      phones: [
        { value: contact.phone, types: ['voice'], pref: true },
        { value: '+861065529988', types: ['voice'], pref: false },
      ],
      birthday: '1990-02-03',
      addresses: [{ types: ['work'], poBox: null, extended: 'B区, 3楼', street: '坂田华为基地', locality: '深圳', region: '广东', postalCode: '518129', country: 'CN' }],
      categories: ['VIP', '华南, 深圳'],
      uid: contact.id,
      rev: contact.updatedAt,
    });
  });

  it('leaves out what the contact does not have', () => {
    const text = writeVCard({ id: contact.id, name: 'Anna Müller', company: null, title: null, email: null, phone: null, updatedAt: contact.updatedAt });
    expect(text).not.toMatch(/ORG|TITLE|EMAIL|TEL|BDAY|ADR|CATEGORIES/);
    expect(writeVCard({ ...contact, email: null, phone: null, otherPhones: [] })).toMatch(/\r\nEMAIL;TYPE=INTERNET:nana@gmail.example\r\n/);
    expect(parseVCards(text)[0]).toMatchObject({ name: 'Anna Müller', familyName: 'Müller', givenName: 'Anna', emails: [], phones: [] });
  });

  it('splits names the way each writing system orders them', () => {
    expect(splitName('王伟')).toEqual({ family: '王', given: '伟' });
    expect(splitName('歐陽娜娜')).toEqual({ family: '歐陽', given: '娜娜' });
    expect(splitName('Wang Xiao Wei')).toEqual({ family: 'Wei', given: 'Wang Xiao' });
    expect(splitName('Madonna')).toEqual({ family: '', given: 'Madonna' });
  });

  it('never folds inside a character', () => {
    const folded = foldLine(`FN:${'🤝龘'.repeat(40)}`);
    expect(folded.split('\r\n ').join('')).toBe(`FN:${'🤝龘'.repeat(40)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('contactFromCard', () => {
  const card = (over: Partial<ParsedContact>): ParsedContact => ({ version: '3.0', name: 'Anna', familyName: null, givenName: null, organization: null, units: [], title: null, emails: [], phones: [], birthday: null, addresses: [], categories: [], uid: null, rev: null, ...over });

  it('takes the preferred readable e-mail and voice phone in E.164, and reports unreadable ones without their value', () => {
    const { input, skipped } = contactFromCard(
      card({
        emails: [{ value: 'not an address', types: [], pref: true }, { value: 'anna@example.com', types: [], pref: false }],
        phones: [{ value: '010 6552 9988', types: ['fax'], pref: true }, { value: '138 0013 8000', types: ['cell'], pref: false }],
      }),
      0,
      'CN',
    );
    expect(input).toEqual({ name: 'Anna', email: 'anna@example.com', phone: '+8613800138000' });
    expect(skipped).toEqual([{ index: 0, field: 'email', reason: 'format' }]);
    const bad = contactFromCard(card({ phones: [{ value: 'BusinessPhone', types: [], pref: false }], emails: [{ value: 'x@', types: [], pref: false }] }), 3, 'CN');
    expect(bad.input).toEqual({ name: 'Anna' });
    expect(bad.skipped).toEqual([{ index: 3, field: 'email', reason: 'format' }, { index: 3, field: 'phone', reason: 'invalid' }]);
  });

  it('skips a card without a name and leaves out text that is too long', () => {
    expect(contactFromCard(card({ name: null }), 1, 'CN')).toEqual({ input: null, skipped: [{ index: 1, field: 'name', reason: 'required' }] });
    const long = contactFromCard(card({ organization: 'x'.repeat(201), title: 'CTO' }), 2, 'CN');
    expect(long).toEqual({ input: { name: 'Anna', title: 'CTO' }, skipped: [{ index: 2, field: 'company', reason: 'maxLength' }] });
  });
});
