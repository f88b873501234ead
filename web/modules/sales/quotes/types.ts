import type { QuoteStatus } from '../../../../contracts/quotes';
import type { Locale } from '../../../../contracts/roles';

/** One line of a quote version (GET /quotes/:id). Amounts in minor units; decimals as strings. */
export interface QuoteLine {
  position: number;
  productId: string;
  sku: string;
  name: string;
  unit: string | null;
  description: string | null;
  quantity: string;
  unitPrice: number;
  listPrice: number | null;
  discountPercent: string;
  taxRate: string | null;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

/** A quote version as listed (GET /opportunities/:id/quotes). */
export interface QuoteSummary {
  id: string;
  number: number;
  version: number;
  opportunityId: string;
  accountId: string | null;
  contactId: string | null;
  status: QuoteStatus;
  language: Locale;
  currency: string;
  validUntil: string;
  discountPercent: string;
  taxRate: string;
  terms: string | null;
  notes: string | null;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  effectiveDiscountPercent: string;
  approvalRequestedBy: string | null;
  approvalDecision: 'approved' | 'rejected' | null;
  approvalComment: string | null;
  sentAt: string | null;
  orderId: string | null;
  createdAt: string;
}

export interface Quote extends QuoteSummary {
  needsApproval: boolean;
  lines: QuoteLine[];
}

export interface QuoteSettings {
  approvalThresholdPercent: string;
  validityDays: number;
  winDealOnAccept: boolean;
  defaultTerms: string | null;
  defaultTaxRate: string;
}

/** What the editor sends (POST /opportunities/:id/quotes, PATCH /quotes/:id). */
export interface QuoteBody {
  language: Locale;
  currency: string;
  validUntil: string;
  discountPercent: number;
  taxRate: number;
  terms: string | null;
  notes: string | null;
  lines: { productId: string; quantity: number; unitPrice: number | null; discountPercent: number; taxRate: number | null }[];
}
