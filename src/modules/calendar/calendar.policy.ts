import type { Actor } from '../../platform/auth/actor.ts';

/**
 * The schedule of days off is national: only an administrator of a root unit (the whole
 * organisation tree) may change it. Reading it is public.
 */
export const canEditCalendar = (a: Actor | null) =>
  !!a?.grants.some((g) => g.role === 'admin' && g.unitPath !== null && g.unitPath.split('/').length === 3);
