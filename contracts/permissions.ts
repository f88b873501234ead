import type { Role } from './roles.js';

/**
 * Who may do what: one table for the server (which enforces it, server/platform/permissions/policy.ts)
 * and the web app (which only hides what would be refused).
 */

/** Workspace-level actions, granted to roles as a whole. */
/** `records.dedupe`: run duplicate scans and work through their groups. `forms.manage`: build web forms and read their submissions. `catalog.manage`: change products, categories and price books (everyone reads them). `sales.configure`: edit pipelines, stages and close reasons. `service.configure`: case types, queues, routing rules, agents' skills, support addresses. `knowledge.write`: write and edit knowledge-base drafts and categories. `knowledge.publish`: publish, unpublish, restore and delete articles. `calendars.manage`: business hours, holidays and make-up working days. */
export type WorkspaceAction = 'workspace.manage' | 'members.manage' | 'members.read' | 'apiKeys.manage' | 'audit.read' | 'records.dedupe' | 'forms.manage' | 'catalog.manage' | 'sales.configure' | 'service.configure' | 'knowledge.write' | 'knowledge.publish' | 'calendars.manage';

/** Actions on owned records (contacts, accounts, opportunities…), each granted with a scope. */
export type RecordAction = 'read' | 'create' | 'update' | 'delete';
/** Whose records: none, only the caller's, the caller's team's, or all in the workspace. */
export type Scope = 'none' | 'own' | 'team' | 'all';

export const WORKSPACE_GRANTS: Record<Role, readonly WorkspaceAction[]> = {
  admin: ['workspace.manage', 'members.manage', 'members.read', 'apiKeys.manage', 'audit.read', 'records.dedupe', 'forms.manage', 'catalog.manage', 'sales.configure', 'service.configure', 'knowledge.write', 'knowledge.publish', 'calendars.manage'],
  manager: ['members.read', 'audit.read', 'records.dedupe', 'forms.manage', 'catalog.manage', 'sales.configure', 'service.configure', 'knowledge.write', 'knowledge.publish', 'calendars.manage'],
  sales: ['members.read'],
  service: ['members.read', 'knowledge.write'],
  marketing: ['members.read'],
  read_only: ['members.read'],
  station: [],
};

export const RECORD_GRANTS: Record<Role, Record<RecordAction, Scope>> = {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'all', create: 'all', update: 'team', delete: 'team' },
  sales: { read: 'team', create: 'own', update: 'own', delete: 'own' },
  service: { read: 'all', create: 'all', update: 'own', delete: 'none' },
  marketing: { read: 'all', create: 'all', update: 'own', delete: 'none' },
  read_only: { read: 'all', create: 'none', update: 'none', delete: 'none' },
  // Station staff own no customer records: they read the customer through their station's work orders only.
  station: { read: 'own', create: 'none', update: 'none', delete: 'none' },
};

export function roleCan(role: Role, action: WorkspaceAction): boolean {
  return WORKSPACE_GRANTS[role]?.includes(action) ?? false;
}
