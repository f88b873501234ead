/**
 * Column mapping for imports: which target field each column of an uploaded file fills. Headers are
 * recognized in English, Chinese (simplified and traditional) and as Salesforce and HubSpot export them.
 */
import type { ImportObject } from '../../../contracts/customers.js';

export { IMPORT_OBJECTS, type ImportObject } from '../../../contracts/customers.js';

/** Target fields per object, each with the header spellings that map to it (compared normalized). */
export const IMPORT_TARGETS: Record<ImportObject, Record<string, string[]>> = {
  contacts: {
    name: ['name', 'full name', 'fullname', 'contact name', 'contact', '姓名', '名字', '联系人', '聯絡人', '联系人姓名', '客户姓名'],
    firstName: ['first name', 'firstname', 'given name', '名'],
    lastName: ['last name', 'lastname', 'surname', 'family name', '姓'],
    company: ['company', 'company name', 'account', 'account name', 'organization', 'organisation', '公司', '公司名称', '公司名稱', '单位', '單位', '工作单位', '企业', '企業', '客户名称'],
    title: ['title', 'job title', 'position', 'role', '职位', '職位', '职务', '職務', '职称', '職稱', '头衔'],
    email: ['email', 'e-mail', 'email address', 'mail', '邮箱', '郵箱', '电子邮件', '電子郵件', '电子邮箱', '邮件'],
    phone: ['phone', 'mobile', 'mobile phone', 'mobilephone', 'cell', 'phone number', 'telephone', 'tel', '手机', '手機', '电话', '電話', '手机号', '手機號碼', '联系电话', '聯絡電話', '移动电话'],
  },
  accounts: {
    name: ['name', 'account', 'account name', 'company', 'company name', 'organization', '公司', '公司名称', '公司名稱', '客户', '客戶', '客户名称', '客戶名稱', '企业名称', '单位名称'],
    type: ['type', 'account type', '类型', '類型', '客户类型', '客戶類型'],
    industry: ['industry', 'sector', '行业', '行業', '所属行业'],
    employees: ['employees', 'number of employees', 'numberofemployees', 'headcount', '员工数', '員工數', '人数', '规模'],
    region: ['region', 'office location', 'office_location', 'location', 'country', '地区', '地區', '区域', '區域', '所在地'],
    website: ['website', 'web site', 'url', 'domain', '网站', '網站', '官网', '官網'],
    phone: ['phone', 'telephone', 'phone number', '电话', '電話', '总机', '總機'],
    email: ['email', 'e-mail', '邮箱', '郵箱', '电子邮件', '電子郵件'],
    source: ['source', 'lead source', 'account source', 'accountsource', '来源', '來源', '客户来源'],
    parentName: ['parent', 'parent account', 'subsidiary of', 'subsidiary_of', 'parent company', '上级公司', '上級公司', '母公司', '所属集团'],
    street: ['street', 'address', 'billing street', 'billingstreet', '地址', '街道', '详细地址'],
    city: ['city', 'billing city', 'billingcity', '城市', '市'],
    state: ['state', 'province', 'billing state', 'billingstate', 'state/region', '省', '省份', '州'],
    postalCode: ['postal code', 'zip', 'zip code', 'billing postal code', 'billingpostalcode', 'postcode', '邮编', '郵遞區號', '邮政编码'],
    country: ['billing country', 'billingcountry', 'country code', '国家', '國家'],
  },
};

const normalizeHeader = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：]+/g, ' ').trim();

/** Suggests a target for each column (null: not imported); each target is used at most once. */
export function suggestMapping(object: ImportObject, headers: string[], extraTargets: Record<string, string[]> = {}): (string | null)[] {
  const taken = new Set<string>();
  const targets = Object.entries({ ...IMPORT_TARGETS[object], ...extraTargets });
  return headers.map((header) => {
    const h = normalizeHeader(header);
    const match = targets.find(([target, aliases]) => !taken.has(target) && aliases.some((a) => normalizeHeader(a) === h));
    if (!match) return null;
    taken.add(match[0]);
    return match[0];
  });
}

/** The row as `{target: value}` under a mapping; empty cells are left out. */
export function applyMapping(mapping: (string | null)[], row: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  mapping.forEach((target, i) => {
    const value = row[i]?.trim();
    if (target && value) out[target] = value;
  });
  return out;
}
