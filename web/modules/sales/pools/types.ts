import type { PoolEventKind, PoolRecordType, PoolReturnRule } from '../../../../contracts/pools';
import type { Role } from '../../../../contracts/roles';

/** A public pool (公海) as GET /pools answers it. */
export interface Pool {
  id: string;
  name: string;
  recordType: PoolRecordType;
  description: string | null;
  roles: Role[];
  teamIds: string[];
  followUpDays: number | null;
  convertDays: number | null;
  warnDays: number;
  cooldownDays: number;
  position: number;
  /** Records waiting, counted up to 10,000. */
  size: number;
}

export interface PoolEntry {
  recordType: PoolRecordType;
  recordId: string;
  name: string;
  company: string | null;
  industry: string | null;
  region: string | null;
  source: string | null;
  enteredAt: string;
}

export interface Quota {
  held: number;
  maxHeld: number | null;
  claimedToday: number;
  maxDailyClaims: number | null;
}

export interface ClaimResult {
  claimed: string[];
  unavailable: string[];
  quota: Quota;
}

export interface PoolEvent {
  id: string;
  poolId: string;
  kind: PoolEventKind;
  userId: string | null;
  actorUserId: string | null;
  rule: PoolReturnRule | null;
  reason: string | null;
  dueAt: string | null;
  at: string;
}

export interface MyClaim {
  recordType: PoolRecordType;
  recordId: string;
  name: string;
  poolId: string;
  poolName: string;
  claimedAt: string;
  lastContactAt: string | null;
  dueAt: string | null;
  rule: PoolReturnRule | null;
  warned: boolean;
}

export interface RoleLimit {
  role: Role;
  maxHeld: number | null;
  maxDailyClaims: number | null;
}
