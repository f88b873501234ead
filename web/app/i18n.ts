import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/roles';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';
import zhTW from '../i18n/zh-TW.json';

/** The UI languages, each labelled in its own language (what the switcher shows). */
export const LANGUAGES: readonly { code: Locale; label: string }[] = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'en', label: 'English' },
];

const STORAGE_KEY = 'guanxi.locale';

const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/**
 * Maps a BCP 47 tag onto a UI language: zh-TW, zh-HK, zh-MO and zh-Hant → zh-TW; other Chinese → zh-CN;
 * English → en. Returns null for anything else.
 */
export function normalizeLanguage(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.toLowerCase().replace('_', '-');
  if (lower.startsWith('zh')) {
    return /-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-TW' : 'zh-CN';
  }
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** The first of the browser's preferred languages we support; English when none is. */
export function browserLanguage(): Locale {
  const tags = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of tags) {
    const found = normalizeLanguage(tag);
    if (found) return found;
  }
  return 'en';
}

/** The language last picked on this browser (before signing in, or by a user without a saved choice). */
export function rememberedLanguage(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LOCALES.includes(stored as Locale) ? (stored as Locale) : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(lng: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The language the UI shows now. */
export function currentLanguage(): Locale {
  return normalizeLanguage(i18next.resolvedLanguage ?? i18next.language) ?? 'en';
}

function applyLanguage(lng: string): void {
  const locale = normalizeLanguage(lng) ?? 'en';
  dayjs.locale(DAYJS_LOCALES[locale]);
  document.documentElement.lang = locale;
  document.title = `${i18next.t('brand.name')} CRM`;
}

i18next.on('languageChanged', applyLanguage);

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    'zh-CN': { translation: zhCN },
    'zh-TW': { translation: zhTW },
  },
  lng: rememberedLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next as i18n };
