/**
 * Realistic generated people for the search bench (bench/search.ts): Chinese names with surnames weighted by
 * their frequency (王 and 李 about 7 % each of Chinese names), 1–2 given-name characters from common ones,
 * a tenth written in traditional characters (with Taiwan mobiles and often Taiwan companies), Latin names
 * with and without accents, Chinese and Latin companies of very unequal size, e-mails built from the name,
 * mainland and Taiwan mobile numbers in E.164 — and a known share of injected duplicates, each recorded
 * with the person it duplicates.
 *
 * Deterministic: the same seed and count give the same people (ids aside).
 */
import * as OpenCC from 'opencc-js';
import { pinyinSyllables } from '../server/platform/search/normalize.js';

/** Mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Surnames with their share of the population in per cent (census 2020, rounded); compound ones included. */
const SURNAME_FREQ: [string, number][] = [
  ['王', 7.12], ['李', 7.0], ['张', 6.74], ['刘', 5.1], ['陈', 4.61], ['杨', 3.22], ['黄', 2.45], ['赵', 2.29], ['吴', 2.05], ['周', 1.9],
  ['徐', 1.45], ['孙', 1.38], ['马', 1.29], ['朱', 1.28], ['胡', 1.2], ['郭', 1.15], ['何', 1.11], ['林', 1.08], ['高', 1.06], ['罗', 1.01],
  ['郑', 0.97], ['梁', 0.94], ['谢', 0.79], ['宋', 0.75], ['唐', 0.74], ['许', 0.71], ['韩', 0.69], ['冯', 0.67], ['邓', 0.66], ['曹', 0.64],
  ['彭', 0.62], ['曾', 0.61], ['肖', 0.6], ['田', 0.6], ['董', 0.58], ['袁', 0.54], ['潘', 0.53], ['于', 0.52], ['蒋', 0.51], ['蔡', 0.5],
  ['余', 0.48], ['杜', 0.48], ['叶', 0.47], ['程', 0.46], ['苏', 0.43], ['魏', 0.43], ['吕', 0.42], ['丁', 0.42], ['任', 0.41], ['沈', 0.38],
  ['姚', 0.36], ['卢', 0.35], ['姜', 0.34], ['崔', 0.33], ['钟', 0.32], ['谭', 0.31], ['陆', 0.3], ['汪', 0.29], ['范', 0.28], ['金', 0.27],
  ['石', 0.27], ['廖', 0.26], ['贾', 0.25], ['夏', 0.25], ['韦', 0.24], ['付', 0.24], ['方', 0.23], ['白', 0.22], ['邹', 0.22], ['孟', 0.22],
  ['熊', 0.21], ['秦', 0.21], ['邱', 0.21], ['江', 0.2], ['尹', 0.2], ['薛', 0.19], ['闫', 0.19], ['段', 0.18], ['雷', 0.18], ['侯', 0.18],
  ['龙', 0.17], ['史', 0.17], ['陶', 0.16], ['黎', 0.16], ['贺', 0.15], ['顾', 0.15], ['毛', 0.15], ['郝', 0.14], ['龚', 0.14], ['邵', 0.14],
  ['万', 0.13], ['钱', 0.13], ['严', 0.13], ['覃', 0.12], ['武', 0.12], ['戴', 0.12], ['莫', 0.11], ['孔', 0.11], ['向', 0.1], ['汤', 0.1],
  ['单', 0.05], ['欧阳', 0.05], ['上官', 0.02], ['司马', 0.01], ['诸葛', 0.01],
];

/** Common given-name characters, most common first (weighted 1/(rank+8)). */
const GIVEN_CHARS = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉萍红华建国文辉力鹏宇浩凯俊斌飞鑫波宁欣怡婷雪梅琳晶颖慧佳倩晓志海林峰东新春荣云燕凤莉琴丹冬亮成龙阳帅博涵子轩梓睿泽思雨嘉一诺天佑晨熙瑞昊然若语可心悦安逸铭诗雅君蕾彬健庆祥振松家豪少正德永胜光荣金',
].filter((c, i, all) => all.indexOf(c) === i);

