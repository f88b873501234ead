/** Enumerations of the sales module, shared by server and web. Stored values: never rename one. */

/** What reaching a stage means: still being worked, or closed one way or the other. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Forecast categories, from least to most certain; `omitted` is left out of the forecast. */
export const FORECAST_CATEGORIES = ['omitted', 'pipeline', 'best_case', 'commit', 'closed'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** Roles of the customer's people in a deal. */
export const DEAL_CONTACT_ROLES = ['decision_maker', 'economic_buyer', 'technical_buyer', 'influencer', 'champion', 'user', 'other'] as const;
export type DealContactRole = (typeof DEAL_CONTACT_ROLES)[number];

/** Why deals close: reasons are the workspace's own, each for winning or for losing. */
export const CLOSE_REASON_KINDS = ['won', 'lost'] as const;
export type CloseReasonKind = (typeof CLOSE_REASON_KINDS)[number];

/**
 * The stages a workspace's first pipeline starts with. `key` names a built-in stage whose name the app
 * shows in the reader's language (`sales.stageKeys.<key>`) until an admin renames it.
 */
export const DEFAULT_STAGES: readonly { key: string; probability: number; kind: StageKind; forecastCategory: ForecastCategory }[] = [
  { key: 'qualification', probability: 10, kind: 'open', forecastCategory: 'pipeline' },
  { key: 'needs_analysis', probability: 25, kind: 'open', forecastCategory: 'pipeline' },
  { key: 'proposal', probability: 50, kind: 'open', forecastCategory: 'best_case' },
  { key: 'negotiation', probability: 75, kind: 'open', forecastCategory: 'commit' },
  { key: 'won', probability: 100, kind: 'won', forecastCategory: 'closed' },
  { key: 'lost', probability: 0, kind: 'lost', forecastCategory: 'omitted' },
];

/** Built-in loss and win reasons a workspace starts with (`sales.reasonKeys.<key>`). */
export const DEFAULT_CLOSE_REASONS: readonly { key: string; kind: CloseReasonKind }[] = [
  { key: 'price', kind: 'lost' },
  { key: 'competitor', kind: 'lost' },
  { key: 'no_budget', kind: 'lost' },
  { key: 'no_decision', kind: 'lost' },
  { key: 'product_fit', kind: 'lost' },
  { key: 'timing', kind: 'lost' },
  { key: 'relationship', kind: 'won' },
  { key: 'product_fit', kind: 'won' },
  { key: 'price', kind: 'won' },
];

/** Where a lead is: worked until it converts into a customer and a deal, or is disqualified with a reason. */
export const LEAD_STATUSES = ['new', 'working', 'nurturing', 'qualified', 'converted', 'disqualified'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const DISQUALIFY_REASONS = ['no_budget', 'no_need', 'no_authority', 'no_response', 'duplicate', 'spam', 'competitor', 'other'] as const;
export type DisqualifyReason = (typeof DISQUALIFY_REASONS)[number];

/** Lead fields that assignment rules (territories) and scoring rules test. */
export const LEAD_RULE_FIELDS = ['source', 'region', 'industry', 'title', 'company', 'email', 'status'] as const;
export type LeadRuleField = (typeof LEAD_RULE_FIELDS)[number];
/** How a scoring rule tests a field: equal to one of the values (case-insensitive), containing one, or set at all. */
export const LEAD_RULE_OPERATORS = ['in', 'contains', 'isSet'] as const;
export type LeadRuleOperator = (typeof LEAD_RULE_OPERATORS)[number];
/** Behaviour that earns points: interactions logged on the lead, by type. */
export const LEAD_BEHAVIOURS = ['email_in', 'web_form', 'visit', 'meeting', 'call'] as const;
export type LeadBehaviour = (typeof LEAD_BEHAVIOURS)[number];
