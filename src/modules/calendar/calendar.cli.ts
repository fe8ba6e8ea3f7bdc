/**
 * `cchc calendar …` — answers the same questions as the public calendar routes, from the shell.
 * `due` and `year` use the database's edited schedules unless `--offline` is given.
 */
import { parseArgs } from 'node:util';
import {
  type Calendar,
  computeDueDate,
  defaultCalendar,
  describeYear,
  parseWorkingDays,
  parseYear,
  receiptRule,
  solarToLunar,
} from '../../calendar/index.ts';
import type { CliCommand } from '../../cli-commands.ts';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { AppError } from '../../errors.ts';
import { toAppError } from './calendar.errors.ts';
import { getCalendar } from './calendar.service.ts';

const USAGE = `cchc calendar due --received-at <ISO instant with zone> --working-days <N> [--cutoff HH:MM|none] [--offline]
  cchc calendar lunar <YYYY-MM-DD>
  cchc calendar year <YYYY> [--offline]`;

async function withCalendar<T>(config: Config, offline: boolean, fn: (cal: Calendar) => T): Promise<T> {
  if (offline) return fn(defaultCalendar());
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    return fn(await getCalendar(database.db));
  } finally {
    await database.close();
  }
}

const print = (v: unknown, out: (s: string) => void) => out(`${JSON.stringify(v, null, 2)}\n`);

/** The command; `out` is injectable for tests. */
export async function runCalendarCli(
  args: string[],
  config: Config,
  out: (s: string) => void = (s) => void process.stdout.write(s),
) {
  const [sub, ...rest] = args;
  try {
    if (sub === 'lunar' && rest.length === 1) return print(solarToLunar(rest[0]!), out);
    if (sub === 'due') {
      const { values } = parseArgs({
        args: rest,
        options: {
          'received-at': { type: 'string' },
          'working-days': { type: 'string' },
          cutoff: { type: 'string' },
          offline: { type: 'boolean' },
        },
      });
      if (!values['received-at'] || values['working-days'] === undefined) {
        throw new AppError('BAD_REQUEST', { detail: `usage: ${USAGE}` });
      }
      const n = parseWorkingDays(values['working-days']);
      const rule = receiptRule(
        values.cutoff === undefined ? undefined : values.cutoff === 'none' ? null : values.cutoff,
      );
      const answer = await withCalendar(config, !!values.offline, (cal) =>
        computeDueDate(cal, values['received-at']!, n, rule),
      );
      return print(answer, out);
    }
    if (sub === 'year') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { offline: { type: 'boolean' } },
        allowPositionals: true,
      });
      const year = parseYear(positionals[0]);
      return print(await withCalendar(config, !!values.offline, (cal) => describeYear(cal, year)), out);
    }
    throw new AppError('BAD_REQUEST', { detail: `usage: ${USAGE}` });
  } catch (err) {
    throw toAppError(err);
  }
}

export const calendarCli: CliCommand = { usage: USAGE, run: (args, config) => runCalendarCli(args, config) };
