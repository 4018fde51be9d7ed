/** Who is signed in: `/api/auth/me` once, then login and logout update it. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { api, type Me, setCsrfToken } from './api.ts';

interface Auth {
  me: Me | null;
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** The session, if any: `/api/auth/session` answers 200 either way, so a signed-out visit logs no error. */
async function fetchMe(): Promise<Me | null> {
  const { me } = await api.get<{ me: Me | null }>('/api/auth/session');
  setCsrfToken(me?.csrfToken ?? '');
  return me;
}

/** Everything cached but who is signed in: another user must not see the last one's data. */
const notMe = { predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== 'me' };

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data, isPending } = useQuery({
    queryKey: ['me'],
    queryFn: fetchMe,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const login = useCallback(
    async (username: string, password: string) => {
      const me = await api.post<Me>('/api/auth/login', { username, password });
      setCsrfToken(me.csrfToken);
      client.removeQueries(notMe);
      client.setQueryData(['me'], me);
      return me;
    },
    [client],
  );
  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken('');
      client.removeQueries(notMe);
      client.setQueryData(['me'], null);
    }
  }, [client]);
  const value = useMemo(
    () => ({ me: data ?? null, loading: isPending, login, logout }),
    [data, isPending, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user; only for pages under the signed-in layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
