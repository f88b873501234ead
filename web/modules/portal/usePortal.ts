import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import type { CaseStatus } from '../../../contracts/service';
import type { Locale } from '../../../contracts/roles';
import { api } from '../../app/api';
import type { OwnedProduct } from '../sales/orders/types';

export interface PortalBrand {
  key: string;
  name: string;
  color: string;
  welcomeText: string | null;
  hasLogo: boolean;
  defaultLanguage: Locale;
}

export interface PortalCaseSummary {
  number: number;
  reference: string;
  subject: string;
  status: CaseStatus;
  typeId: string | null;
  productId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A product the customer owns, as the 360 view's panel has it, with whether its warranty still runs. */
export type PortalProduct = OwnedProduct & { underWarranty: boolean };

export interface PortalOrder {
  id: string;
  number: string;
  status: 'draft' | 'confirmed' | 'fulfilled' | 'cancelled';
  orderDate: string;
  currency: string;
  total: number;
  lines: { productId: string; sku: string; name: string; quantity: number; warrantyEndsOn: string | null }[];
}

export interface PortalCaseType {
  id: string;
  key: string | null;
  name: string | null;
}

export interface PortalHome {
  customer: { name: string; email: string; hasPassword: boolean };
  cases: PortalCaseSummary[];
  orders: PortalOrder[];
  products: PortalProduct[];
  caseTypes: PortalCaseType[];
}

export interface PortalAttachment {
  fileId: string;
  name: string;
  contentType: string;
  size: number;
}

export interface PortalCase extends PortalCaseSummary {
  description: string | null;
  resolvedAt: string | null;
  /** The latest resolution's satisfaction survey. */
  survey: { askNps: boolean; answered: boolean; csat: number | null } | null;
  product: { id: string; name: string } | null;
  messages: { id: string; at: string; fromCustomer: boolean; body: string; attachments: PortalAttachment[] }[];
}

/** The portal's API root for a key: every call of the customer's side goes under it (and its cookie with it). */
export const portalPath = (key: string) => `/public/portal/${encodeURIComponent(key)}`;

/** The portal key of the current page (/portal/:key/…). */
export function usePortalKey(): string {
  return useParams().key ?? '';
}

export const brandKey = (key: string) => ['portal', key, 'brand'] as const;
export const homeKey = (key: string) => ['portal', key, 'home'] as const;

export function usePortalBrand(key: string) {
  return useQuery({ queryKey: brandKey(key), queryFn: ({ signal }) => api.get<PortalBrand>(portalPath(key), undefined, signal), retry: false, staleTime: 300_000 });
}

/** The signed-in customer's home; a 401 means they are not signed in (the pages send them to sign in). */
export function usePortalHome(key: string) {
  return useQuery({ queryKey: homeKey(key), queryFn: ({ signal }) => api.get<PortalHome>(`${portalPath(key)}/home`, undefined, signal), retry: false });
}

/** The name a case type shows: its own, else the built-in's in the reader's language. */
export const typeLabel = (type: PortalCaseType, t: (key: string) => string) => type.name ?? (type.key ? t(`cases.typeKeys.${type.key}`) : '—');

/** A File as base64 (no data: prefix), for the JSON upload. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Must match the server's limits (portal-cases.service.ts). */
export const ATTACHMENT_LIMITS = {
  count: 5,
  bytes: 5 * 1_048_576,
  types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf', 'text/plain', 'video/mp4'],
} as const;
