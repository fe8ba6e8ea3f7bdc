import { type Actor, hasRole, type Role, STAFF_ROLES, scopeRoots } from '../../platform/auth/actor.ts';

/** Who may see units: any civil servant, within the subtrees of their grants. */
export const UNIT_READERS: readonly Role[] = STAFF_ROLES;
/** Who may see people: administrators and those who lead or coordinate a unit. */
export const PEOPLE_READERS: readonly Role[] = ['admin', 'leader', 'unit_head', 'reform_coordinator'];

export const canReadUnit = (a: Actor | null, unitPath: string) => hasRole(a, UNIT_READERS, unitPath);
export const canManageUnit = (a: Actor | null, unitPath: string) => hasRole(a, ['admin'], unitPath);
export const canReadPeopleOf = (a: Actor | null, unitPath: string) => hasRole(a, PEOPLE_READERS, unitPath);
export const canManagePeopleOf = (a: Actor | null, unitPath: string) => hasRole(a, ['admin'], unitPath);
export const unitScope = (a: Actor | null) => scopeRoots(a, UNIT_READERS);
export const peopleScope = (a: Actor | null) => scopeRoots(a, PEOPLE_READERS);
/** Roles only an administrator of the root may grant: the root admin decides who administers. */
export const canGrantRole = (a: Actor | null, role: Role, unitPath: string | null) =>
  role === 'citizen' ? hasRole(a, ['admin']) : unitPath !== null && hasRole(a, ['admin'], unitPath);
