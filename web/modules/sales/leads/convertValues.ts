import type { Pipeline } from '../types';

/** Where the converted customer's account comes from. */
export type AccountChoice = 'company' | 'pick' | 'none';

export interface ConvertValues {
  account: AccountChoice;
  accountId?: string | null;
  /** 'auto': the contact with the lead's e-mail or phone, else a new one; or a duplicate's id. */
  contact: string;
  withOpportunity: boolean;
  opportunityName?: string;
  /** Major units of the workspace currency. */
  amount?: number | null;
  stageId?: string;
}

/**
 * The body of POST /leads/{id}/convert. Leaving accountId out lets the server reuse the account named like the
 * company (or create it); null converts an individual consumer with no account.
 */
export function convertBody(values: ConvertValues, pipelines: readonly Pipeline[], currency: string, digits: number): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (values.account === 'none') body.accountId = null;
  else if (values.account === 'pick' && values.accountId) body.accountId = values.accountId;
  if (values.contact !== 'auto') body.contactId = values.contact;
  if (!values.withOpportunity) {
    body.opportunity = null;
    return body;
  }
  const opportunity: Record<string, unknown> = {};
  if (values.opportunityName?.trim()) opportunity.name = values.opportunityName.trim();
  if (typeof values.amount === 'number') {
    opportunity.amount = Math.round(values.amount * 10 ** digits);
    opportunity.currency = currency;
  }
  const pipeline = pipelines.find((p) => p.stages.some((s) => s.id === values.stageId));
  if (pipeline && values.stageId) {
    opportunity.pipelineId = pipeline.id;
    opportunity.stageId = values.stageId;
  }
  body.opportunity = opportunity;
  return body;
}
