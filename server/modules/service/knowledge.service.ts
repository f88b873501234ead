import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ArticleStatus, ArticleVisibility } from '../../../contracts/knowledge.js';
import type { Locale } from '../../../contracts/roles.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, notFound, type FieldError } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { assertCan, can } from '../../platform/permissions/policy.js';
import { assertCategory } from './knowledge-categories.service.js';
import { searchTermsOf } from './knowledge.search.js';
import { kbArticleTranslations, kbArticleVersions, kbArticleVotes, kbArticles, type ArticleSnapshot } from './knowledge.tables.js';

export interface TranslationInput {
  language: Locale;
  title: string;
  body: string;
}
export interface ArticleInput {
  categoryId?: string | null;
  visibility?: ArticleVisibility;
  tags?: string[];
  /** The article's text per language; on update, replaces the set (a language left out is removed). */
  translations: TranslationInput[];
}
export type ArticleRow = typeof kbArticles.$inferSelect;
export type Translation = { language: Locale; title: string; body: string; updatedAt: Date };
export interface Article extends ArticleRow {
  translations: Translation[];
  helpfulYes: number;
  helpfulNo: number;
  /** The caller's own answer to "was this helpful?", null when they have not answered. */
  myVote: boolean | null;
}

/** Languages to show an article in, best first: the one asked for, its sibling Chinese, then the others. */
export function languagePreference(language: Locale): Locale[] {
  const sibling: Partial<Record<Locale, Locale>> = { 'zh-CN': 'zh-TW', 'zh-TW': 'zh-CN' };
  return [...new Set<Locale>([language, ...(sibling[language] ? [sibling[language]!] : []), 'en', 'zh-CN', 'zh-TW'])];
}
export function pickTranslation<T extends { language: Locale }>(translations: T[], language: Locale): T | undefined {
  for (const l of languagePreference(language)) {
    const found = translations.find((t) => t.language === l);
    if (found) return found;
  }
  return translations[0];
}

const byId = (ctx: RequestContext, id: string) => and(eq(kbArticles.workspaceId, ctx.workspaceId), eq(kbArticles.id, id));
/** Drafts are for those who write: everyone else reads published articles only. */
const readableStatus = (ctx: RequestContext) => (can(ctx, 'knowledge.write') ? undefined : eq(kbArticles.status, 'published'));

async function translationsOf(tx: Executor, ctx: RequestContext, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ articleId: kbArticleTranslations.articleId, language: kbArticleTranslations.language, title: kbArticleTranslations.title, body: kbArticleTranslations.body, updatedAt: kbArticleTranslations.updatedAt })
    .from(kbArticleTranslations)
    .where(and(eq(kbArticleTranslations.workspaceId, ctx.workspaceId), inArray(kbArticleTranslations.articleId, ids)));
}

/** Helpful yes/no counts per article, and the caller's own vote. */
export async function votesOf(tx: Executor, workspaceId: string, ids: string[], voter: string | null) {
  const out = new Map<string, { helpfulYes: number; helpfulNo: number; myVote: boolean | null }>(ids.map((id) => [id, { helpfulYes: 0, helpfulNo: 0, myVote: null }]));
  if (!ids.length) return out;
  const rows = await tx
    .select({
      articleId: kbArticleVotes.articleId,
      yes: sql<number>`count(*) filter (where ${kbArticleVotes.helpful})::int`,
      no: sql<number>`count(*) filter (where not ${kbArticleVotes.helpful})::int`,
      mine: sql<boolean | null>`bool_or(${kbArticleVotes.helpful}) filter (where ${kbArticleVotes.voter} = ${voter ?? ''})`,
    })
    .from(kbArticleVotes)
    .where(and(eq(kbArticleVotes.workspaceId, workspaceId), inArray(kbArticleVotes.articleId, ids)))
    .groupBy(kbArticleVotes.articleId);
  for (const r of rows) out.set(r.articleId, { helpfulYes: r.yes, helpfulNo: r.no, myVote: r.mine });
  return out;
}

const voterOf = (ctx: RequestContext) => (ctx.userId ? `u:${ctx.userId}` : `k:${ctx.apiKeyId}`);

/** One article with every translation (drafts only for writers; others get a 404). */
export async function getArticle(tx: Executor, ctx: RequestContext, id: string): Promise<Article> {
  const [row] = await tx.select().from(kbArticles).where(and(byId(ctx, id), readableStatus(ctx)));
  if (!row) throw notFound('article');
  const translations = (await translationsOf(tx, ctx, [id])).map(({ articleId: _a, ...t }) => t);
  return { ...row, translations, ...(await votesOf(tx, ctx.workspaceId, [id], voterOf(ctx))).get(id)! };
}

