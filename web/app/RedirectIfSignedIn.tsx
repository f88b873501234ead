import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { safeNext } from './safeNext';
import { useSession } from './useSession';

/** Sign-in and sign-up are for signed-out visitors: a signed-in one goes on to `next` (or home). */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const [params] = useSearchParams();
  const { data } = useSession();
  if (data) return <Navigate to={safeNext(params.get('next'))} replace />;
  return children;
}
