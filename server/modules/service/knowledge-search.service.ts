import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../contracts/roles.js';
import type { Database, Executor } from '../../db/client.js';
import { inWorkspace } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { notFound } from '../../platform/errors/app-error.js';
import { highlight, planQuery, snippetOf, type Hit, type QueryPlan } from './knowledge.search.js';
import { countView, languagePreference, pickTranslation, votesOf } from './knowledge.service.js';
import { kbArticleTranslations, kbArticles } from './knowledge.tables.js';

/** One found article, in the reader's language where it has one, with where the query matched. */
export interface ArticleHit {
  id: string;
  categoryId: string | null;
  visibility: 'internal' | 'public';
  tags: string[];
  language: Locale;
  title: string;
  titleHits: Hit[];
  snippet: string;
  snippetHits: Hit[];
  score: number;
  viewCount: number;
  helpfulYes: number;
  helpfulNo: number;
  updatedAt: Date;
}

/** Candidate translations read per query: more than any page needs, bounded for queries of common terms. */
const MAX_CANDIDATES = 2000;
const TITLE_WEIGHT = 3;
/** Share of a search query an article must cover (by characters and words) to be a result. */
const MIN_COVERAGE = 0.5;

interface RankOptions {
  workspaceId: string;
  language: Locale;
  limit: number;
  /** search: results must cover half the query; suggest: long text, results must match two terms. */
  mode: 'search' | 'suggest';
  publicOnly?: boolean;
  categoryId?: string;
  voter?: string | null;
}

/**
 * Published articles ranked for a query. Candidates come from the GIN index (`search_terms && terms`);
 * each query term weighs its rarity among them (idf), a title match three times a body match; a search
 * result must cover at least half of the query. Translations of one article count once, shown in the
 * reader's language when that translation matched too.
 */
