import type { Static } from '@sinclair/typebox';
import type { ProblemView } from '../../../../src/modules/calendar/calendar.errors.ts';
import type {
  DueDateSchema,
  ScheduleInput,
  ScheduleView,
  YearSchema,
} from '../../../../src/modules/calendar/calendar.schemas.ts';
import { api, isApiError } from '../../lib/api.ts';

export type YearView = Static<typeof YearSchema>;
export type DueDateView = Static<typeof DueDateSchema>;
export type { ScheduleInput, ScheduleView };
export type DayOffKind = YearView['daysOff'][number]['kind'];
export const DAY_OFF_KINDS: readonly DayOffKind[] = ['holiday', 'compensatory', 'swapped'];

/**
 * One problem of a refused schedule (PUT) or schedule file (import), as the server lists them in
 * the `problems` member of its problem+json.
 */
export type ScheduleProblem = ProblemView;

/** The problems listed by a refused schedule or file; [] for any other error. */
export function scheduleProblems(err: unknown): ScheduleProblem[] {
  if (!isApiError(err)) return [];
  const list = err.problem.problems as unknown;
  return Array.isArray(list)
    ? list.filter((p): p is ScheduleProblem => typeof p === 'object' && p !== null && typeof p.message === 'string')
    : [];
}

export const calendarApi = {
  year: (year: number, signal?: AbortSignal) => api.get<YearView>(`/calendar/years/${year}`, undefined, signal),
  dueDate: (receivedAt: string, workingDays: number) =>
    api.get<DueDateView>('/calendar/due-date', { receivedAt, workingDays }),
  schedule: (year: number, signal?: AbortSignal) =>
    api.get<ScheduleView>(`/calendar/schedules/${year}`, undefined, signal),
  saveSchedule: (year: number, body: ScheduleInput) => api.put<ScheduleView>(`/calendar/schedules/${year}`, body),
  deleteSchedule: (year: number, version: number) => api.delete(`/calendar/schedules/${year}?version=${version}`),
};
