import type { ReminderTrigger } from '../../../contracts/service.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { warrantiesEndingBetween } from '../sales/index.js';

/** Something that ends on a day, for which a reminder rule may fire once. */
export interface EndingSubject {
  /** Unique per trigger and workspace, stable across sweeps: the fired-once key. */
  key: string;
  /** YYYY-MM-DD */
  endsOn: string;
  productId: string | null;
  productName: string;
  orderId: string | null;
  orderNumber: string | null;
  accountId: string | null;
  contactId: string | null;
  /** The owner to fall back on when neither the account nor the contact has one. */
  fallbackOwnerId: string | null;
}

/** Where the subjects ending in [from, to] (days, inclusive) come from, a page at a time in a stable order. */
type Source = (tx: Executor, ctx: RequestContext, range: { from: string; to: string; limit: number; offset: number }) => Promise<EndingSubject[]>;

/** One source per trigger: a new trigger (subscriptions, contracts) adds its entry here. */
export const REMINDER_SOURCES: Record<ReminderTrigger, Source> = {
  warrantyEnds: async (tx, ctx, range) =>
    (await warrantiesEndingBetween(tx, ctx, range)).map((w) => ({
      key: `orderLine:${w.orderId}:${w.position}`,
      endsOn: w.warrantyEndsOn,
      productId: w.productId,
      productName: w.productName,
      orderId: w.orderId,
      orderNumber: w.orderNumber,
      accountId: w.accountId,
      contactId: w.contactId,
      fallbackOwnerId: w.orderOwnerId,
    })),
};
