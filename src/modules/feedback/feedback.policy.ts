import { type Actor, hasRole, type Role, scopeRoots } from '../../platform/auth/actor.ts';

/** Roles that handle feedback on the units of their subtree. */
export const HANDLERS: readonly Role[] = ['one_stop_officer', 'specialist', 'unit_head', 'leader', 'admin'];
const HEADS: readonly Role[] = ['unit_head', 'leader', 'admin'];

export const inboxScope = (actor: Actor) => scopeRoots(actor, HANDLERS);
export const canRead = (actor: Actor, unitPath: string) => hasRole(actor, HANDLERS, unitPath);
export const canHandle = canRead;
/** Heads approve answers; in a "hot" category the head also writes the answer. */
export const canApprove = (actor: Actor, unitPath: string) => hasRole(actor, HEADS, unitPath);
export const canDraft = (actor: Actor, unitPath: string, headAnswers: boolean) =>
  headAnswers ? canApprove(actor, unitPath) : hasRole(actor, ['specialist', 'unit_head', 'leader', 'admin'], unitPath);
/** Staff intake (hotline, counter, letter): any handler. */
export const canIntake = (actor: Actor) => hasRole(actor, HANDLERS);
/** Categories and routing rules: administrators. */
export const canConfigure = (actor: Actor) => hasRole(actor, ['admin']);
/** Statistics: handlers and reform coordinators of the subtree. */
export const statsScope = (actor: Actor) => scopeRoots(actor, [...HANDLERS, 'reform_coordinator']);
