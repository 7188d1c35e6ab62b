import { createContext, useContext } from 'react';
import type { ConsoleSession, SignedInUser } from '../../api/types';

export interface SessionValue {
  readonly session: ConsoleSession | null;
  /** Keeps the answer of a successful sign-in (user and CSRF header). */
  signedIn(session: ConsoleSession): void;
  signOut(): Promise<void>;
  /**
   * Set when the API could not be reached at start and this device has a locked offline vault: the console can open
   * from it once unlocked. It asks for the session again (answered from the vault once unlocked, else by the API).
   */
  readonly offlineStart?: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useUser(): SignedInUser {
  const { session } = useSession();
  if (session === null) throw new Error('useUser without a session');
  return session.user;
}
