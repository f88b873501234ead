import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { DEFAULT_CLOSE_REASONS, DEFAULT_STAGES, type CloseReasonKind, type ForecastCategory, type StageKind } from '../../../contracts/sales.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { closeReasons, pipelines, pipelineStages } from './pipelines.tables.js';
import { opportunities } from './opportunities.tables.js';

export type Pipeline = typeof pipelines.$inferSelect;
export type Stage = typeof pipelineStages.$inferSelect;
export type CloseReason = typeof closeReasons.$inferSelect;
export type PipelineWithStages = Pipeline & { stages: Stage[] };

export interface StageInput {
  /** An existing stage of the pipeline to keep (renamed, moved, re-weighted); absent for a new one. */
  id?: string;
  name?: string | null;
  probability: number;
  kind: StageKind;
  forecastCategory?: ForecastCategory;
}

const inWorkspace = (ctx: RequestContext) => eq(pipelines.workspaceId, ctx.workspaceId);

/**
 * Gives a workspace its first pipeline (built-in stages) and close reasons the first time sales is used.
 * Safe under concurrency: the unique index on the default pipeline lets one transaction win; the other
 * waits for it and then finds its rows.
 */
export async function ensureSalesDefaults(tx: Executor, ctx: RequestContext): Promise<void> {
  const [existing] = await tx.select({ id: pipelines.id }).from(pipelines).where(inWorkspace(ctx)).limit(1);
  if (existing) return;
  const id = uuidv7();
  const { rows } = (await tx.execute(sql`
    insert into ${pipelines} (workspace_id, id, name, is_default) values (${ctx.workspaceId}, ${id}, '', true)
    on conflict do nothing returning id`)) as unknown as { rows: { id: string }[] };
  if (rows.length === 0) return;
  await tx.insert(pipelineStages).values(
    DEFAULT_STAGES.map((stage, position) => ({ workspaceId: ctx.workspaceId, id: uuidv7(), pipelineId: id, position, ...stage })),
  );
  await tx.insert(closeReasons).values(DEFAULT_CLOSE_REASONS.map((reason, position) => ({ workspaceId: ctx.workspaceId, id: uuidv7(), position, ...reason })));
}

async function stagesOf(tx: Executor, ctx: RequestContext, pipelineIds: string[]): Promise<Stage[]> {
  if (pipelineIds.length === 0) return [];
  return tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, ctx.workspaceId), inArray(pipelineStages.pipelineId, pipelineIds), isNull(pipelineStages.removedAt)))
    .orderBy(asc(pipelineStages.position));
}

/** The workspace's pipelines with their live stages, in order; archived ones only when asked. */
export async function listPipelines(tx: Executor, ctx: RequestContext, options: { includeArchived?: boolean } = {}): Promise<PipelineWithStages[]> {
  await ensureSalesDefaults(tx, ctx);
  const rows = await tx
    .select()
    .from(pipelines)
    .where(and(inWorkspace(ctx), options.includeArchived ? undefined : isNull(pipelines.archivedAt)))
    .orderBy(sql`${pipelines.isDefault} desc`, asc(pipelines.position), asc(pipelines.createdAt));
  const stages = await stagesOf(tx, ctx, rows.map((p) => p.id));
  return rows.map((p) => ({ ...p, stages: stages.filter((s) => s.pipelineId === p.id) }));
}

export async function getPipeline(tx: Executor, ctx: RequestContext, id: string): Promise<PipelineWithStages> {
  const [row] = await tx.select().from(pipelines).where(and(inWorkspace(ctx), eq(pipelines.id, id)));
  if (!row) throw notFound('pipeline');
  return { ...row, stages: await stagesOf(tx, ctx, [id]) };
}

export async function defaultPipeline(tx: Executor, ctx: RequestContext): Promise<PipelineWithStages> {
  await ensureSalesDefaults(tx, ctx);
  const [row] = await tx.select().from(pipelines).where(and(inWorkspace(ctx), eq(pipelines.isDefault, true)));
  return getPipeline(tx, ctx, row!.id);
}

/** A pipeline takes deals when it has an open, a won and a lost stage; anything else cannot be worked or closed. */
function assertStagesUsable(stages: StageInput[]): void {
  for (const kind of ['open', 'won', 'lost'] as const) {
    if (!stages.some((s) => s.kind === kind)) throw invalidField('stages', 'invalid', { missing: kind });
  }
  const names = stages.map((s) => s.name?.trim().toLowerCase()).filter(Boolean);
  if (new Set(names).size !== names.length) throw invalidField('stages', 'taken');
}

