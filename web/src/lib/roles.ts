import type { MeView, UNIT_KINDS } from '../../../src/modules/org/org.schemas.ts';
import type { Role } from '../../../src/platform/auth/actor.ts';
import { vi } from '../i18n/vi.ts';

export type { Role };
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Every role, in the order of the backend's ROLES (the catalogue has one label per role). */
export const ALL_ROLES = Object.keys(vi.roles) as Role[];
/** Civil servants' roles: everyone but citizens. */
export const STAFF_ROLES: readonly Role[] = ALL_ROLES.filter((r) => r !== 'citizen');
export const UNIT_KIND_LIST = Object.keys(vi.unitKinds) as UnitKind[];

// tsc keeps the catalogue in step with the backend's role and unit-kind lists.
const _rolesCovered: Record<Role, string> = vi.roles;
const _kindsCovered: Record<UnitKind, string> = vi.unitKinds;
void _rolesCovered;
void _kindsCovered;

export const rolesOf = (me: MeView | null | undefined): Set<Role> =>
  new Set((me?.grants ?? []).map((g) => g.role as Role));

/** True when `roles` is empty/undefined (anyone signed in) or the user holds one of them somewhere. */
export function allowed(me: MeView | null | undefined, roles?: readonly Role[]): boolean {
  if (!me) return false;
  if (!roles || roles.length === 0) return true;
  const mine = rolesOf(me);
  return roles.some((r) => mine.has(r));
}
