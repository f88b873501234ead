import type { WebhookDeliveryStatus } from '../../../app/types';

/** Record types whose audited changes are events (docs/api.md "Outbound webhooks"). */
const RECORDS = ['contact', 'account', 'interaction', 'task'] as const;
const ACTIONS: Record<(typeof RECORDS)[number], string[]> = {
  contact: ['create', 'update', 'delete', 'merge', 'restore'],
  account: ['create', 'update', 'delete', 'merge', 'restore'],
  interaction: ['create', 'update', 'delete'],
  task: ['create', 'update', 'delete'],
};

/** The events offered when adding an endpoint, grouped by record type: `*`, then `contact.*`, `contact.create`… */
export const WEBHOOK_EVENT_GROUPS: { record: (typeof RECORDS)[number]; events: string[] }[] = RECORDS.map((record) => ({
  record,
  events: [`${record}.*`, ...ACTIONS[record].map((action) => `${record}.${action}`)],
}));

export const ALL_EVENTS = '*';

/** Tag colours of the delivery log. */
export const DELIVERY_STATUS_COLORS: Record<WebhookDeliveryStatus, string> = { pending: 'processing', delivered: 'success', failed: 'error' };
