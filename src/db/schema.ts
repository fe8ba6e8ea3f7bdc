/** Schema barrel: every module's tables, for Drizzle and drizzle-kit. */

export * from '../modules/calendar/calendar.table.ts';
export * from '../modules/dossiers/dossiers.table.ts';
export * from '../modules/feedback/feedback.table.ts';
export * from '../modules/org/org.table.ts';
export * from '../modules/procedures/procedures.table.ts';
export * from '../modules/reform-index/reform-index.table.ts';
export * from '../platform/audit/audit.table.ts';
export * from '../platform/auth/auth.table.ts';
