import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { recordAuditMany, type AuditEntry } from '../audit/audit.service.js';
import { invalidField } from '../errors/app-error.js';
import { assertCan } from '../permissions/policy.js';
import { memberships, teams, users } from './tenancy.tables.js';

/** Header spellings of a member file's columns (compared lower-cased, spaces and underscores alike). */
const MEMBER_COLUMNS: Record<'name' | 'email' | 'manager' | 'team' | 'region', string[]> = {
  name: ['name', 'sales agent', 'agent', 'sales rep', 'member', 'employee', '姓名', '销售', '銷售', '业务员', '業務員'],
  email: ['email', 'e-mail', 'mail', '邮箱', '郵箱', '电子邮件', '電子郵件'],
  manager: ['manager', 'sales manager', 'supervisor', '经理', '經理', '主管'],
  team: ['team', 'group', '团队', '團隊', '小组', '小組'],
  region: ['regional office', 'region', 'office', 'territory', '区域', '區域', '大区', '大區', '办事处', '辦事處'],
};
export const MAX_IMPORT_MEMBERS = 2_000;

const norm = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, ' ').trim();

export interface MemberImportResult {
  created: number;
  /** Already members (by e-mail): their team is set from the file. */
  existing: number;
  teamsCreated: number;
  problems: { rowNo: number; field: string; code: string }[];
}

/** `Anna Snelling` → `anna.snelling@domain` (letters and digits only; Chinese names by their code points). */
export function emailFromName(name: string, domain: string): string {
  const local = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((part) => [...part].map((c) => (/[a-z0-9]/.test(c) ? c : /\p{L}/u.test(c) ? `u${c.codePointAt(0)!.toString(16)}` : '')).join(''))
    .filter(Boolean)
    .join('.');
  return `${local || 'member'}@${domain}`;
}

/**
 * Brings a sales organisation in from a file (sales_teams.csv: agent, manager, regional office): every
 * person becomes a member — managers with the manager role, the others sales — and every manager's people
 * a team named after the manager, in their region, led by them. New people get no password: they set one
 * through "forgot password" (or an admin invites them), so an import never hands out credentials. Runs
 * as the system (new users are outside every workspace until their membership exists); every read and
 * write here is confined to the caller's workspace by hand.
 */
export async function importMembers(tx: Executor, ctx: RequestContext, file: { headers: string[]; rows: string[][] }, emailDomain: string): Promise<MemberImportResult> {
  assertCan(ctx, 'members.manage');
  if (file.rows.length > MAX_IMPORT_MEMBERS) throw invalidField('content', 'maxItems', { limit: MAX_IMPORT_MEMBERS });
  const column = Object.fromEntries(
    Object.entries(MEMBER_COLUMNS).map(([field, aliases]) => [field, file.headers.findIndex((h) => aliases.includes(norm(h)))]),
  ) as Record<keyof typeof MEMBER_COLUMNS, number>;
  if (column.name < 0) throw invalidField('mapping', 'required', { field: 'name' });
  const cell = (row: string[], field: keyof typeof MEMBER_COLUMNS) => (column[field] >= 0 ? row[column[field]]?.trim() || null : null);

  const problems: MemberImportResult['problems'] = [];
  const people = new Map<string, { rowNo: number; name: string; email: string; role: 'manager' | 'sales'; manager: string | null; team: string | null; region: string | null }>();
  const emailOf = (name: string, given: string | null) => (given ?? emailFromName(name, emailDomain)).toLowerCase();
  for (const [i, row] of file.rows.entries()) {
    const name = cell(row, 'name');
    if (!name) {
      problems.push({ rowNo: i + 1, field: 'name', code: 'required' });
      continue;
    }
    const email = emailOf(name, cell(row, 'email'));
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      problems.push({ rowNo: i + 1, field: 'email', code: 'format' });
      continue;
    }
    const manager = cell(row, 'manager');
    people.set(email, { rowNo: i + 1, name, email, role: people.get(email)?.role ?? 'sales', manager, team: cell(row, 'team'), region: cell(row, 'region') });
    if (manager) {
      const managerEmail = emailOf(manager, null);
      const known = people.get(managerEmail);
      people.set(managerEmail, { rowNo: known?.rowNo ?? i + 1, name: manager, email: managerEmail, role: 'manager', manager: null, team: known?.team ?? null, region: known?.region ?? cell(row, 'region') });
    }
  }

  // Teams: the one named in the file, else the manager's ("Central · Dustin Brinkmann"); found by name or made.
  const teamNameOf = (p: { name: string; role: string; manager: string | null; team: string | null; region: string | null }) =>
    p.team ?? (p.manager ? [p.region, p.manager].filter(Boolean).join(' · ') : p.role === 'manager' ? [p.region, p.name].filter(Boolean).join(' · ') : null);
  const existingTeams = await tx.select().from(teams).where(eq(teams.workspaceId, ctx.workspaceId));
  const teamIds = new Map(existingTeams.map((t) => [t.name.toLowerCase(), t.id]));
  const audit: AuditEntry[] = [];
  let teamsCreated = 0;
  for (const person of people.values()) {
    const name = teamNameOf(person);
    if (!name || teamIds.has(name.toLowerCase())) continue;
    const id = uuidv7();
    await tx.insert(teams).values({ workspaceId: ctx.workspaceId, id, name, region: person.region });
    teamIds.set(name.toLowerCase(), id);
    teamsCreated += 1;
    audit.push({ action: 'create', recordType: 'team', recordId: id, after: { name, region: person.region } });
  }

  const emails = [...people.keys()];
  const knownUsers = emails.length ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails)) : [];
  const userIds = new Map(knownUsers.map((u) => [u.email, u.id]));
  const members = userIds.size
    ? await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), inArray(memberships.userId, [...userIds.values()])))
    : [];
  const memberIds = new Set(members.map((m) => m.userId));
  let created = 0;
  let existing = 0;
  for (const person of people.values()) {
    const teamId = teamIds.get(teamNameOf(person)?.toLowerCase() ?? '') ?? null;
    let userId = userIds.get(person.email);
    if (userId && !memberIds.has(userId)) {
      // Someone with an account elsewhere joins only by accepting an invitation, never by an import.
      problems.push({ rowNo: person.rowNo, field: 'email', code: 'taken' });
      continue;
    }
    if (!userId) {
      userId = uuidv7();
      await tx.insert(users).values({ id: userId, email: person.email, name: person.name, passwordHash: null });
      userIds.set(person.email, userId);
    }
    if (memberIds.has(userId)) {
      await tx.update(memberships).set({ teamId, updatedAt: new Date() }).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
      existing += 1;
    } else {
      await tx.insert(memberships).values({ workspaceId: ctx.workspaceId, userId, role: person.role, teamId });
      memberIds.add(userId);
      created += 1;
      audit.push({ action: 'create', recordType: 'member', recordId: userId, after: { name: person.name, email: person.email, role: person.role, teamId } });
    }
  }
  // Each manager leads the team named after them.
  for (const person of people.values()) {
    if (person.role !== 'manager') continue;
    const teamId = teamIds.get(teamNameOf(person)?.toLowerCase() ?? '');
    if (teamId) await tx.update(teams).set({ managerId: userIds.get(person.email)! }).where(and(eq(teams.workspaceId, ctx.workspaceId), eq(teams.id, teamId), sql`${teams.managerId} is null`));
  }
  await recordAuditMany(tx, ctx, audit);
  return { created, existing, teamsCreated, problems };
}
