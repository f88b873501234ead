import type { Locale } from '../../../../contracts/roles';
import type { CaseChannel, CasePriority, CaseStatus } from '../../../../contracts/service';

export interface RoutingCandidate {
  userId: string;
  score: number;
  skillsMatched: string[];
  skillsMissing: string[];
  openCases: number;
  excluded?: 'away' | 'at_capacity';
}

/** A case as GET /cases/{id} gives it; `routing` says which rule, queue and agent routing chose, and why. */
export interface Case {
  id: string;
  number: number;
  subject: string;
  /** The subject again, in lists (generic record lists show a record by name). */
  name: string;
  description: string | null;
  typeId: string | null;
  channel: CaseChannel;
  priority: CasePriority;
  status: CaseStatus;
  language: Locale | null;
  queueId: string | null;
  contactId: string | null;
  accountId: string | null;
  productId: string | null;
  orderId: string | null;
  ownerId: string | null;
  custom: Record<string, unknown>;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  mergedInto: string | null;
  routing: { at: string; ruleId: string | null; queueId: string | null; agentId: string | null; skillsWanted: string[]; candidates: RoutingCandidate[] } | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseType {
  id: string;
  key: string | null;
  name: string | null;
  position: number;
  active: boolean;
}

export interface CaseQueue {
  id: string;
  name: string;
  skills: string[];
  memberIds: string[];
}

export interface RoutingRule {
  id: string;
  name: string;
  queueId: string;
  position: number;
  active: boolean;
  conditions: { typeIds?: string[]; productIds?: string[]; languages?: Locale[]; tiers?: string[]; channels?: CaseChannel[] };
  skills: string[];
}

export interface Agent {
  userId: string;
  skills: string[];
  away: boolean;
  capacity: number | null;
  openCases: number;
  queueIds: string[];
}

export interface ServiceSettings {
  numberPrefix: string;
  supportAddresses: string[];
}