const defaultCategory = (stage: StageInput): ForecastCategory =>
  stage.forecastCategory ?? (stage.kind === 'won' ? 'closed' : stage.kind === 'lost' ? 'omitted' : stage.probability >= 75 ? 'commit' : stage.probability >= 50 ? 'best_case' : 'pipeline');

export async function createPipeline(tx: Executor, ctx: RequestContext, input: { name: string; stages?: StageInput[] }): Promise<PipelineWithStages> {
  assertCan(ctx, 'sales.configure');
  await ensureSalesDefaults(tx, ctx);
  const stages = input.stages ?? DEFAULT_STAGES.map((s) => ({ ...s, name: null }));
  assertStagesUsable(stages);
  const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${pipelines.position}), 0) + 1` }).from(pipelines).where(inWorkspace(ctx))) as [{ next: number }];
  const [row] = await tx.insert(pipelines).values({ workspaceId: ctx.workspaceId, id: uuidv7(), name: input.name.trim(), position: next }).returning();
  const keys = input.stages ? [] : DEFAULT_STAGES.map((s) => s.key);
  await tx.insert(pipelineStages).values(
    stages.map((stage, position) => ({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      pipelineId: row!.id,
      key: keys[position] ?? null,
      name: stage.name?.trim() || null,
      position,
      probability: stage.probability,
      kind: stage.kind,
      forecastCategory: defaultCategory(stage),
    })),
  );
  const created = await getPipeline(tx, ctx, row!.id);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'pipeline', recordId: row!.id, after: created });
  return created;
}

export interface PipelinePatch {
  name?: string;
  isDefault?: true;
  archived?: boolean;
  position?: number;
}

export async function updatePipeline(tx: Executor, ctx: RequestContext, id: string, patch: PipelinePatch): Promise<PipelineWithStages> {
  assertCan(ctx, 'sales.configure');
  const before = await getPipeline(tx, ctx, id);
  if (patch.archived && (before.isDefault || patch.isDefault)) throw invalidField('archived', 'invalid');
  if (patch.isDefault && before.archivedAt && patch.archived !== false) throw invalidField('isDefault', 'invalid');
  if (patch.isDefault && !before.isDefault) {
    // Off first: the partial unique index allows one default at a time.
    await tx.update(pipelines).set({ isDefault: false }).where(and(inWorkspace(ctx), eq(pipelines.isDefault, true)));
  }
  await tx
    .update(pipelines)
    .set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.isDefault ? { isDefault: true } : {}),
      ...(patch.archived !== undefined ? { archivedAt: patch.archived ? new Date() : null } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
      updatedAt: new Date(),
    })
    .where(and(inWorkspace(ctx), eq(pipelines.id, id)));
  const after = await getPipeline(tx, ctx, id);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'pipeline', recordId: id, before, after });
  return after;
}

/**
 * Sets a pipeline's stages to `inputs`, in that order: listed ids are kept and changed, new ones added,
 * unlisted ones removed — refused while live deals sit in them (they must be moved first), so that no deal
 * is ever in a stage its pipeline no longer shows. Removed stages keep their history rows.
 */
export async function replaceStages(tx: Executor, ctx: RequestContext, pipelineId: string, inputs: StageInput[]): Promise<PipelineWithStages> {
  assertCan(ctx, 'sales.configure');
  const before = await getPipeline(tx, ctx, pipelineId);
  assertStagesUsable(inputs);
  const current = new Map(before.stages.map((s) => [s.id, s]));
  for (const [at, input] of inputs.entries()) {
    if (input.id && !current.has(input.id)) throw invalidField(`stages.${at}.id`, 'invalid');
  }
  const kept = new Set(inputs.map((s) => s.id).filter(Boolean));
  const removed = before.stages.filter((s) => !kept.has(s.id)).map((s) => s.id);
  if (removed.length > 0) {
    const [{ count }] = (await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, ctx.workspaceId), inArray(opportunities.stageId, removed), isNull(opportunities.deletedAt)))) as [{ count: number }];
    if (count > 0) throw new AppError('STAGE_IN_USE', 409, { count });
    await tx
      .update(pipelineStages)
      .set({ removedAt: new Date() })
      .where(and(eq(pipelineStages.workspaceId, ctx.workspaceId), inArray(pipelineStages.id, removed)));
  }
  for (const [position, input] of inputs.entries()) {
    const values = { position, probability: input.probability, kind: input.kind, forecastCategory: defaultCategory(input) };
    const stored = input.id ? current.get(input.id) : undefined;
    if (stored) {
      // A built-in stage keeps its key (shown translated) unless given a name of its own.
      const name = input.name === undefined ? stored.name : input.name?.trim() || null;
      await tx
        .update(pipelineStages)
        .set({ ...values, name })
        .where(and(eq(pipelineStages.workspaceId, ctx.workspaceId), eq(pipelineStages.id, stored.id)));
    } else {
      await tx.insert(pipelineStages).values({ workspaceId: ctx.workspaceId, id: uuidv7(), pipelineId, name: input.name?.trim() || null, ...values });
    }
  }
  const after = await getPipeline(tx, ctx, pipelineId);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'pipeline', recordId: pipelineId, before, after });
  return after;
}

/** A live stage and its pipeline; a removed stage or an archived pipeline takes no deals (400 on `field`). */
export async function stageForDeal(tx: Executor, ctx: RequestContext, stageId: string, field = 'stageId'): Promise<Stage & { pipelineArchived: boolean }> {
  const [row] = await tx
    .select({ stage: pipelineStages, archivedAt: pipelines.archivedAt })
    .from(pipelineStages)
    .innerJoin(pipelines, and(eq(pipelines.workspaceId, pipelineStages.workspaceId), eq(pipelines.id, pipelineStages.pipelineId)))
    .where(and(eq(pipelineStages.workspaceId, ctx.workspaceId), eq(pipelineStages.id, stageId), isNull(pipelineStages.removedAt)));
  if (!row) throw invalidField(field, 'invalid');
  return { ...row.stage, pipelineArchived: row.archivedAt !== null };
}

export async function listCloseReasons(tx: Executor, ctx: RequestContext, options: { includeInactive?: boolean } = {}): Promise<CloseReason[]> {
  await ensureSalesDefaults(tx, ctx);
  return tx
    .select()
    .from(closeReasons)
    .where(and(eq(closeReasons.workspaceId, ctx.workspaceId), options.includeInactive ? undefined : eq(closeReasons.active, true)))
    .orderBy(asc(closeReasons.kind), asc(closeReasons.position));
}

export async function createCloseReason(tx: Executor, ctx: RequestContext, input: { kind: CloseReasonKind; name: string }): Promise<CloseReason> {
  assertCan(ctx, 'sales.configure');
  await ensureSalesDefaults(tx, ctx);
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${closeReasons.position}), 0) + 1` })
    .from(closeReasons)
    .where(and(eq(closeReasons.workspaceId, ctx.workspaceId), eq(closeReasons.kind, input.kind)))) as [{ next: number }];
  const [row] = await tx.insert(closeReasons).values({ workspaceId: ctx.workspaceId, id: uuidv7(), kind: input.kind, name: input.name.trim(), position: next }).returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'closeReason', recordId: row!.id, after: row });
  return row!;
}

