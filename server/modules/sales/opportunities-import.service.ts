import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAuditMany } from '../../platform/audit/audit.service.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { memberships, users } from '../../platform/tenancy/tenancy.tables.js';
import { productsByNames } from '../catalog/index.js';
import { createAccount, listAccounts } from '../customers/index.js';
import { opportunities, opportunityLines, opportunityStageChanges } from './opportunities.tables.js';
import { currencyOf } from './analysis.service.js';
import { defaultPipeline, getPipeline, type PipelineWithStages, type Stage } from './pipelines.service.js';

/** Fields a column of a deals file can fill, with the header spellings that map to each (compared normalized). */
export const OPPORTUNITY_IMPORT_TARGETS: Record<string, string[]> = {
  externalId: ['opportunity id', 'deal id', 'id', 'external id', '商机编号', '商機編號', '编号', '編號'],
  name: ['name', 'opportunity', 'opportunity name', 'deal', 'deal name', '商机', '商機', '商机名称', '商機名稱'],
  owner: ['owner', 'sales agent', 'agent', 'sales rep', 'owner email', '负责人', '負責人', '销售', '銷售', '业务员', '業務員'],
  account: ['account', 'account name', 'company', 'customer', '客户', '客戶', '公司'],
  product: ['product', 'product name', '产品', '產品'],
  stage: ['stage', 'deal stage', 'sales stage', '阶段', '階段', '销售阶段', '銷售階段'],
  createdOn: ['engage date', 'created', 'created date', 'created on', 'open date', '创建日期', '建立日期', '开始日期', '開始日期'],
  closeDate: ['close date', 'expected close', 'expected close date', '成交日期', '结单日期', '結單日期', '预计成交日期', '預計成交日期'],
  amount: ['amount', 'close value', 'value', 'deal value', '金额', '金額', '成交金额', '成交金額'],
  currency: ['currency', '币种', '幣別', '货币', '貨幣'],
  source: ['source', 'lead source', '来源', '來源'],
};

/** What a stage written in a file may be called, per built-in stage (besides its own name and key). */
const STAGE_ALIASES: Record<string, string[]> = {
  qualification: ['prospecting', 'prospect', 'qualification', 'qualify', 'new', 'lead', '初步接洽', '初步接觸', '资格确认', '資格確認'],
  needs_analysis: ['engaging', 'engaged', 'needs analysis', 'discovery', '需求分析', '需求确认', '需求確認'],
  proposal: ['proposal', 'quote', 'quotation', 'proposal/price quote', '方案', '报价', '報價', '方案报价', '方案報價'],
  negotiation: ['negotiation', 'negotiation/review', '谈判', '談判', '商务谈判', '商務談判'],
  won: ['won', 'closed won', 'win', '赢单', '贏單', '成交'],
  lost: ['lost', 'closed lost', 'loss', '丢单', '丟單', '输单', '輸單'],
};

export const MAX_IMPORT_OPPORTUNITIES = 50_000;
const normalize = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：()（）]+/g, ' ').trim();

export interface DealRow {
  rowNo: number;
  values: Record<string, string>;
}

export interface OpportunityImportPlan {
  pipelineId: string;
  currency: string;
  createAccounts: boolean;
  /** Keys of rows without an id of their own (`import:<job>:<row>`): a resumed job skips what it already wrote. */
  keyPrefix: string;
}

export interface ImportProblem {
  rowNo: number;
  field: string;
  code: string;
  value?: string;
}

/** Columns → fields by header; a file must name its deals or give the account they are with. */
export function mapDealColumns(headers: string[]): (string | null)[] {
  const taken = new Set<string>();
  const mapping = headers.map((header) => {
    const h = normalize(header);
    const match = Object.entries(OPPORTUNITY_IMPORT_TARGETS).find(([target, aliases]) => !taken.has(target) && aliases.some((a) => normalize(a) === h));
    if (!match) return null;
    taken.add(match[0]);
    return match[0];
  });
  if (!taken.has('name') && !taken.has('account')) throw invalidField('mapping', 'required', { field: 'name' });
  return mapping;
}

export function dealRows(file: { headers: string[]; rows: string[][] }): DealRow[] {
  if (file.rows.length > MAX_IMPORT_OPPORTUNITIES) throw invalidField('content', 'maxItems', { limit: MAX_IMPORT_OPPORTUNITIES });
  const mapping = mapDealColumns(file.headers);
  return file.rows.map((cells, i) => {
    const values: Record<string, string> = {};
    mapping.forEach((target, c) => {
      const cell = cells[c]?.trim();
      if (target && cell) values[target] = cell;
    });
    return { rowNo: i + 1, values };
  });
}

