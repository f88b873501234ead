import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PoolEventKind, PoolRecordType, PoolReturnRule } from '../../../contracts/pools.js';
import type { Role } from '../../../contracts/roles.js';
import { tenantPolicy, workspaceIdColumn } from '../../db/tenant-table.js';

/**
 * A public pool (公海) of accounts or of leads without an owner, from which its members claim. Rules send a
 * claimed record back when its owner lets it go quiet or does not convert it in time.
 */
export const pools = pgTable(
  'pools',
  {
    workspaceId: workspaceIdColumn(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    recordType: text('record_type').$type<PoolRecordType>().notNull(),
    description: text('description'),
    /** Roles whose members may see and claim; empty: every role that may own records. */
    roles: text('roles').array().$type<Role[]>().notNull().default(sql`'{}'`),
    /** Teams whose members may see and claim; empty: every team (and members without one). */
    teamIds: uuid('team_ids').array().notNull().default(sql`'{}'`),
    /** Back to the pool after this many days without a follow-up (null: no such rule). */
    followUpDays: integer('follow_up_days'),
    /** Back to the pool when not converted / no deal won this many days after the claim (null: no such rule). */
    convertDays: integer('convert_days'),
    /** The owner is warned this many days before a return. */
    warnDays: integer('warn_days').notNull().default(3),
    /** Who gave a record back (or had it returned) may not claim it again for this many days. */
    cooldownDays: integer('cooldown_days').notNull().default(0),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('pools_type_idx').on(t.workspaceId, t.recordType, t.position), tenantPolicy()],
).enableRLS();

/** How much a member of a role may take from pools: records held at once, and claims per day (null: no limit). */
export const poolRoleLimits = pgTable(
  'pool_role_limits',
  {
    workspaceId: workspaceIdColumn(),
    role: text('role').$type<Role>().notNull(),
    maxHeld: integer('max_held'),
    maxDailyClaims: integer('max_daily_claims'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.role] }), tenantPolicy()],
).enableRLS();

/**
 * The records waiting in pools: one row per ownerless record, so a pool's page is one index range however
 * large the accounts table. The record keeps no pool column: the module owning it stays unaware of pools.
 */
export const poolRecords = pgTable(
  'pool_records',
  {
    workspaceId: workspaceIdColumn(),
    recordType: text('record_type').$type<PoolRecordType>().notNull(),
    recordId: uuid('record_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.recordType, t.recordId] }),
    foreignKey({ columns: [t.workspaceId, t.poolId], foreignColumns: [pools.workspaceId, pools.id] }),
    index('pool_records_list_idx').on(t.workspaceId, t.poolId, t.enteredAt.desc(), t.recordId.desc()),
    tenantPolicy(),
  ],
).enableRLS();

/** Records members hold from pools, with what the return rules need: since when, and which deadline was warned of. */
export const poolClaims = pgTable(
  'pool_claims',
  {
    workspaceId: workspaceIdColumn(),
    recordType: text('record_type').$type<PoolRecordType>().notNull(),
    recordId: uuid('record_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    userId: uuid('user_id').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The return deadline the owner was last warned of: a later deadline (after a follow-up) warns again. */
    warnedFor: timestamp('warned_for', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.recordType, t.recordId] }),
    foreignKey({ columns: [t.workspaceId, t.poolId], foreignColumns: [pools.workspaceId, pools.id] }),
    index('pool_claims_user_idx').on(t.workspaceId, t.userId),
    index('pool_claims_pool_idx').on(t.workspaceId, t.poolId, t.claimedAt),
    tenantPolicy(),
  ],
).enableRLS();

/** The pool history of records: every addition, claim, release, return and warning — who, when, why, which rule. Append-only. */
export const poolEvents = pgTable(
  'pool_events',
  {
    workspaceId: workspaceIdColumn(),
    /** UUIDv7: sorts by time. */
    id: uuid('id').notNull(),
    recordType: text('record_type').$type<PoolRecordType>().notNull(),
    recordId: uuid('record_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    kind: text('kind').$type<PoolEventKind>().notNull(),
    /** The member the record was claimed by or taken from. */
    userId: uuid('user_id'),
    /** Who did it; null for the return rules' sweep. */
    actorUserId: uuid('actor_user_id'),
    rule: text('rule').$type<PoolReturnRule>(),
    reason: text('reason'),
    /** For warnings: when the record will go back. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('pool_events_record_idx').on(t.workspaceId, t.recordType, t.recordId, t.id),
    // Today's claims of a member (the daily limit).
    index('pool_events_user_idx').on(t.workspaceId, t.userId, t.kind, t.at),
    tenantPolicy(),
  ],
).enableRLS();
