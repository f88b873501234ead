import type { Lead } from './leads.service.js';
import type { RuleCondition } from './leads.tables.js';

/** Whether a lead meets a rule's condition: values compare case-insensitively; e-mail `contains` reads the domain too. */
export function meets(lead: Pick<Lead, RuleCondition['field']>, condition: RuleCondition): boolean {
  const raw = lead[condition.field];
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (condition.operator === 'isSet') return value !== '';
  if (value === '') return false;
  const wanted = condition.values.map((v) => v.trim().toLowerCase()).filter(Boolean);
  return condition.operator === 'in' ? wanted.includes(value) : wanted.some((w) => value.includes(w));
}