export const articleListSpec: ListSpec = {
  fields: {
    updatedAt: { column: kbArticles.updatedAt, type: 'timestamp', sortable: true },
    createdAt: { column: kbArticles.createdAt, type: 'timestamp', sortable: true },
    viewCount: { column: kbArticles.viewCount, type: 'number', sortable: true },
    status: { column: kbArticles.status, type: 'text' },
    visibility: { column: kbArticles.visibility, type: 'text' },
    categoryId: { column: kbArticles.categoryId, type: 'uuid' },
    authorId: { column: kbArticles.authorId, type: 'uuid' },
  },
  id: kbArticles.id,
  defaultSort: '-updatedAt',
};

/** Articles, newest change first, each titled in `language` (or the nearest language it has). */
export async function listArticles(tx: Executor, ctx: RequestContext, params: ListParams, language: Locale) {
  const plan = planList(articleListSpec, params);
  const rows = await tx
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.workspaceId, ctx.workspaceId), readableStatus(ctx), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  const page = plan.page(rows);
  const ids = page.data.map((r) => r.id);
  const translations = await translationsOf(tx, ctx, ids);
  const votes = await votesOf(tx, ctx.workspaceId, ids, voterOf(ctx));
  return {
    data: page.data.map((row) => {
      const own = translations.filter((t) => t.articleId === row.id);
      const shown = pickTranslation(own, language);
      return { ...row, ...votes.get(row.id)!, languages: own.map((t) => t.language), language: shown?.language ?? language, title: shown?.title ?? '' };
    }),
    nextCursor: page.nextCursor,
  };
}

/** Translations checked (one per language) and cleaned. */
function cleanTranslations(translations: TranslationInput[]): TranslationInput[] {
  const errors: FieldError[] = [];
  const seen = new Set<Locale>();
  const out = translations.map((t, i) => {
    if (seen.has(t.language)) errors.push({ field: `translations.${i}.language`, code: 'taken' });
    seen.add(t.language);
    return { language: t.language, title: t.title.trim(), body: t.body.replace(/\s+$/, '') };
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
  return out;
}
const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

async function writeTranslations(tx: Executor, ctx: RequestContext, articleId: string, translations: TranslationInput[]): Promise<void> {
  await tx.delete(kbArticleTranslations).where(and(eq(kbArticleTranslations.workspaceId, ctx.workspaceId), eq(kbArticleTranslations.articleId, articleId)));
  await tx.insert(kbArticleTranslations).values(
    translations.map((t) => ({ workspaceId: ctx.workspaceId, articleId, ...t, searchTerms: searchTermsOf(t.title, t.body) })),
  );
}

const snapshotOf = (article: Article): ArticleSnapshot => ({
  categoryId: article.categoryId,
  visibility: article.visibility,
  tags: article.tags,
  translations: article.translations.map(({ language, title, body }) => ({ language, title, body })),
});
/** Audit shape: the row and its text, without counters. */
const auditShape = (a: Article) => ({ ...snapshotOf(a), status: a.status, version: a.version });

/** Keeps the article's current state as its next version. */
async function keepVersion(tx: Executor, ctx: RequestContext, article: Article): Promise<number> {
  const version = article.version + 1;
  await tx.insert(kbArticleVersions).values({ workspaceId: ctx.workspaceId, articleId: article.id, version, content: snapshotOf(article), createdBy: ctx.userId });
  await tx.update(kbArticles).set({ version }).where(byId(ctx, article.id));
  return version;
}

/** A new draft (knowledge.write); the caller is its author. */
export async function createArticle(tx: Executor, ctx: RequestContext, input: ArticleInput): Promise<Article> {
  assertCan(ctx, 'knowledge.write');
  if (input.categoryId) await assertCategory(tx, ctx, input.categoryId, 'categoryId');
  const translations = cleanTranslations(input.translations);
  const id = uuidv7();
  await tx.insert(kbArticles).values({
    workspaceId: ctx.workspaceId,
    id,
    categoryId: input.categoryId ?? null,
    visibility: input.visibility ?? 'internal',
    tags: cleanTags(input.tags ?? []),
    authorId: ctx.userId,
    updatedBy: ctx.userId,
  });
  await writeTranslations(tx, ctx, id, translations);
  const article = await getArticle(tx, ctx, id);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'article', recordId: id, after: auditShape(article) });
  return article;
}

/**
 * Changes an article. A draft is changed by writers; a published article only by those who may publish,
 * since the change is live at once — and the state before it stays readable as a version.
 */
