import { type Calendar, defaultCalendar } from '../../calendar/index.ts';
import type { Db } from '../../db/client.ts';

type Provider = (db: Db) => Promise<Calendar>;
let provider: Provider | null | undefined;

/**
 * The effective working-day calendar: the calendar module's (administrator-edited schedules over
 * the shipped official ones) when that module is present, else the shipped official schedules.
 */
export async function effectiveCalendar(db: Db): Promise<Calendar> {
  if (provider === undefined) {
    const path = '../calendar/calendar.service.ts';
    try {
      const mod = (await import(/* @vite-ignore */ path)) as { getCalendar?: Provider };
      provider = mod.getCalendar ?? null;
    } catch {
      provider = null;
    }
  }
  if (!provider) return defaultCalendar();
  try {
    return await provider(db);
  } catch {
    return defaultCalendar();
  }
}
