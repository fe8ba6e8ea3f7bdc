import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { api, setCsrfToken } from '../lib/api.ts';
import { notifySuccess } from '../lib/notify.tsx';
import { ME_KEY } from './session.ts';

export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { t } = useT();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
      navigate('/login', { replace: true });
      notifySuccess(t('auth.signedOut'));
    },
    meta: { silent: true },
  });
}
