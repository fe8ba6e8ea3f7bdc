import { useQueries } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { calendarApi } from './calendar.api.ts';

/**
 * Which days are working days, from the public year overviews of `years` (official or provisional,
 * with administrators' edits): for pickers of a date that must be a working day (a new due date).
 * Until a year has loaded, its days count as working (the server checks anyway).
 */
export function useWorkingDays(years: number[]) {
  const results = useQueries({
    queries: years.map((year) => ({
      queryKey: ['calendar', 'year', year],
      queryFn: ({ signal }: { signal: AbortSignal }) => calendarApi.year(year, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const off = new Set<string>();
  const worked = new Set<string>();
  for (const r of results) {
    for (const d of r.data?.daysOff ?? []) off.add(d.date);
    for (const s of r.data?.workingSaturdays ?? []) worked.add(s.date);
  }
  return (d: Dayjs): boolean => {
    const iso = d.format('YYYY-MM-DD');
    if (worked.has(iso)) return true;
    if (off.has(iso)) return false;
    return d.day() !== 0 && d.day() !== 6;
  };
}
