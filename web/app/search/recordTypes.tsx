import { AimOutlined, BankOutlined, CustomerServiceOutlined, FileOutlined, FundOutlined, ShoppingCartOutlined, ShoppingOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

interface RecordType {
  /** The page of one record. */
  path: (id: string) => string;
  icon: ReactNode;
}

/** Record types the search box (and the audit log) can link to; a module adds its type here with its page. */
export const RECORD_TYPES: Record<string, RecordType | undefined> = {
  contact: { path: (id) => `/contacts/${id}`, icon: <UserOutlined /> },
  account: { path: (id) => `/accounts/${id}`, icon: <BankOutlined /> },
  opportunity: { path: (id) => `/opportunities/${id}`, icon: <FundOutlined /> },
  lead: { path: (id) => `/leads/${id}`, icon: <AimOutlined /> },
  product: { path: (id) => `/products/${id}`, icon: <ShoppingOutlined /> },
  order: { path: (id) => `/orders/${id}`, icon: <ShoppingCartOutlined /> },
  case: { path: (id) => `/cases/${id}`, icon: <CustomerServiceOutlined /> },
};

export const UNKNOWN_TYPE_ICON = <FileOutlined />;

/** The page of a record, or null when its type has none (yet). */
export function recordPath(type: string, id: string): string | null {
  return RECORD_TYPES[type]?.path(id) ?? null;
}