/** The stage a file's word names: a stage's own name, a built-in key, or a common spelling of one. */
export function stageNamed(pipeline: PipelineWithStages, written: string): Stage | undefined {
  const w = normalize(written);
  return (
    pipeline.stages.find((s) => s.name && normalize(s.name) === w) ??
    pipeline.stages.find((s) => s.key && (normalize(s.key) === w || (STAGE_ALIASES[s.key] ?? []).some((a) => normalize(a) === w)))
  );
}

/** Plans an import: checks the caller may, and resolves the pipeline (default unless named) and currency. */
export async function planDealImport(tx: Executor, ctx: RequestContext, options: { pipelineId?: string; currency?: string; createAccounts?: boolean }, keyPrefix: string): Promise<OpportunityImportPlan> {
  assertCan(ctx, 'sales.configure');
  const pipeline = options.pipelineId ? await getPipeline(tx, ctx, options.pipelineId).catch(() => null) : await defaultPipeline(tx, ctx);
  if (!pipeline || pipeline.archivedAt) throw invalidField('pipelineId', 'invalid');
  return { pipelineId: pipeline.id, currency: await currencyOf(tx, ctx, options.currency), createAccounts: options.createAccounts ?? true, keyPrefix };
}

/** Lookups a job keeps between its batches: each owner, account and product is resolved once per import. */
export interface ImportCaches {
  owners?: Map<string, string>;
  accounts: Map<string, string | null>;
  products: Map<string, { id: string; sku: string } | null>;
}

async function ownersByNameOrEmail(tx: Executor, ctx: RequestContext): Promise<Map<string, string>> {
  const rows = await tx
    .select({ userId: memberships.userId, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.status, 'active')));
  const map = new Map<string, string>();
  for (const r of rows) {
    map.set(normalize(r.name), r.userId);
    map.set(r.email.toLowerCase(), r.userId);
  }
  return map;
}

function parseDay(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(raw);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return Number.isNaN(new Date(`${day}T00:00:00Z`).getTime()) ? null : day;
}

