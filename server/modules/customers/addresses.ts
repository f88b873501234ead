import type { AddressKind } from '../../../contracts/customers.js';

/** A postal address of an account or contact. */
export interface Address {
  kind: AddressKind;
  line1: string;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  /** ISO 3166-1 alpha-2 */
  country?: string | null;
}
