import { Navigate } from 'react-router-dom';
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePortalHome, usePortalKey, type PortalHome } from './usePortal';

/** Renders `children` with the signed-in customer's home data; sends a visitor who is not signed in to sign in. */
export function RequireCustomer({ children }: { children: (home: PortalHome) => ReactNode }) {
  const key = usePortalKey();
  const home = usePortalHome(key);
  if (home.isLoading) return <Spin size="large" style={{ display: 'block', padding: 64 }} />;
  if (isApiError(home.error, 401)) return <Navigate to={`/portal/${key}/sign-in`} replace />;
  if (home.error) return <ErrorAlert error={home.error} />;
  return <>{children(home.data!)}</>;
}
