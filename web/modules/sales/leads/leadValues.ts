import type { Lead } from './types';

/** The lead form's fields (create and edit); `assign` only when creating. */
export interface LeadValues {
  name: string;
  company?: string;
  title?: string;
  email?: string;
  phone?: string;
  wechatId?: string;
  industry?: string;
  region?: string;
  source?: string;
  description?: string;
  tags?: string[];
  ownerId?: string | null;
  custom?: Record<string, unknown>;
  assign?: boolean;
}

const TEXT = ['name', 'company', 'title', 'email', 'phone', 'wechatId', 'industry', 'region', 'source', 'description'] as const;
type Body = Record<string, unknown>;

const clean = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));

/**
 * The POST body of a new lead: filled fields only. Routing by the assignment rules replaces a chosen owner
 * (the server routes only when no owner is given).
 */
export function newLeadBody(values: LeadValues): Body {
  const body: Body = {};
  for (const key of TEXT) if (clean(values[key]) !== null) body[key] = clean(values[key]);
  if (values.tags?.length) body.tags = values.tags;
  if (values.custom && Object.values(values.custom).some((v) => v !== undefined && v !== null && v !== '')) body.custom = values.custom;
  if (values.assign) body.assign = true;
  else if (values.ownerId) body.ownerId = values.ownerId;
  return body;
}

/** The PATCH body: fields that differ from the lead; a cleared text is null. */
export function leadPatch(lead: Lead, values: LeadValues): Body {
  const patch: Body = {};
  for (const key of TEXT) {
    const value = clean(values[key]);
    if (value !== (lead[key] ?? null)) patch[key] = value;
  }
  if (values.tags && JSON.stringify(values.tags) !== JSON.stringify(lead.tags)) patch.tags = values.tags;
  if (values.ownerId !== undefined && (values.ownerId ?? null) !== lead.ownerId) patch.ownerId = values.ownerId ?? null;
  if (values.custom && JSON.stringify(values.custom) !== JSON.stringify(lead.custom)) patch.custom = values.custom;
  return patch;
}

/** The form's start values of a lead. */
export function leadToValues(lead: Lead): LeadValues {
  const values: LeadValues = { name: lead.name, tags: lead.tags, ownerId: lead.ownerId, custom: lead.custom };
  for (const key of TEXT) if (key !== 'name') values[key] = lead[key] ?? '';
  return values;
}

/** Score bands for the bar's colour: hot leads first. */
export function scoreBand(score: number): 'hot' | 'warm' | 'cold' {
  return score >= 50 ? 'hot' : score >= 20 ? 'warm' : 'cold';
}
