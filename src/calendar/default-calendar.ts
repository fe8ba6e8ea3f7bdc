/** The calendar of the shipped official schedules (2023–2026) + provisional years, built once. */
import { buildCalendar, type Calendar } from './calendar.ts';
import { shippedSchedules } from './official-schedules.ts';

let cached: Calendar | undefined;

/** For code with no administrator-edited schedules at hand (CLI, tests, benchmarks). */
export function defaultCalendar(): Calendar {
  cached ??= buildCalendar(shippedSchedules());
  return cached;
}
