import type { ArticleStatus, ArticleVisibility } from '../../../../contracts/knowledge';
import type { Locale } from '../../../../contracts/roles';

export type Names = Partial<Record<Locale, string>>;
export interface KbCategory {
  id: string;
  parentId: string | null;
  names: Names;
  position: number;
  articles: number;
}
export interface Translation {
  language: Locale;
  title: string;
  body: string;
}
export interface Article {
  id: string;
  categoryId: string | null;
  visibility: ArticleVisibility;
  status: ArticleStatus;
  tags: string[];
  version: number;
  viewCount: number;
  helpfulYes: number;
  helpfulNo: number;
  myVote: boolean | null;
  updatedAt: string;
  translations: Translation[];
}
export interface ArticleListItem extends Omit<Article, 'translations'> {
  language: Locale;
  title: string;
  languages: Locale[];
}
export type Hit = [number, number];
export interface ArticleHit {
  id: string;
  categoryId: string | null;
  visibility: ArticleVisibility;
  language: Locale;
  title: string;
  titleHits: Hit[];
  snippet: string;
  snippetHits: Hit[];
  viewCount: number;
  helpfulYes: number;
}
export interface ArticleVersion {
  version: number;
  createdAt: string;
  content: { translations: Translation[] };
}

/** A category's name in the reader's language, else the first it has. */
export const nameOf = (names: Names, language: Locale) => names[language] ?? names[language === 'zh-CN' ? 'zh-TW' : 'zh-CN'] ?? names.en ?? Object.values(names)[0] ?? '';