const LATIN_FIRST = [
  'John', 'Michael', 'David', 'James', 'Robert', 'Mary', 'Anna', 'Emily', 'Sarah', 'Laura', 'Thomas', 'Peter', 'Daniel', 'Sophie', 'Julia',
  'María', 'José', 'François', 'Jürgen', 'Zoë', 'Chloé', 'Lukas', 'Kenji', 'Hiroshi', 'Priya', 'Rahul', 'Olivia', 'Emma', 'Lucas', 'Noah',
  'Isabelle', 'Matthias', 'Hannah', 'Oliver', 'Charlotte', 'Benjamin', 'Amélie', 'Søren', 'Ines', 'Marco', 'Giulia', 'Aleksandr', 'Yuki', 'Minh',
];
const LATIN_LAST = [
  'Smith', 'Johnson', 'Brown', 'Garcia', 'Müller', 'Schmidt', 'Martin', 'Bernard', 'Dubois', 'Rossi', 'Russo', 'Tanaka', 'Sato', 'Suzuki',
  'Kim', 'Lee', 'Park', 'Nguyen', 'Tran', 'Patel', 'Singh', 'Williams', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore',
  'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Lopez', 'Hill', 'Scott', 'Green', 'Adams',
  'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Fernández', 'González',
  'Rodríguez', 'Martínez', 'Silva', 'Santos', 'Costa', 'Larsen', 'Jensen', 'Novak', 'Kowalski', 'Ivanova', 'Okafor', 'Haddad', 'Cohen',
];
/** English given names Chinese contacts use (David Wang). */
const ENGLISH_GIVEN = ['David', 'Kevin', 'Jason', 'Eric', 'Tony', 'Jack', 'Leo', 'Vivian', 'Grace', 'Cindy', 'Amy', 'Lily', 'Coco', 'Helen', 'Frank', 'Peter'];

const TAIWAN_CITIES = ['台北', '新竹', '台中', '高雄', '', ''];
const CITIES = ['北京', '上海', '深圳', '广州', '杭州', '成都', '南京', '武汉', '苏州', '天津', '重庆', '西安', '厦门', '青岛'];
const BRANDS = [
  '华信', '中科', '恒通', '金达', '新天', '东方', '宏远', '博瑞', '天成', '鼎盛', '嘉和', '瑞丰', '永安', '泰和', '盛世', '众创', '云帆', '智联', '启明',
  '星辰', '海纳', '长城', '凯达', '美华', '德信', '远航', '鸿图', '汇通', '联创', '华泰', '信达', '安邦', '正大', '诚信', '同方', '富康', '万达', '英华',
];
const INDUSTRIES = ['科技', '信息技术', '电子', '贸易', '物流', '机械', '医药', '生物科技', '教育科技', '咨询', '网络科技', '软件', '建设', '化工', '食品', '文化传媒', '投资', '电气'];
const LATIN_COMPANY_A = ['Acme', 'Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Vandelay', 'Hooli', 'Aperture', 'Oceanic', 'Blue Sky', 'Silverline', 'Redwood', 'Summit', 'Evergreen', 'Pioneer', 'Nordlicht', 'Soleil', 'Lumière'];
const LATIN_COMPANY_B = ['Technologies', 'Logistics', 'Trading', 'Consulting', 'Systems', 'Foods', 'Pharma', 'Capital', 'Industries', 'Solutions', 'Media', 'Robotics', 'Energy'];
const LATIN_COMPANY_SUFFIX = ['Ltd', 'GmbH', 'Inc.', 'AG', 'S.A.', 'Pte. Ltd.', 'LLC', ''];
const MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'gmail.com', 'outlook.com', 'sina.com', 'hotmail.com'];
const TAIWAN_MAIL_DOMAINS = ['yahoo.com.tw', 'gmail.com', 'hotmail.com', 'hinet.net'];
const CN_MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];

