import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../../src/modules/org/org.schemas.ts';
import { api, isApiError, setCsrfToken } from '../lib/api.ts';

export type Me = MeView;
export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null for anonymous visitors. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (isApiError(err, 'UNAUTHENTICATED')) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false, meta: { silent: true } });
}

/** After login: remember the user and the anti-forgery token without another round trip. */
export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    qc.setQueryData(ME_KEY, me);
  };
}
