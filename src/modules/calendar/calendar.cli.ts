/**
 * `cchc calendar …` — answers the same questions as the public calendar routes, from the shell.
 * `due` and `year` use the database's edited schedules unless `--offline` is given (shipped and
 * provisional schedules only). While a server holds the embedded database, they read the edited
 * schedules from that server's public API (on PORT), so the answers stay the API's.
 */
import {
  buildCalendar,
  type Calendar,
  computeDueDate,
  defaultCalendar,
  describeYear,
  mergeSchedules,
  parseWorkingDays,
  parseYear,
  receiptRuleFrom,
  shippedSchedules,
  solarToLunar,
  WORKING_DAYS_MAX_YEAR,
  WORKING_DAYS_MIN_YEAR,
  type YearSchedule,
} from '../../calendar/index.ts';
import type { CliCommand } from '../../cli-commands.ts';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { DataDirInUseError } from '../../db/data-dir-lock.ts';
import { migrate } from '../../db/migrate.ts';
import { AppError } from '../../errors.ts';
import { toAppError } from './calendar.errors.ts';
import { getCalendar } from './calendar.service.ts';

const USAGE = `cchc calendar due --received-at <ISO instant with zone> --working-days <N> [--cutoff HH:MM|none] [--offline]
  cchc calendar lunar <YYYY-MM-DD>
  cchc calendar year <YYYY> [--offline]`;

type OptionSpec = Record<string, 'string' | 'boolean'>;
type OptionValues<O extends OptionSpec> = { [K in keyof O]?: O[K] extends 'string' ? string : boolean };

/** An argument that reads as a negative number ('-1', '-0.5'): a value, never an option. */
const NEGATIVE_NUMBER = /^-\d/;
const isOptionLike = (arg: string) => arg.length > 1 && arg.startsWith('-') && !NEGATIVE_NUMBER.test(arg);

/**
 * Reads `--name value`, `--name=value`, `--flag` and up to `maxPositionals` positionals. Unlike
 * util.parseArgs, `--working-days -1` passes '-1' on (so the range check can say what is wrong),
 * and every mistake is a one-line AppError (CLI_*) rather than a TypeError.
 */
export function parseCommandArgs<O extends OptionSpec>(
  args: readonly string[],
  options: O,
  maxPositionals = 0,
): { values: OptionValues<O>; positionals: string[] } {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!isOptionLike(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const option = eq < 0 ? arg : arg.slice(0, eq);
    const name = option.startsWith('--') ? option.slice(2) : '';
    const type = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!type) throw new AppError('CLI_UNKNOWN_OPTION', { option });
    if (type === 'boolean') {
      if (eq >= 0) throw new AppError('CLI_OPTION_TAKES_NO_VALUE', { option });
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !isOptionLike(args[i + 1]!)) value = args[++i];
    if (!value) throw new AppError('CLI_OPTION_VALUE_MISSING', { option });
    values[name] = value;
  }
  if (positionals.length > maxPositionals) {
    throw new AppError('CLI_UNEXPECTED_ARGUMENT', { value: positionals[maxPositionals] });
  }
  return { values: values as OptionValues<O>, positionals };
}

async function withCalendar<T>(config: Config, offline: boolean, fn: (cal: Calendar) => T): Promise<T> {
  if (offline) return fn(defaultCalendar());
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    return fn(await calendarFromServer(config, err));
  }
  try {
    await migrate(database);
    return fn(await getCalendar(database.db));
  } finally {
    await database.close();
  }
}

/**
 * The running server's calendar, read year by year from its public API (GET /calendar/years/{y})
 * and rebuilt the way the server builds it: the years it reports official, over the shipped ones.
 */
async function calendarFromServer(config: Config, inUse: DataDirInUseError): Promise<Calendar> {
  const base = `http://127.0.0.1:${config.port}/api/v1/calendar/years`;
  const years = Array.from(
    { length: WORKING_DAYS_MAX_YEAR - WORKING_DAYS_MIN_YEAR + 1 },
    (_, i) => WORKING_DAYS_MIN_YEAR + i,
  );
  type Overview = {
    year: number;
    status: 'official' | 'provisional';
    sources: string[];
    daysOff: YearSchedule['daysOff'];
    workingSaturdays: YearSchedule['workingSaturdays'];
  };
  let overviews: Overview[];
  try {
    overviews = await Promise.all(
      years.map(async (y) => {
        const r = await fetch(`${base}/${y}`, { signal: AbortSignal.timeout(5000) });
        if (!r.ok) throw new Error(`${r.status}`);
        return (await r.json()) as Overview;
      }),
    );
  } catch {
    throw new DataDirInUseError(
      inUse.dataDir,
      inUse.pid,
      `its API on port ${config.port} did not answer; use --offline for the shipped and provisional schedules only`,
    );
  }
  const official = overviews
    .filter((o) => o.status === 'official')
    .map((o) => ({
      year: o.year,
      status: 'official' as const,
      sources: o.sources,
      daysOff: o.daysOff.map(({ date, kind, name }) => ({ date, kind, name })),
      workingSaturdays: o.workingSaturdays.map(({ date, name }) => ({ date, name })),
    }));
  return buildCalendar(mergeSchedules(shippedSchedules(), official));
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
    if (sub === 'lunar') {
      const [date] = parseCommandArgs(rest, {}, 1).positionals;
      if (date === undefined) throw new AppError('CALENDAR_DATE_MISSING');
      return print(solarToLunar(date), out);
    }
    if (sub === 'due') {
      const { values } = parseCommandArgs(rest, {
        'received-at': 'string',
        'working-days': 'string',
        cutoff: 'string',
        offline: 'boolean',
      });
      // the values given are checked before the options missing (`due --working-days -1` → the range)
      const n = values['working-days'] === undefined ? undefined : parseWorkingDays(values['working-days']);
      const rule = receiptRuleFrom(values.cutoff);
      if (values['received-at'] === undefined) throw new AppError('CLI_OPTION_MISSING', { option: '--received-at' });
      if (n === undefined) throw new AppError('CLI_OPTION_MISSING', { option: '--working-days' });
      const answer = await withCalendar(config, !!values.offline, (cal) =>
        computeDueDate(cal, values['received-at']!, n, rule),
      );
      return print(answer, out);
    }
    if (sub === 'year') {
      const { values, positionals } = parseCommandArgs(rest, { offline: 'boolean' }, 1);
      const [value] = positionals;
      if (value === undefined) throw new AppError('CALENDAR_YEAR_MISSING');
      // a number that is not a year of the calendar (1999, 20255) is out of range; anything else is not a year
      if (!/^[+-]?\d+$/.test(value)) throw new AppError('CALENDAR_NOT_A_YEAR', { value });
      const year = parseYear(value);
      return print(await withCalendar(config, !!values.offline, (cal) => describeYear(cal, year)), out);
    }
    // one line like every CLI error; `cchc help` lists the usage
    throw new AppError('BAD_REQUEST', { detail: `"${['cchc calendar', ...args].join(' ')}" (cchc help)` });
  } catch (err) {
    throw toAppError(err);
  }
}

export const calendarCli: CliCommand = { usage: USAGE, run: (args, config) => runCalendarCli(args, config) };