export type DuplicateKind = 'same_email' | 'same_phone' | 'traditional_name_company' | 'latin_typo';
export const DUPLICATE_KINDS: DuplicateKind[] = ['same_email', 'same_phone', 'traditional_name_company', 'latin_typo'];

export interface Person {
  /** Index in generation order; the bench gives each its database id. */
  index: number;
  name: string;
  company: string | null;
  email: string | null;
  /** E.164 */
  phone: string | null;
  script: 'han' | 'latin';
  traditional: boolean;
  /** The person this row is: equal for an original and its injected duplicates. */
  person: number;
  /** Set on injected duplicates: which original it copies and how. */
  duplicateOf: number | null;
  duplicateKind: DuplicateKind | null;
  createdAt: Date;
}

interface Weighted<T> {
  values: T[];
  cumulative: number[];
}
function weighted<T>(pairs: [T, number][]): Weighted<T> {
  let sum = 0;
  return { values: pairs.map((p) => p[0]), cumulative: pairs.map((p) => (sum += p[1])) };
}
function pickWeighted<T>(w: Weighted<T>, random: () => number): T {
  const x = random() * w.cumulative[w.cumulative.length - 1]!;
  let lo = 0;
  let hi = w.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return w.values[lo]!;
}

const SURNAMES = weighted(SURNAME_FREQ);
const GIVEN = weighted(GIVEN_CHARS.map((c, i): [string, number] => [c, 1 / (i + 8)]));
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface PeopleOptions {
  count: number;
  /** Share of rows that are injected duplicates of earlier rows (default 0.02). */
  duplicateShare?: number;
  seed?: number;
}

/**
 * Makes people one batch at a time (`next(n)`), so that a million need not be built before the first
 * insert. Every person made is kept (`all`): the bench samples its queries from them.
 */
export class PeopleGenerator {
  readonly all: Person[] = [];
  private readonly random: () => number;
  private readonly duplicateShare: number;
  private readonly companies: string[];
  private readonly taiwanCompanies: string[];
  private readonly usedEmails = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private readonly started = Date.now();
  private persons = 0;

