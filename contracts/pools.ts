/** Enumerations of the public customer pool (公海), shared by server and web. Stored values: never rename one. */

/** What a pool holds: accounts or leads. */
export const POOL_RECORD_TYPES = ['account', 'lead'] as const;
export type PoolRecordType = (typeof POOL_RECORD_TYPES)[number];

/**
 * What happened to a record in respect of a pool: put in by a manager (added), taken by a member (claimed),
 * given back by hand (released), sent back by a rule (returned), the owner told it will be (warned), and a
 * claim that ended because the lead converted or the account won a deal (kept).
 */
export const POOL_EVENT_KINDS = ['added', 'claimed', 'released', 'returned', 'warned', 'kept'] as const;
export type PoolEventKind = (typeof POOL_EVENT_KINDS)[number];

/** Why a record goes back: no follow-up for N days, or not converted (lead) / no won deal (account) M days after the claim. */
export const POOL_RETURN_RULES = ['no_follow_up', 'not_converted'] as const;
export type PoolReturnRule = (typeof POOL_RETURN_RULES)[number];
