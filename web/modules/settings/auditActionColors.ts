/** Tag and timeline colours of audit actions. */
export const AUDIT_ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', merge: 'purple' };
