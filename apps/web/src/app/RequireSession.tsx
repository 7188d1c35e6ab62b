import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth/session-context';
import { OfflineStart } from '../offline/ui/OfflineStart';

/** Pages behind sign-in: without a session, to the sign-in page, coming back here afterwards. */
export function RequireSession(): ReactNode {
  const { session, offlineStart } = useSession();
  const location = useLocation();
  if (session === null && offlineStart !== undefined) return <OfflineStart retry={offlineStart} />;
  if (session === null) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(back)}`} replace />;
  }
  return <Outlet />;
}
