/** Enumerations of sales orders, shared by server and web. Stored values: never rename one. */

/**
 * Where an order is: `draft` (being written, may change), `confirmed` (the customer bought it), `fulfilled`
 * (delivered), `cancelled` (called off; a confirmed order that is cancelled takes its revenue back).
 */
export const ORDER_STATUSES = ['draft', 'confirmed', 'fulfilled', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The moves an order may make: anything else is a 409 ORDER_STATUS_CHANGE. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['fulfilled', 'cancelled'],
  fulfilled: [],
  cancelled: [],
};
