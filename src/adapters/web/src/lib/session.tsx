import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  loginEndpoint,
  logoutEndpoint,
  type SessionInfo,
  sessionEndpoint,
} from '../../../../contract/session.ts';
import { call, setCsrfToken } from './api.ts';

// Who is logged in (GET /api/session), login and logout. The CSRF token the session returns is
// handed to the API client for every state-changing request.

interface SessionState {
  readonly session: SessionInfo | null;
  readonly loading: boolean;
  refresh(): Promise<SessionInfo>;
  login(username: string, password: string): Promise<SessionInfo>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

const PUBLIC: SessionInfo = { kind: 'public', roles: ['public'] };

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const next = await call(sessionEndpoint, {});
      setCsrfToken(next.kind === 'public' ? undefined : next.csrfToken);
      setSession(next);
      return next;
    } catch {
      setSession(PUBLIC);
      return PUBLIC;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(
    async (username: string, password: string) => {
      const grant = await call(loginEndpoint, { body: { username, password } });
      setCsrfToken(grant.csrfToken);
      return refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await call(logoutEndpoint, {});
    } finally {
      setCsrfToken(undefined);
      setSession(PUBLIC);
    }
  }, []);

  const value = useMemo(
    () => ({ session, loading, refresh, login, logout }),
    [session, loading, refresh, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
