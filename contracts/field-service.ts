/** Enumerations of field service (stations, work orders, dispatch), shared by server and web. Stored values: never rename one. */

/**
 * new → dispatched → accepted → on_site → done. A station may decline a dispatched order (it goes back to
 * `declined`, to be dispatched again); an order not yet done may be cancelled.
 */
export const WORK_ORDER_STATUSES = ['new', 'dispatched', 'accepted', 'declined', 'on_site', 'done', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Statuses that occupy a station: they count against its capacity. */
export const OPEN_WORK_ORDER_STATUSES = ['dispatched', 'accepted', 'on_site'] as const satisfies readonly WorkOrderStatus[];

/** What the station itself may do with an order, and from which status. */
export const STATION_ACTIONS = { accept: ['dispatched'], decline: ['dispatched', 'accepted'], on_site: ['accepted'], done: ['on_site', 'accepted'] } as const satisfies Record<string, readonly WorkOrderStatus[]>;
export type StationAction = keyof typeof STATION_ACTIONS;

/** The parts of a dispatch score, in the order they are shown. */
export const DISPATCH_COMPONENTS = ['location', 'skill', 'rating', 'workload'] as const;
export type DispatchComponent = (typeof DISPATCH_COMPONENTS)[number];

/** Why a station cannot take an order at all. */
export const DISPATCH_EXCLUSIONS = ['inactive', 'full', 'no_skill'] as const;
export type DispatchExclusion = (typeof DISPATCH_EXCLUSIONS)[number];
