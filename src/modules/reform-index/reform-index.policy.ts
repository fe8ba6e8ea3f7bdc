/**
 * Who may do what in the reform index. A peer group belongs to an owner unit (the city for its
 * districts, a district for its departments and wards); the owner's reform coordinators and
 * appraisers run its cycles.
 *
 * Focal point of a unit (đầu mối CCHC): a `unit_head` or `specialist` whose grant covers the unit,
 * or a `reform_coordinator` granted on exactly that unit (a district's Phòng Nội vụ self-scores the
 * district in the city's index). The coordinator of the owner unit is not the focal point of the
 * owner's members: self-scoring and appraising stay with different people.
 */
import { type Actor, hasRole } from '../../platform/auth/actor.ts';

export const canManageGroup = (a: Actor | null, ownerPath: string) =>
  hasRole(a, ['reform_coordinator', 'admin'], ownerPath);

export const canAppraise = (a: Actor | null, ownerPath: string) => hasRole(a, ['appraiser'], ownerPath);

export function isFocalPoint(a: Actor | null, unitPath: string): boolean {
  if (!a) return false;
  if (hasRole(a, ['unit_head', 'specialist'], unitPath)) return true;
  return a.grants.some((g) => g.role === 'reform_coordinator' && g.unitPath === unitPath);
}

/** May see an assessment (scores, evidence): its focal point, or the group's staff. */
export const canReadAssessment = (a: Actor | null, unitPath: string, ownerPath: string) =>
  isFocalPoint(a, unitPath) ||
  hasRole(a, ['reform_coordinator', 'appraiser', 'leader', 'admin'], ownerPath) ||
  hasRole(a, ['leader'], unitPath);

/** May see the group's frameworks, cycles and unpublished results. */
export const canReadGroup = (a: Actor | null, ownerPath: string) =>
  hasRole(a, ['reform_coordinator', 'appraiser', 'leader', 'admin'], ownerPath);
