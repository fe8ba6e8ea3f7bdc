import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { translate } from '../i18n/catalogue.ts';
import { currentLang } from '../i18n/i18n.tsx';
import { isApiError, setCsrfToken } from '../lib/api.ts';
import { notifyError } from '../lib/notify.tsx';
import { ME_KEY } from './session.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** `meta: { silent: true }` — the screen shows the error itself (inline Alert, problems table…) */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => onError(err, query.meta?.silent) }),
    mutationCache: new MutationCache({ onError: (err, _v, _c, m) => onError(err, m.meta?.silent) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !isApiError(err) && count < 2,
      },
    },
  });
  function onError(err: unknown, silent?: boolean) {
    // The session ended (expired, signed out elsewhere): back to anonymous; RequireAuth redirects.
    if (isApiError(err, 'UNAUTHENTICATED') && qc.getQueryData(ME_KEY)) {
      setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
      notifyError(new Error(translate(currentLang(), 'auth.sessionExpired')));
      return;
    }
    if (!silent) notifyError(err);
  }
  return qc;
}
