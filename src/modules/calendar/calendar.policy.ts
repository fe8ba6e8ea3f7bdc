import { type Actor, isRootAdmin } from '../../platform/auth/actor.ts';

/**
 * The schedule of days off is national: only an administrator of a root unit (the whole
 * organisation tree) may change it. Reading it is public.
 */
export const canEditCalendar = (a: Actor | null) => isRootAdmin(a);
