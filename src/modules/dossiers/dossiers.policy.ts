import { type Actor, hasRole, type Role, STAFF_ROLES, scopeRoots } from '../../platform/auth/actor.ts';

/** Who sees dossiers: civil servants on any unit the dossier has been at (or above it). */
export const DOSSIER_READERS: readonly Role[] = STAFF_ROLES.filter((r) => r !== 'appraiser');

export interface DossierAccess {
  applicantUserId: string | null;
  unitPaths: string[];
  receivingUnitPath: string;
  holderUnitPath: string;
}

export const isApplicant = (a: Actor | null, d: DossierAccess) => !!a && d.applicantUserId === a.userId;

export const canSeeDossier = (a: Actor | null, d: DossierAccess) =>
  isApplicant(a, d) || d.unitPaths.some((p) => hasRole(a, DOSSIER_READERS, p));

export const dossierScope = (a: Actor | null) => scopeRoots(a, DOSSIER_READERS);

export const isOneStop = (a: Actor | null, d: DossierAccess) => hasRole(a, ['one_stop_officer'], d.receivingUnitPath);

/** Roles that may act on a step: a head may do a specialist's step. */
const STEP_ROLES: Record<string, Role[]> = {
  one_stop_officer: ['one_stop_officer'],
  specialist: ['specialist', 'unit_head'],
  unit_head: ['unit_head'],
  leader: ['leader'],
};

export const holdsStep = (a: Actor | null, d: DossierAccess, stepRole: string) =>
  hasRole(a, STEP_ROLES[stepRole] ?? [], d.holderUnitPath);

export const canReadStats = (a: Actor | null, unitPath: string) => hasRole(a, DOSSIER_READERS, unitPath);
