import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { allowed, type Role } from '../lib/roles.ts';
import { Forbidden } from './ErrorPages.tsx';
import { useMe } from './session.ts';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Anonymous visitors go to /login?next=… */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return children;
}

export function RequireRoles({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { data: me } = useMe();
  if (!allowed(me, roles)) return <Forbidden />;
  return children;
}
