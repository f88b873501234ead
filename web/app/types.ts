import type { InteractionChannel, InteractionDirection, InteractionOutcome, InteractionType, TaskPriority, TaskStatus } from '../../contracts/interactions';
import type { ApiKeyScope, Locale, Role } from '../../contracts/roles';
import type { AddressParts } from '../ui/formatAddress';

/** Shapes of the API's JSON (docs/api.md). Times are ISO 8601 strings. */

export interface Page<T> {
  data: T[];
  nextCursor?: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  timeZone: string | null;
  avatar: string | null;
}

export interface Workspace {
  id: string;
  name: string;
  defaultCountry: string;
  defaultCurrency: string;
  defaultLocale: Locale;
  timeZone: string;
}

export type MemberStatus = 'active' | 'deactivated';

export interface Membership {
  role: Role;
  status: MemberStatus;
  teamId: string | null;
}

export interface Session {
  user: User;
  workspace: Workspace;
  membership: Membership;
  workspaces: { id: string; name: string; role: Role }[];
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  avatar?: string | null;
  role: Role;
  status: MemberStatus;
  teamId: string | null;
  createdAt: string;
}

export interface Invite {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
  url?: string;
}

export interface InvitePreview {
  workspaceName: string;
  email: string;
  role: Role;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  /** The whole key: shown once, never again. */
  key: string;
}

export interface AuditEntry {
  id: string;
  actorUserId: string | null;
  actorApiKeyId?: string | null;
  actorName?: string | null;
  action: string;
  recordType: string;
  recordId: string;
  changes: Record<string, { old: unknown; new: unknown }>;
  at: string;
}

export interface ContactHandle {
  type: string;
  value: string;
}

export interface Address extends AddressParts {
  /** billing, shipping, office, other. */
  kind: string;
}

export interface Contact {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  department?: string | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
  otherEmails?: string[];
  /** E.164 each. */
  otherPhones?: string[];
  /** YYYY-MM-DD. */
  birthday?: string | null;
  wechatId?: string | null;
  handles?: ContactHandle[];
  addresses?: Address[];
  tags?: string[];
  source?: string | null;
  lifecycleStage?: string | null;
  /** Custom field values by key. */
  custom?: Record<string, unknown> | null;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  id: string;
  name?: string;
  state: JobState;
  progress: number;
  total: number | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

/** One hit of the global search box (GET /search). */
export interface SearchHit {
  /** Record type: `contact`, … */
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

export interface Account {
  id: string;
  name: string;
  /** customer, prospect, partner, supplier, competitor. */
  type: string;
  industry: string | null;
  size: string | null;
  tier: string | null;
  region: string | null;
  website: string | null;
  /** E.164. */
  phone: string | null;
  email: string | null;
  parentId: string | null;
  creditStatus: string | null;
  /** Minor units of `currency`. */
  creditLimit: number | null;
  currency: string | null;
  tags: string[];
  source: string | null;
  lifecycleStage: string | null;
  addresses: Address[];
  /** Custom field values by key. */
  custom?: Record<string, unknown> | null;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A contact at an account, in a role (GET /accounts/{id}/contacts). */
export interface AccountContact {
  contact: Contact;
  /** decision_maker, influencer, user, other. */
  role: string;
  isPrimary: boolean;
}

/** One key figure of a 360-degree view. */
export interface OverviewFigure {
  key: string;
  value: number | string | null;
  /** count, money, date. */
  format: string;
  currency?: string;
}

/** One panel of a 360-degree view: records of one type related to the record. */
export interface OverviewPanel {
  key: string;
  recordType: string;
  total: number;
  items: { id: string; title: string; subtitle: string | null; at?: string | null; status?: string; amount?: { value: number; currency: string } }[];
}

export interface Overview {
  figures: OverviewFigure[];
  panels: OverviewPanel[];
}

export interface ImportPreviewRow {
  rowNo: number;
  /** Cells by target field. */
  values: Record<string, string>;
  problems: { field: string; code: string; message: string }[];
}

/** An import of a CSV/XLSX file (docs/importing.md). */
export interface ImportSession {
  id: string;
  objectType: 'contacts' | 'accounts';
  fileName: string;
  headers: string[];
  /** Target field per column; null: not imported. */
  mapping: (string | null)[];
  duplicatePolicy: 'skip' | 'update' | 'create';
  /** uploaded, running, done, failed. */
  status: string;
  totalRows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  jobId: string | null;
  preview: ImportPreviewRow[];
}

/** A likely duplicate of a contact about to be saved. */
export interface DuplicateMatch {
  contact: Contact;
  score: number;
  reasons: string[];
}

/** A group of contacts the background scan found alike. */
export interface DuplicateGroup {
  id: string;
  score: number;
  reasons: string[];
  createdAt: string;
  contacts: Contact[];
}

/** Someone in an interaction: a contact, a member (user), or a bare address (e-mail, phone). */
export interface InteractionParticipant {
  kind: 'contact' | 'user' | 'address';
  id?: string;
  address?: string;
  name?: string;
  /** from, to, cc, attendee, caller, callee… */
  role?: string;
}

/** A call, e-mail, meeting, note, message or visit on the timelines of the records it concerns. */
export interface Interaction {
  id: string;
  type: InteractionType;
  channel: InteractionChannel;
  direction: InteractionDirection | null;
  occurredAt: string;
  /** A meeting's end, its place, and whether it takes whole days. */
  endsAt?: string | null;
  allDay?: boolean;
  location?: string | null;
  durationSeconds: number | null;
  subject: string | null;
  body: string | null;
  outcome: InteractionOutcome | null;
  participants: InteractionParticipant[];
  /** `fileId`: downloadable at GET /files/{fileId}. */
  attachments: { name: string; contentType: string; size: number; fileId?: string }[];
  ownerId: string | null;
  externalId: string | null;
  threadId: string | null;
  links: { recordType: string; recordId: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface Task {
  id: string;
  title: string;
  notes: string | null;
  dueAt: string | null;
  remindAt: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  doneAt: string | null;
  /** RFC 5545 RRULE: completing the task creates the next one. */
  recurrence: string | null;
  recordType: string | null;
  recordId: string | null;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An outbound webhook endpoint (admins): events it takes by name, `contact.*` or `*`. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface CreatedWebhookEndpoint extends WebhookEndpoint {
  /** Signs each delivery (`Guanxi-Signature`): shown once, never again. */
  secret: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event queued for an endpoint, with its attempts so far. */
export interface WebhookDelivery {
  id: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The workspace's address for forwarded and BCC'd mail (GET /email/inbox). */
export interface MailInbox {
  address: string;
  createContacts: boolean;
}

/** A member's phone extension, as the PBX reports it (GET /calls/agents). */
export interface AgentExtension {
  userId: string;
  extension: string;
}