/** "1,054.50" → 105450 (minor units of a two-decimal currency); null when not an amount. */
function parseMoney(raw: string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  const text = raw.replace(/[,\s¥$€£]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/**
 * Writes one batch of a deals file: owners matched to members by name or e-mail, accounts by name (made
 * when missing, unless told not to), products by name (one line each), stages by name or common spelling
 * (Prospecting, Engaging, Won, Lost…). A deal gets its stage history from the file's dates: entered at
 * its creation date, closed on its close date (see docs/sales.md for the mapping). Rows already imported
 * (same id, or same row of the same job) are skipped, so a batch may run twice.
 */
export async function importDealBatch(tx: Executor, ctx: RequestContext, plan: OpportunityImportPlan, rows: DealRow[], caches: ImportCaches): Promise<{ created: number; skipped: number; problems: ImportProblem[] }> {
  const pipeline = await getPipeline(tx, ctx, plan.pipelineId);
  const firstOpen = pipeline.stages.find((s) => s.kind === 'open')!;
  const secondOpen = pipeline.stages.filter((s) => s.kind === 'open')[1] ?? firstOpen;
  caches.owners ??= await ownersByNameOrEmail(tx, ctx);
  const problems: ImportProblem[] = [];

  const missingProducts = [...new Set(rows.map((r) => r.values.product).filter((p): p is string => Boolean(p) && !caches.products.has(p!)))];
  if (missingProducts.length) {
    const found = await productsByNames(tx, ctx, missingProducts);
    for (const name of missingProducts) {
      const product = found.get(name);
      caches.products.set(name, product ? { id: product.id, sku: product.sku } : null);
    }
  }
  for (const name of new Set(rows.map((r) => r.values.account).filter((a): a is string => Boolean(a)))) {
    if (caches.accounts.has(name)) continue;
    const [same] = (await listAccounts(tx, ctx, { filter: `name:eq:${name}`, limit: 1 })).data;
    caches.accounts.set(name, same?.id ?? (plan.createAccounts ? (await createAccount(tx, ctx, { name, type: 'customer' })).id : null));
  }

  const keys = rows.map((r) => r.values.externalId ?? `${plan.keyPrefix}:${r.rowNo}`);
  const done = new Set(
    (await tx.select({ key: opportunities.externalId }).from(opportunities).where(and(eq(opportunities.workspaceId, ctx.workspaceId), inArray(opportunities.externalId, keys)))).map((r) => r.key),
  );
  const deals: (typeof opportunities.$inferInsert)[] = [];
  const changes: (typeof opportunityStageChanges.$inferInsert)[] = [];
  const lines: (typeof opportunityLines.$inferInsert)[] = [];
  let skipped = 0;
  for (const [at, row] of rows.entries()) {
    const v = row.values;
    const key = keys[at]!;
    if (done.has(key)) {
      skipped += 1;
      continue;
    }
    const before = problems.length;
    const problem = (field: string, code: string, value?: string) => problems.push({ rowNo: row.rowNo, field, code, ...(value ? { value } : {}) });
    const stage = v.stage ? stageNamed(pipeline, v.stage) : firstOpen;
    if (!stage) problem('stage', 'invalid', v.stage);
    const ownerId = v.owner ? (caches.owners.get(normalize(v.owner)) ?? caches.owners.get(v.owner.toLowerCase())) : ctx.userId;
    if (v.owner && !ownerId) problem('owner', 'invalid', v.owner);
    const accountId = v.account ? caches.accounts.get(v.account) : null;
    if (v.account && !accountId) problem('account', 'invalid', v.account);
    const product = v.product ? caches.products.get(v.product) : null;
    if (v.product && !product) problem('product', 'invalid', v.product);
    const createdOn = parseDay(v.createdOn);
    if (createdOn === null) problem('createdOn', 'invalid', v.createdOn);
    const closeDate = parseDay(v.closeDate);
    if (closeDate === null) problem('closeDate', 'invalid', v.closeDate);
    const amount = parseMoney(v.amount);
    if (amount === null) problem('amount', 'invalid', v.amount);
    const currency = v.currency?.toUpperCase() ?? plan.currency;
    if (!/^[A-Z]{3}$/.test(currency)) problem('currency', 'invalid', v.currency);
    if (problems.length > before || !stage) continue;

    const id = uuidv7();
    const closed = stage.kind !== 'open';
    // A deal without dates of its own: created now; a closed one closes on its close date (else today).
    const createdAt = createdOn ? new Date(`${createdOn}T09:00:00Z`) : new Date();
    const closedAt = closed ? (closeDate ? new Date(`${closeDate}T09:00:00Z`) : new Date()) : null;
    const expected = closeDate ?? (closedAt ?? createdAt).toISOString().slice(0, 10);
    deals.push({
      workspaceId: ctx.workspaceId,
      id,
      name: v.name ?? [v.account, v.product].filter(Boolean).join(' · '),
      pipelineId: pipeline.id,
      stageId: stage.id,
      status: stage.kind,
      amount: amount ?? 0,
      currency,
      closeDate: expected,
      probability: stage.probability,
      forecastCategory: stage.forecastCategory,
      accountId: accountId ?? null,
      source: v.source ?? null,
      externalId: key,
      ownerId: ownerId ?? null,
      stageEnteredAt: closedAt ?? createdAt,
      closedAt,
      createdAt,
      updatedAt: new Date(),
    });
    // History: created into the stage it was working in (closed deals: the second open stage, where they
    // were engaged), then closed on its close date.
    const openStage = closed ? secondOpen : stage;
    changes.push({ workspaceId: ctx.workspaceId, id: uuidv7(), opportunityId: id, pipelineId: pipeline.id, fromStageId: null, toStageId: openStage.id, changedAt: createdAt, changedBy: ctx.userId, amount: amount ?? 0 });
    if (closed) {
      changes.push({
        workspaceId: ctx.workspaceId,
        id: uuidv7(),
        opportunityId: id,
        pipelineId: pipeline.id,
        fromStageId: openStage.id,
        toStageId: stage.id,
        changedAt: closedAt!,
        changedBy: ctx.userId,
        secondsInFromStage: Math.max(0, Math.round((closedAt!.getTime() - createdAt.getTime()) / 1000)),
        amount: amount ?? 0,
      });
    }
    if (product) {
      lines.push({ workspaceId: ctx.workspaceId, opportunityId: id, position: 0, productId: product.id, sku: product.sku, name: v.product!, quantity: '1', unitPrice: amount ?? 0, listPrice: null, total: amount ?? 0 });
    }
  }
  if (deals.length) {
    await tx.insert(opportunities).values(deals);
    await tx.insert(opportunityStageChanges).values(changes);
    if (lines.length) await tx.insert(opportunityLines).values(lines);
    await recordAuditMany(tx, ctx, deals.map((d) => ({ action: 'create' as const, recordType: 'opportunity', recordId: d.id!, after: d as Record<string, unknown> })));
  }
  return { created: deals.length, skipped, problems };
}
