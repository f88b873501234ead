import { Type } from '@sinclair/typebox';
import { ARTICLE_STATUSES, ARTICLE_VISIBILITIES } from '../../../contracts/knowledge.js';
import { LOCALES } from '../../../contracts/roles.js';
import { ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const Language = StringEnum(LOCALES);
const Names = Type.Object(
  { 'zh-CN': Type.Optional(Type.String({ maxLength: 100 })), 'zh-TW': Type.Optional(Type.String({ maxLength: 100 })), en: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false, description: 'Name per language; at least one not blank.' },
);

export const CategorySchema = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  names: Names,
  position: Type.Integer(),
  articles: Type.Integer({ description: 'Articles directly in it (drafts included).' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const categoryFields = { parentId: Nullable(Uuid), names: Names, position: Type.Integer({ minimum: 0, maximum: 100_000 }) };
export const CreateCategoryBody = Type.Object({ names: Names, parentId: Type.Optional(categoryFields.parentId), position: Type.Optional(categoryFields.position) }, { additionalProperties: false });
export const UpdateCategoryBody = Type.Partial(Type.Object(categoryFields), { additionalProperties: false });

export const TranslationBody = Type.Object(
  {
    language: Language,
    title: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
    body: Type.String({ maxLength: 100_000, description: 'Plain text or Markdown, shown as written.' }),
  },
  { additionalProperties: false },
);
const articleFields = {
  categoryId: Nullable(Uuid),
  visibility: StringEnum(ARTICLE_VISIBILITIES, { description: 'internal: staff only; public: also the customer portal.' }),
  tags: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 }),
  translations: Type.Array(TranslationBody, { minItems: 1, maxItems: 3, description: 'One per language; on update, replaces the set.' }),
};
export const CreateArticleBody = Type.Object(
  { translations: articleFields.translations, categoryId: Type.Optional(articleFields.categoryId), visibility: Type.Optional(articleFields.visibility), tags: Type.Optional(articleFields.tags) },
  { additionalProperties: false },
);
export const UpdateArticleBody = Type.Partial(Type.Object(articleFields), { additionalProperties: false });

const counters = {
  viewCount: Type.Integer(),
  helpfulYes: Type.Integer(),
  helpfulNo: Type.Integer(),
};
const articleBase = {
  id: Uuid,
  categoryId: Nullable(Uuid),
  visibility: StringEnum(ARTICLE_VISIBILITIES),
  status: StringEnum(ARTICLE_STATUSES),
  authorId: Nullable(Uuid),
  tags: Type.Array(Type.String()),
  version: Type.Integer({ description: 'Latest kept version; 0 until first published.' }),
  publishedAt: Nullable(Timestamp),
  ...counters,
  myVote: Nullable(Type.Boolean({ description: "The caller's answer to “was this helpful?”." })),
  updatedBy: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
export const ArticleSchema = Type.Object({
  ...articleBase,
  translations: Type.Array(Type.Object({ language: Language, title: Type.String(), body: Type.String(), updatedAt: Timestamp })),
});
export const ArticleListItem = Type.Object({
  ...articleBase,
  languages: Type.Array(Language),
  language: Language,
  title: Type.String({ description: 'In the language asked for, or the nearest the article has.' }),
});
export const ArticleListQuery = Type.Object(
  { ...ListQuery.properties, language: Type.Optional(Language) },
  { additionalProperties: false, description: 'Filters: status, visibility, categoryId, authorId, updatedAt, createdAt; sort: updatedAt, createdAt, viewCount.' },
);

const Hits = Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), { description: 'Matched ranges [start, end) as UTF-16 offsets into the text beside.' });
export const ArticleHitSchema = Type.Object({
  id: Uuid,
  categoryId: Nullable(Uuid),
  visibility: StringEnum(ARTICLE_VISIBILITIES),
  tags: Type.Array(Type.String()),
  language: Language,
  title: Type.String(),
  titleHits: Hits,
  snippet: Type.String({ description: 'The part of the body with the most matches.' }),
  snippetHits: Hits,
  score: Type.Number(),
  ...counters,
  updatedAt: Timestamp,
});
export const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 500, description: 'Words in any of the three languages; Chinese need no spaces; traditional and simplified match each other.' }),
    language: Type.Optional(Language),
    categoryId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export const SuggestQuery = Type.Object(
  { text: Type.String({ maxLength: 5000, description: "A case's subject and description." }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) },
  { additionalProperties: false },
);

export const VersionSchema = Type.Object({
  version: Type.Integer(),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  content: Type.Object({
    categoryId: Nullable(Uuid),
    visibility: StringEnum(ARTICLE_VISIBILITIES),
    tags: Type.Array(Type.String()),
    translations: Type.Array(Type.Object({ language: Language, title: Type.String(), body: Type.String() })),
  }),
});
export const RestoreBody = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false });
export const VoteBody = Type.Object({ helpful: Type.Boolean() }, { additionalProperties: false });