  constructor(options: PeopleOptions) {
    this.random = rng(options.seed ?? 20_240_601);
    this.duplicateShare = options.duplicateShare ?? 0.02;
    // One company per ~40 contacts, of very unequal size (index drawn as n·u^1.6: a few large customers).
    const n = Math.max(200, Math.round(options.count / 40));
    const seen = new Set<string>();
    this.companies = [];
    while (this.companies.length < n) {
      const c = this.random() < 0.8 ? this.chineseCompany() : this.latinCompany();
      if (seen.has(c)) continue;
      seen.add(c);
      this.companies.push(c);
    }
    this.taiwanCompanies = Array.from({ length: Math.ceil(n / 10) }, () => toTraditional(`${this.pick(TAIWAN_CITIES)}${this.pick(BRANDS)}${this.pick(INDUSTRIES)}股份有限公司`));
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private chineseCompany(): string {
    const city = this.random() < 0.5 ? this.pick(CITIES) : '';
    const suffix = this.random() < 0.75 ? '有限公司' : this.random() < 0.6 ? '股份有限公司' : '集团';
    return `${city}${this.pick(BRANDS)}${this.pick(INDUSTRIES)}${suffix}`;
  }

  private latinCompany(): string {
    return [this.pick(LATIN_COMPANY_A), this.random() < 0.8 ? this.pick(LATIN_COMPANY_B) : '', this.pick(LATIN_COMPANY_SUFFIX)].filter(Boolean).join(' ');
  }

  private company(taiwan: boolean): string | null {
    if (this.random() < 0.12) return null;
    if (taiwan && this.random() < 0.6) return this.pick(this.taiwanCompanies);
    return this.companies[Math.floor(this.companies.length * this.random() ** 1.6)]!;
  }

  private chineseName(): string {
    const surname = pickWeighted(SURNAMES, this.random);
    const given = pickWeighted(GIVEN, this.random) + (this.random() < 0.7 ? pickWeighted(GIVEN, this.random) : '');
    return surname + given;
  }

  private latinName(): string {
    return `${this.pick(LATIN_FIRST)} ${this.pick(LATIN_LAST)}`;
  }

  /** A new e-mail from the name (wangwei, wei.wang, wwei88…) at a common or company domain, unique. */
  private email(name: string, script: 'han' | 'latin', taiwan = false): string {
    const words =
      script === 'han'
        ? (() => {
            const s = pinyinSyllables(toSimplified(name), true);
            return [s.slice(1).join(''), s[0] ?? 'x'];
          })()
        : name
            .normalize('NFD')
            .replace(/\p{Mn}/gu, '')
            .toLowerCase()
            .split(' ');
    const [given, family] = script === 'han' ? words : [words[0]!, words.at(-1)!];
    const styles = [`${family}${given}`, `${given}.${family}`, `${family}.${given}`, `${given![0]}${family}`, `${family}${given}${Math.floor(this.random() * 100)}`];
    let local = this.pick(styles);
    const domain = this.pick(taiwan ? TAIWAN_MAIL_DOMAINS : MAIL_DOMAINS);
    let email = `${local}@${domain}`;
    while (this.usedEmails.has(email)) {
      local = `${local.replace(/\d+$/, '')}${Math.floor(this.random() * 10_000)}`;
      email = `${local}@${domain}`;
    }
    this.usedEmails.add(email);
    return email;
  }

  /** A new mobile number in E.164: mainland (+86 1xx xxxx xxxx) or Taiwan (+886 9xx xxx xxx), unique. */
  private phone(taiwan: boolean): string {
    for (;;) {
      const digits = (n: number) => String(Math.floor(this.random() * 10 ** n)).padStart(n, '0');
      const phone = taiwan ? `+8869${digits(8)}` : `+86${this.pick(CN_MOBILE_PREFIXES)}${digits(8)}`;
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }

  private createdAt(): Date {
    return new Date(this.started - Math.floor(this.random() * 730 * 86_400_000));
  }

  private original(index: number): Person {
    const latin = this.random() < 0.15;
    const traditional = !latin && this.random() < 0.1;
    const simplifiedName = latin ? this.latinName() : this.chineseName();
    const name = traditional ? toTraditional(simplifiedName) : simplifiedName;
    const taiwan = traditional || (latin && this.random() < 0.05);
    return {
      index,
      name,
      company: this.company(taiwan),
      email: this.random() < 0.8 ? this.email(name, latin ? 'latin' : 'han', taiwan) : null,
      phone: this.random() < 0.85 ? this.phone(taiwan) : null,
      script: latin ? 'latin' : 'han',
      traditional,
      person: this.persons++,
      duplicateOf: null,
      duplicateKind: null,
      createdAt: this.createdAt(),
    };
  }

  /** An original made so far that suits `kind` (tries a few, then gives up: null). */
  private baseFor(kind: DuplicateKind): Person | null {
    for (let attempt = 0; attempt < 200; attempt++) {
      const p = this.all[Math.floor(this.random() * this.all.length)]!;
      if (p.duplicateOf !== null) continue;
      if (kind === 'same_email' && p.email) return p;
      if (kind === 'same_phone' && p.phone) return p;
      if (kind === 'traditional_name_company' && p.script === 'han' && p.company && toTraditional(p.name) !== toSimplified(p.name)) return p;
      if (kind === 'latin_typo' && p.script === 'latin' && p.company && p.name.replace(/\s/g, '').length >= 8) return p;
    }
    return null;
  }

  /** Latin spelling of a Chinese name (Wang Wei / Wei Wang), or a Latin name written another way (J. Smith). */
  private otherSpelling(p: Person): string {
    if (p.script === 'han') {
      const s = pinyinSyllables(toSimplified(p.name), true).map(capitalize);
      const family = s[0]!;
      const given = capitalize(s.slice(1).join('').toLowerCase());
      return this.random() < 0.5 ? `${given} ${family}` : `${family} ${given}`;
    }
    const [first, ...rest] = p.name.split(' ');
    return this.random() < 0.5 ? `${first![0]}. ${rest.join(' ')}` : `${rest.join(' ')} ${first}`;
  }

  /** One letter changed, dropped, doubled or swapped with its neighbour, never the first of a word. */
  typo(name: string): string {
    const chars = [...name];
    const positions = chars.map((_, i) => i).filter((i) => i > 0 && /\p{L}/u.test(chars[i]!) && /\p{L}/u.test(chars[i - 1]!));
    const i = this.pick(positions);
    const kind = Math.floor(this.random() * 4);
    const letter = 'abcdefghiklmnoprstuy'[Math.floor(this.random() * 20)]!;
    if (kind === 0) chars[i] = chars[i] === letter ? 'e' : letter;
    else if (kind === 1) chars.splice(i, 1);
    else if (kind === 2) chars.splice(i, 0, chars[i]!);
    else if (i + 1 < chars.length && /\p{L}/u.test(chars[i + 1]!)) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    else chars[i] = chars[i] === letter ? 'e' : letter;
    const out = chars.join('');
    return out === name ? this.typo(name) : out;
  }

  private duplicate(index: number, kind: DuplicateKind): Person | null {
    const base = this.baseFor(kind);
    if (!base) return null;
    const dup: Person = { ...base, index, duplicateOf: base.index, duplicateKind: kind, createdAt: this.createdAt() };
    const taiwan = base.phone?.startsWith('+886') ?? false;
    const maybe = <T>(p: number, make: () => T): T | null => (this.random() < p ? make() : null);
    if (kind === 'same_email') {
      // The address is the same; the name written another way; the rest often missing (a web form).
      dup.name = this.otherSpelling(base);
      dup.script = 'latin';
      dup.traditional = false;
      dup.phone = maybe(0.3, () => this.phone(taiwan));
      dup.company = this.random() < 0.5 ? base.company : null;
    } else if (kind === 'same_phone') {
      // Same mobile; the name as is or as an English name with the surname (David Wang); no or another e-mail.
      if (base.script === 'han' && this.random() < 0.5) {
        dup.name = `${this.pick(ENGLISH_GIVEN)} ${capitalize(pinyinSyllables(toSimplified(base.name), true)[0]!)}`;
        dup.script = 'latin';
        dup.traditional = false;
      }
      dup.email = maybe(0.4, () => this.email(dup.name, dup.script));
      dup.company = this.random() < 0.5 ? base.company : null;
    } else if (kind === 'traditional_name_company') {
      // Same name and company written in the other script (typed in Taiwan or Hong Kong); new or no contact details.
      dup.name = base.traditional ? toSimplified(base.name) : toTraditional(base.name);
      dup.company = base.traditional ? toSimplified(base.company!) : toTraditional(base.company!);
      dup.traditional = !base.traditional;
      dup.email = maybe(0.5, () => this.email(base.name, 'han'));
      dup.phone = maybe(0.5, () => this.phone(!taiwan));
    } else {
      // One-letter typo in the name, same company; new or no contact details.
      dup.name = this.typo(base.name);
      dup.email = maybe(0.5, () => this.email(dup.name, 'latin'));
      dup.phone = maybe(0.5, () => this.phone(taiwan));
    }
    return dup;
  }

  /** The next `n` people (originals and, at the set share, duplicates of earlier originals). */
  next(n: number): Person[] {
    const out: Person[] = [];
    for (let i = 0; i < n; i++) {
      const index = this.all.length;
      let person: Person | null = null;
      if (this.all.length > 100 && this.random() < this.duplicateShare) person = this.duplicate(index, DUPLICATE_KINDS[Math.floor(this.random() * DUPLICATE_KINDS.length)]!);
      person ??= this.original(index);
      this.all.push(person);
      out.push(person);
    }
    return out;
  }
}