async function rankArticles(tx: Executor, query: string, options: RankOptions): Promise<ArticleHit[]> {
  const plan = planQuery(query);
  if (!plan.terms.length) return [];
  const tagged = plan.terms.flatMap((t) => [`t:${t}`, `b:${t}`]);
  const published: SQL[] = [eq(kbArticles.status, 'published')];
  if (options.publicOnly) published.push(eq(kbArticles.visibility, 'public'));
  if (options.categoryId) published.push(eq(kbArticles.categoryId, options.categoryId));
  const keys = sql`${`{${tagged.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
  const hitsExpr = sql<string[]>`array(select unnest(${kbArticleTranslations.searchTerms}) intersect select unnest(${keys}))`;
  const candidates = await tx
    .select({ articleId: kbArticleTranslations.articleId, language: kbArticleTranslations.language, hits: hitsExpr })
    .from(kbArticleTranslations)
    .innerJoin(kbArticles, and(eq(kbArticles.workspaceId, kbArticleTranslations.workspaceId), eq(kbArticles.id, kbArticleTranslations.articleId)))
    .where(and(eq(kbArticleTranslations.workspaceId, options.workspaceId), sql`${kbArticleTranslations.searchTerms} && ${keys}`, ...published))
    .orderBy(sql`cardinality(${hitsExpr}) desc`)
    .limit(MAX_CANDIDATES);
  if (!candidates.length) return [];
  const [{ total }] = (await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(kbArticleTranslations)
    .innerJoin(kbArticles, and(eq(kbArticles.workspaceId, kbArticleTranslations.workspaceId), eq(kbArticles.id, kbArticleTranslations.articleId)))
    .where(and(eq(kbArticleTranslations.workspaceId, options.workspaceId), ...published))) as [{ total: number }];

  const scored = scoreCandidates(candidates, plan, total, options.mode);
  const byArticle = new Map<string, { language: Locale; score: number }[]>();
  for (const c of scored) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  const preference = languagePreference(options.language);
  // An article scores its best translation and is shown in the reader's most preferred language that matched too:
  // a Taiwanese reader who typed the mainland word 打印机 still reads the zh-TW text.
  const best = new Map(
    [...byArticle].map(([id, list]) => {
      const max = Math.max(...list.map((c) => c.score));
      const shown = [...list].sort((a, b) => preference.indexOf(a.language) - preference.indexOf(b.language))[0]!;
      return [id, { language: shown.language, score: max }];
    }),
  );
  const top = [...best.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, options.limit);
  if (!top.length) return [];
  return present(tx, options, top, plan.terms);
}

/** Each candidate translation's score, or dropped when it covers too little of the query. */
function scoreCandidates(candidates: { articleId: string; language: Locale; hits: string[] }[], plan: QueryPlan, total: number, mode: RankOptions['mode']) {
  const df = new Map<string, number>();
  for (const c of candidates) for (const term of new Set(c.hits.map((h) => h.slice(2)))) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log(1 + total / (df.get(term) ?? total));
  const out: { articleId: string; language: Locale; score: number }[] = [];
  for (const c of candidates) {
    const inTitle = new Set(c.hits.filter((h) => h.startsWith('t:')).map((h) => h.slice(2)));
    const inBody = new Set(c.hits.filter((h) => h.startsWith('b:')).map((h) => h.slice(2)));
    const matched = new Set([...inTitle, ...inBody]);
    const covered = new Set([...matched].flatMap((t) => plan.covers.get(t) ?? []));
    const coverage = covered.size / plan.units;
    if (mode === 'search' && coverage < MIN_COVERAGE) continue;
    if (mode === 'suggest' && matched.size < Math.min(2, plan.terms.length)) continue;
    let score = 0;
    for (const term of matched) score += idf(term) * ((inTitle.has(term) ? TITLE_WEIGHT : 0) + (inBody.has(term) ? 1 : 0));
    out.push({ articleId: c.articleId, language: c.language, score: mode === 'search' ? score * coverage : score });
  }
  return out;
}

async function present(tx: Executor, options: RankOptions, top: [string, { language: Locale; score: number }][], terms: string[]): Promise<ArticleHit[]> {
  const ids = top.map(([id]) => id);
  const articles = await tx.select().from(kbArticles).where(and(eq(kbArticles.workspaceId, options.workspaceId), inArray(kbArticles.id, ids)));
  const texts = await tx
    .select({ articleId: kbArticleTranslations.articleId, language: kbArticleTranslations.language, title: kbArticleTranslations.title, body: kbArticleTranslations.body })
    .from(kbArticleTranslations)
    .where(and(eq(kbArticleTranslations.workspaceId, options.workspaceId), inArray(kbArticleTranslations.articleId, ids)));
  const votes = await votesOf(tx, options.workspaceId, ids, options.voter ?? null);
  return top.map(([id, { language, score }]) => {
    const article = articles.find((a) => a.id === id)!;
    const text = texts.find((t) => t.articleId === id && t.language === language)!;
    const snippet = snippetOf(text.body, terms);
    return {
      id,
      categoryId: article.categoryId,
      visibility: article.visibility,
      tags: article.tags,
      language,
      title: text.title,
      titleHits: highlight(text.title, terms),
      snippet: snippet.text,
      snippetHits: snippet.hits,
      score: Math.round(score * 1000) / 1000,
      viewCount: article.viewCount,
      updatedAt: article.updatedAt,
      ...votes.get(id)!,
    };
  });
}

/** Full-text search of published articles, internal and public, for a member. */
export function searchArticles(tx: Executor, ctx: RequestContext, query: string, options: { language?: Locale; categoryId?: string; limit?: number } = {}): Promise<ArticleHit[]> {
  return rankArticles(tx, query, { workspaceId: ctx.workspaceId, language: options.language ?? ctx.locale, limit: options.limit ?? 20, mode: 'search', categoryId: options.categoryId, voter: ctx.userId ? `u:${ctx.userId}` : null });
}

/** Published articles that may answer a case, from its subject and description. */
export function suggestArticles(tx: Executor, ctx: RequestContext, text: string, limit = 5): Promise<ArticleHit[]> {
  return rankArticles(tx, text, { workspaceId: ctx.workspaceId, language: ctx.locale, limit, mode: 'suggest', voter: ctx.userId ? `u:${ctx.userId}` : null });
}

/**
 * Public articles of a workspace for someone who is not a member (the customer portal): no member context,
 * only the workspace and the reader's language. Runs in its own workspace-confined transaction.
 */
export function searchPublicArticles(database: Database, workspaceId: string, language: Locale, query: string, limit = 20): Promise<ArticleHit[]> {
  return inWorkspace(database.db, workspaceId, (tx) => rankArticles(tx, query, { workspaceId, language, limit, mode: 'search', publicOnly: true }));
}

/** One public, published article in the reader's language (or the nearest it has), counting the view; 404 otherwise. */
export function readPublicArticle(database: Database, workspaceId: string, id: string, language: Locale) {
  return inWorkspace(database.db, workspaceId, async (tx) => {
    const [article] = await tx
      .select()
      .from(kbArticles)
      .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, id), eq(kbArticles.status, 'published'), eq(kbArticles.visibility, 'public')));
    if (!article) throw notFound('article');
    const translations = await tx.select().from(kbArticleTranslations).where(and(eq(kbArticleTranslations.workspaceId, workspaceId), eq(kbArticleTranslations.articleId, id)));
    const shown = pickTranslation(translations, language)!;
    await countView(tx, workspaceId, id);
    const votes = (await votesOf(tx, workspaceId, [id], null)).get(id)!;
    return { id, categoryId: article.categoryId, tags: article.tags, language: shown.language, languages: translations.map((t) => t.language), title: shown.title, body: shown.body, publishedAt: article.publishedAt, updatedAt: article.updatedAt, helpfulYes: votes.helpfulYes, helpfulNo: votes.helpfulNo };
  });
}
