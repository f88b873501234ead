import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ArticleStatus, ArticleVisibility } from '../../../contracts/knowledge.js';
import type { Locale } from '../../../contracts/roles.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/** A category of the knowledge base: a tree (parent), named in any of the three languages. */
export const kbCategories = pgTable(
  'kb_categories',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    /** Name per language; at least one. Shown in the reader's language, else the first one given. */
    names: jsonb('names').$type<Partial<Record<Locale, string>>>().notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('kb_categories_parent_idx').on(t.workspaceId, t.parentId), tenantPolicy()],
).enableRLS();

/**
 * An answer in the knowledge base. Its text is in kb_article_translations, one row per language; each
 * publication (and each edit of a published article) is kept in kb_article_versions.
 */
export const kbArticles = pgTable(
  'kb_articles',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    categoryId: uuid('category_id'),
    visibility: text('visibility').$type<ArticleVisibility>().notNull().default('internal'),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    authorId: uuid('author_id'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    /** Number of the latest kept version; 0 until first published. */
    version: integer('version').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    viewCount: integer('view_count').notNull().default(0),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('kb_articles_category_idx').on(t.workspaceId, t.categoryId, t.updatedAt.desc()),
    index('kb_articles_updated_idx').on(t.workspaceId, t.updatedAt.desc(), t.id.desc()),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * An article's text in one language, with its search terms (knowledge.search.ts): `t:`/`b:` for title/body,
 * followed by a Chinese character bigram, a single character, or a Latin word. A GIN index answers
 * "which translations have any of these terms" for Chinese without a Chinese tokenizer.
 */
export const kbArticleTranslations = pgTable(
  'kb_article_translations',
  {
    workspaceId: workspaceIdColumn(),
    articleId: uuid('article_id').notNull(),
    language: text('language').$type<Locale>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    searchTerms: text('search_terms').array().notNull().default(sql`'{}'`),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.articleId, t.language] }), index('kb_article_translations_terms_idx').using('gin', t.workspaceId, t.searchTerms), tenantPolicy()],
).enableRLS();

/** What an article said when a version was kept: every translation and its settings. */
export interface ArticleSnapshot {
  categoryId: string | null;
  visibility: ArticleVisibility;
  tags: string[];
  translations: { language: Locale; title: string; body: string }[];
}

/** A published state of an article, kept so that every earlier version stays readable and can be restored. */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    workspaceId: workspaceIdColumn(),
    articleId: uuid('article_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<ArticleSnapshot>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.articleId, t.version] }), tenantPolicy()],
).enableRLS();

/** "Was this helpful?": one answer per voter (a member `u:<id>`, later a portal customer), changeable. */
export const kbArticleVotes = pgTable(
  'kb_article_votes',
  {
    workspaceId: workspaceIdColumn(),
    articleId: uuid('article_id').notNull(),
    voter: text('voter').notNull(),
    helpful: boolean('helpful').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.articleId, t.voter] }), tenantPolicy()],
).enableRLS();