export async function updateArticle(tx: Executor, ctx: RequestContext, id: string, patch: Partial<ArticleInput>): Promise<Article> {
  assertCan(ctx, 'knowledge.write');
  const before = await getArticle(tx, ctx, id);
  if (before.status === 'published') assertCan(ctx, 'knowledge.publish');
  if (patch.categoryId) await assertCategory(tx, ctx, patch.categoryId, 'categoryId');
  await tx
    .update(kbArticles)
    .set({
      ...(patch.categoryId !== undefined ? { categoryId: patch.categoryId } : {}),
      ...(patch.visibility ? { visibility: patch.visibility } : {}),
      ...(patch.tags ? { tags: cleanTags(patch.tags) } : {}),
      updatedBy: ctx.userId,
      updatedAt: new Date(),
    })
    .where(byId(ctx, id));
  if (patch.translations) await writeTranslations(tx, ctx, id, cleanTranslations(patch.translations));
  let after = await getArticle(tx, ctx, id);
  if (after.status === 'published') {
    await keepVersion(tx, ctx, after);
    after = await getArticle(tx, ctx, id);
  }
  await recordAudit(tx, ctx, { action: 'update', recordType: 'article', recordId: id, before: auditShape(before), after: auditShape(after) });
  return after;
}

/** Publishes (knowledge.publish): searchable and suggested from now on; its text is kept as a new version. */
export async function setArticleStatus(tx: Executor, ctx: RequestContext, id: string, status: ArticleStatus): Promise<Article> {
  assertCan(ctx, 'knowledge.publish');
  const before = await getArticle(tx, ctx, id);
  if (before.status === status) return before;
  await tx
    .update(kbArticles)
    .set({ status, updatedBy: ctx.userId, updatedAt: new Date(), ...(status === 'published' ? { publishedAt: new Date() } : {}) })
    .where(byId(ctx, id));
  if (status === 'published') await keepVersion(tx, ctx, before);
  const after = await getArticle(tx, ctx, id);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'article', recordId: id, before: auditShape(before), after: auditShape(after) });
  return after;
}

/** Deletes an article, its versions and votes (knowledge.publish). */
export async function deleteArticle(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'knowledge.publish');
  const before = await getArticle(tx, ctx, id);
  for (const table of [kbArticleTranslations, kbArticleVersions, kbArticleVotes]) await tx.delete(table).where(and(eq(table.workspaceId, ctx.workspaceId), eq(table.articleId, id)));
  await tx.delete(kbArticles).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'article', recordId: id, before: auditShape(before) });
}

export type ArticleVersion = typeof kbArticleVersions.$inferSelect;

/** The kept versions of an article, newest first. */
export async function listVersions(tx: Executor, ctx: RequestContext, id: string): Promise<ArticleVersion[]> {
  await getArticle(tx, ctx, id);
  return tx.select().from(kbArticleVersions).where(and(eq(kbArticleVersions.workspaceId, ctx.workspaceId), eq(kbArticleVersions.articleId, id))).orderBy(desc(kbArticleVersions.version));
}

export async function getVersion(tx: Executor, ctx: RequestContext, id: string, version: number): Promise<ArticleVersion> {
  await getArticle(tx, ctx, id);
  const [row] = await tx
    .select()
    .from(kbArticleVersions)
    .where(and(eq(kbArticleVersions.workspaceId, ctx.workspaceId), eq(kbArticleVersions.articleId, id), eq(kbArticleVersions.version, version)));
  if (!row) throw notFound('articleVersion');
  return row;
}

/** Makes an earlier version the article's text again: an edit like any other, so a published article keeps it as a new version. */
export async function restoreVersion(tx: Executor, ctx: RequestContext, id: string, version: number): Promise<Article> {
  const { content } = await getVersion(tx, ctx, id, version);
  const categoryStillThere = content.categoryId ? await assertCategory(tx, ctx, content.categoryId, 'categoryId').then(() => true, () => false) : true;
  return updateArticle(tx, ctx, id, { ...content, categoryId: categoryStillThere ? content.categoryId : null });
}

/** Records the caller's "was this helpful?" (changing an earlier answer). */
export async function voteOnArticle(tx: Executor, ctx: RequestContext, id: string, helpful: boolean): Promise<Article> {
  const article = await getArticle(tx, ctx, id);
  if (article.status !== 'published') throw notFound('article');
  const voter = voterOf(ctx);
  await tx
    .insert(kbArticleVotes)
    .values({ workspaceId: ctx.workspaceId, articleId: id, voter, helpful })
    .onConflictDoUpdate({ target: [kbArticleVotes.workspaceId, kbArticleVotes.articleId, kbArticleVotes.voter], set: { helpful, createdAt: new Date() } });
  await recordAudit(tx, ctx, { action: article.myVote === null ? 'create' : 'update', recordType: 'article_vote', recordId: id, before: article.myVote === null ? null : { helpful: article.myVote }, after: { helpful } });
  return getArticle(tx, ctx, id);
}

/** Counts one reading of a published article (a counter, not audited). */
export async function countView(tx: Executor, workspaceId: string, id: string): Promise<void> {
  await tx
    .update(kbArticles)
    .set({ viewCount: sql`${kbArticles.viewCount} + 1` })
    .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, id), eq(kbArticles.status, 'published')));
}
