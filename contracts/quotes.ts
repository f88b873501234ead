/** Enumerations of sales quotes, shared by server and web. Stored values: never rename one. */

/**
 * Where a quote version is: `draft` (being written), `pending_approval` (its discount waits for a manager),
 * `approved` (may be sent), `sent` (with the customer; no longer changes), `accepted` (became an order),
 * `rejected` (the customer said no), `expired` (sent and past its validity; worked out when read), and
 * `superseded` (a later version replaced it).
 */
export const QUOTE_STATUSES = ['draft', 'pending_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** Statuses in which a quote version may still be changed (a change sends it back to draft). */
export const EDITABLE_QUOTE_STATUSES: readonly QuoteStatus[] = ['draft', 'pending_approval', 'approved'];

/** The quote number as people read it: Q-000123. */
export const quoteNumber = (number: number) => `Q-${String(number).padStart(6, '0')}`;
