import i18next, { type TFunction } from 'i18next';
import en from '../../../web/i18n/en.json' with { type: 'json' };
import zhCN from '../../../web/i18n/zh-CN.json' with { type: 'json' };
import zhTW from '../../../web/i18n/zh-TW.json' with { type: 'json' };
import { LOCALES, type Locale } from '../../../contracts/roles.js';

// One set of message files serves the web app and the API, so an error reads the same in both.
const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } },
  lng: 'en',
  fallbackLng: 'en',
  initImmediate: false,
  interpolation: { escapeValue: false },
  returnNull: false,
} as never);

export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a language tag to one of ours: zh-TW/zh-HK/zh-MO/zh-Hant → zh-TW, other zh → zh-CN, en* → en. */
export function matchLocale(tag: string): Locale | null {
  const t = tag.trim().toLowerCase();
  if (!t) return null;
  if (t.startsWith('zh')) return /^zh-(tw|hk|mo|hant)/.test(t) ? 'zh-TW' : 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return null;
}

/** Picks the best supported locale from an Accept-Language header, by q-value. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return null;
}
