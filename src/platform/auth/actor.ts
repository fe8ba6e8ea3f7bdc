/** The roles of cchc. A role is granted on a unit and covers its whole subtree. */
export const ROLES = [
  'citizen',
  'one_stop_officer',
  'specialist',
  'unit_head',
  'leader',
  'reform_coordinator',
  'appraiser',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  unitId: string | null;
  /** materialised path of the unit ("/a/b/"), null for unit-less roles (citizen) */
  unitPath: string | null;
}

/** Who is acting: a signed-in person (session) or an integration (API token). */
export interface Actor {
  userId: string;
  fullName: string;
  unitId: string | null;
  grants: Grant[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

/** Everything a service needs to know about the request besides its input. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string;
  locale: 'vi' | 'en';
  now: Date;
}

/** True when the actor holds one of `roles` on `unitPath` or one of its ancestors (any unit when omitted). */
export function hasRole(actor: Actor | null | undefined, roles: readonly Role[], unitPath?: string | null): boolean {
  if (!actor) return false;
  return actor.grants.some(
    (g) => roles.includes(g.role) && (unitPath === undefined || (g.unitPath && unitPath?.startsWith(g.unitPath))),
  );
}

/** The subtree roots (paths) on which the actor holds one of `roles`, minimal (no path inside another). */
export function scopeRoots(actor: Actor | null | undefined, roles: readonly Role[]): string[] {
  if (!actor) return [];
  const paths = actor.grants
    .filter((g) => roles.includes(g.role) && g.unitPath)
    .map((g) => g.unitPath as string)
    .sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => p.startsWith(r))) roots.push(p);
  return roots;
}

/** A root unit's path is "/<id>/": a grant on it covers the whole organisation. */
const isRootPath = (path: string | null) => path !== null && path.split('/').length === 3;

/** True when the actor administers a root unit, i.e. the whole organisation tree. */
export function isRootAdmin(actor: Actor | null | undefined): boolean {
  return !!actor?.grants.some((g) => g.role === 'admin' && isRootPath(g.unitPath));
}

/** Roles of civil servants (everyone but citizens). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen');

/** The grant shown as "acting as" in the audit log: the broadest staff grant, else the first. */
export function primaryGrant(actor: Actor | null): Grant | undefined {
  if (!actor) return undefined;
  const staff = actor.grants.filter((g) => g.role !== 'citizen');
  return (
    staff.sort(
      (a, b) => (a.unitPath?.length ?? 0) - (b.unitPath?.length ?? 0) || ROLES.indexOf(b.role) - ROLES.indexOf(a.role),
    )[0] ?? actor.grants[0]
  );
}
