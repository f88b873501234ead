import type { ForecastCategory } from '../../../contracts/sales';
import { toMajor, toMinor } from '../accounts/accountValues';
import type { Opportunity } from './types';

/** The opportunity form's fields: the amount in major units (yuan, dollars) of `currency`, the close date a `YYYY-MM-DD` day. */
export interface OpportunityValues {
  name: string;
  pipelineId?: string;
  stageId?: string;
  amount?: number | null;
  currency?: string;
  closeDate?: string | null;
  probability?: number | null;
  forecastCategory?: ForecastCategory;
  accountId?: string | null;
  contactId?: string | null;
  source?: string;
  nextStep?: string;
  competitors?: string[];
  ownerId?: string | null;
  custom?: Record<string, unknown>;
}

type Body = Record<string, unknown>;

const clean = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));
const emptyCustom = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The API body of the form's values: trimmed, empty → null, the amount in minor units with its currency. */
function toBody(values: OpportunityValues, fallbackCurrency: string): Body {
  const body: Body = {};
  for (const [key, value] of Object.entries(values) as [keyof OpportunityValues, unknown][]) {
    if (value === undefined || key === 'custom') continue;
    body[key] = key === 'competitors' ? ((value as string[]) ?? []).map((c) => c.trim()).filter(Boolean) : clean(value);
  }
  const currency = values.currency || fallbackCurrency;
  body.currency = currency;
  body.amount = typeof values.amount === 'number' ? toMinor(values.amount, currency) : 0;
  return body;
}

/** A new opportunity's body: the fields that were filled in, and the custom values given. */
export function createBody(values: OpportunityValues, fallbackCurrency: string): Body {
  const body = Object.fromEntries(Object.entries(toBody(values, fallbackCurrency)).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
  const custom = Object.fromEntries(Object.entries(values.custom ?? {}).filter(([, v]) => !emptyCustom(v)));
  return Object.keys(custom).length ? { ...body, custom } : body;
}

/**
 * A PATCH body: the fields that differ from the deal (a cleared one null, competitors []); custom values only
 * those changed (the server merges `custom`). A changed pipeline without a changed stage is left to the server's first stage.
 */
export function changedFields(deal: Opportunity, values: OpportunityValues): Body {
  const patch: Body = {};
  for (const [key, value] of Object.entries(toBody(values, deal.currency))) {
    const before = (deal as unknown as Record<string, unknown>)[key] ?? null;
    if (JSON.stringify(value) !== JSON.stringify(before)) patch[key] = value;
  }
  const custom: Body = {};
  for (const [key, value] of Object.entries(values.custom ?? {})) {
    const before = deal.custom?.[key] ?? null;
    const after = emptyCustom(value) ? null : value;
    if (JSON.stringify(after) !== JSON.stringify(before)) custom[key] = after;
  }
  if (Object.keys(custom).length) patch.custom = custom;
  return patch;
}

/** The form's start values of a deal. */
export function opportunityToValues(deal: Opportunity): OpportunityValues {
  return {
    name: deal.name,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    amount: toMajor(deal.amount, deal.currency),
    currency: deal.currency,
    closeDate: deal.closeDate,
    probability: deal.probability,
    forecastCategory: deal.forecastCategory,
    accountId: deal.accountId,
    contactId: deal.contactId,
    source: deal.source ?? '',
    nextStep: deal.nextStep ?? '',
    competitors: deal.competitors,
    ownerId: deal.ownerId,
    custom: { ...deal.custom },
  };
}
