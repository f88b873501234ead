import type { DisqualifyReason, LeadBehaviour, LeadRuleField, LeadRuleOperator, LeadStatus } from '../../../../contracts/sales';
import type { Account, Contact } from '../../../app/types';
import type { Opportunity } from '../types';

/** A lead as GET /leads/{id} gives it; `scoreReasons` name the scoring rules that added up to `score`. */
export interface Lead {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  wechatId: string | null;
  industry: string | null;
  region: string | null;
  source: string | null;
  description: string | null;
  status: LeadStatus;
  disqualifyReason: DisqualifyReason | null;
  tags: string[];
  ownerId: string | null;
  custom: Record<string, unknown>;
  score: number;
  scoreReasons: { ruleId: string; points: number; times?: number }[];
  convertedAt: string | null;
  convertedAccountId: string | null;
  convertedContactId: string | null;
  convertedOpportunityId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RuleCondition {
  field: LeadRuleField;
  operator: LeadRuleOperator;
  values: string[];
}

export interface AssignmentRule {
  id: string;
  name: string;
  position: number;
  active: boolean;
  conditions: RuleCondition[];
  assignees: string[];
  /** How many leads the rule has handed out. */
  turns: number;
  createdAt: string;
}

export interface ScoringRule {
  id: string;
  name: string;
  condition: RuleCondition | null;
  behaviour: LeadBehaviour | null;
  points: number;
  maxTimes: number;
  active: boolean;
  createdAt: string;
}

/** POST /leads/{id}/convert's answer: what was created or reused. */
export interface Conversion {
  lead: Lead;
  account: Account | null;
  contact: Contact;
  opportunity: Opportunity | null;
  reused: { account: boolean; contact: boolean };
}