export async function updateCloseReason(tx: Executor, ctx: RequestContext, id: string, patch: { name?: string; active?: boolean; position?: number }): Promise<CloseReason> {
  assertCan(ctx, 'sales.configure');
  const byId = and(eq(closeReasons.workspaceId, ctx.workspaceId), eq(closeReasons.id, id));
  const [before] = await tx.select().from(closeReasons).where(byId);
  if (!before) throw notFound('closeReason');
  const [after] = await tx
    .update(closeReasons)
    .set({ ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.active !== undefined ? { active: patch.active } : {}), ...(patch.position !== undefined ? { position: patch.position } : {}) })
    .where(byId)
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'closeReason', recordId: id, before, after: after! });
  return after!;
}

/** An active reason of the kind a deal closes with; 400 naming `closeReasonId` otherwise. */
export async function assertCloseReason(tx: Executor, ctx: RequestContext, id: string, kind: CloseReasonKind): Promise<void> {
  const [row] = await tx
    .select({ id: closeReasons.id })
    .from(closeReasons)
    .where(and(eq(closeReasons.workspaceId, ctx.workspaceId), eq(closeReasons.id, id), eq(closeReasons.kind, kind), eq(closeReasons.active, true)));
  if (!row) throw invalidField('closeReasonId', 'invalid');
}

/** Whether the workspace asks for a reason when deals close this way (it has active reasons of the kind). */
export async function reasonRequired(tx: Executor, ctx: RequestContext, kind: CloseReasonKind): Promise<boolean> {
  const [row] = await tx
    .select({ id: closeReasons.id })
    .from(closeReasons)
    .where(and(eq(closeReasons.workspaceId, ctx.workspaceId), eq(closeReasons.kind, kind), eq(closeReasons.active, true)))
    .limit(1);
  return row !== undefined;
}
