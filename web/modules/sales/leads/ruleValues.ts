import type { LeadBehaviour } from '../../../../contracts/sales';
import type { AssignmentRule, RuleCondition, ScoringRule } from './types';

/** A condition as the form holds it (values may have stray spaces or be missing for `isSet`). */
export interface ConditionValues {
  field?: RuleCondition['field'];
  operator?: RuleCondition['operator'];
  values?: string[];
}

/** A complete condition, or null while the field is unset; `isSet` takes no values. */
export function toCondition(values: ConditionValues | undefined): RuleCondition | null {
  if (!values?.field) return null;
  const operator = values.operator ?? 'in';
  return { field: values.field, operator, values: operator === 'isSet' ? [] : [...new Set((values.values ?? []).map((v) => v.trim()).filter(Boolean))] };
}

export interface AssignmentValues {
  name: string;
  active: boolean;
  position: number;
  conditions: ConditionValues[];
  assignees: string[];
}

export function assignmentBody(values: AssignmentValues): Omit<AssignmentRule, 'id' | 'turns' | 'createdAt'> {
  return {
    name: values.name.trim(),
    active: values.active,
    position: values.position,
    conditions: values.conditions.map(toCondition).filter((c): c is RuleCondition => c !== null),
    assignees: values.assignees,
  };
}

export interface ScoringValues {
  name: string;
  kind: 'field' | 'behaviour';
  condition?: ConditionValues;
  behaviour?: LeadBehaviour;
  points: number;
  maxTimes?: number;
  active: boolean;
}

/** A scoring rule tests a field or counts a behaviour, never both: the other is sent as null. */
export function scoringBody(values: ScoringValues): Omit<ScoringRule, 'id' | 'createdAt'> {
  const behaviour = values.kind === 'behaviour';
  return {
    name: values.name.trim(),
    condition: behaviour ? null : toCondition(values.condition),
    behaviour: behaviour ? (values.behaviour ?? null) : null,
    points: values.points,
    maxTimes: behaviour ? (values.maxTimes ?? 1) : 1,
    active: values.active,
  };
}

export function scoringToValues(rule: ScoringRule): ScoringValues {
  return { name: rule.name, kind: rule.behaviour ? 'behaviour' : 'field', condition: rule.condition ?? undefined, behaviour: rule.behaviour ?? undefined, points: rule.points, maxTimes: rule.maxTimes, active: rule.active };
}

/** The next free position: after the last rule. */
export const nextPosition = (rules: readonly { position: number }[]) => rules.reduce((max, r) => Math.max(max, r.position + 1), 0);
