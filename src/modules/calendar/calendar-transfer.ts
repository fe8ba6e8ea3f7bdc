/**
 * Exchange files for year schedules: JSON in the shape of the shipped data file
 * (`{ years: { "2027": { daysOff, workingSaturdays, sources } } }`) and xlsx with one row per day
 * (columns date, kind, name, source). Reading is all-or-nothing: every problem of every year is
 * reported (year, date or row where there is one, problem), and then nothing is imported.
 */
import type { YearSchedule } from '../../calendar/index.ts';
import { checkYearSchedule } from '../../calendar/schedule.ts';
import { AppError } from '../../errors.ts';
import { cellText, excel } from '../../platform/documents/xlsx.ts';
import { type Locale, type ProblemInput, problemsError } from './calendar.errors.ts';

export const SCHEDULE_COLUMNS = ['date', 'kind', 'name', 'source'] as const;

/** A year as read from a file, before validation (any JSON value may be in it). */
interface RawYear {
  year: number;
  /** the xlsx row of each entry, to point at it in the problems */
  rows?: { daysOff: number[]; workingSaturdays: number[] };
  value: Record<string, unknown>;
}

/** Kinds as written in the file; Vietnamese labels are accepted too. */
const KIND_ALIASES: Record<string, string> = {
  holiday: 'holiday',
  'nghỉ lễ': 'holiday',
  'nghỉ tết': 'holiday',
  compensatory: 'compensatory',
  'nghỉ bù': 'compensatory',
  swapped: 'swapped',
  'hoán đổi': 'swapped',
  working_saturday: 'working_saturday',
  'làm bù': 'working_saturday',
  'làm việc bù': 'working_saturday',
};

function unreadable(): AppError {
  return new AppError('CALENDAR_IMPORT_FILE_UNREADABLE');
}

async function readXlsx(buf: Buffer): Promise<{ inputs: RawYear[]; problems: ProblemInput[] }> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(buf as never);
  } catch {
    throw unreadable();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw unreadable();
  const problems: ProblemInput[] = [];
  const byYear = new Map<
    number,
    {
      daysOff: { date: string; kind: string; name: string }[];
      workingSaturdays: { date: string; name?: string }[];
      sources: Set<string>;
      rows: { daysOff: number[]; workingSaturdays: number[] };
    }
  >();
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = SCHEDULE_COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value).trim());
    if (n === 1) {
      SCHEDULE_COLUMNS.forEach((c, i) => {
        if (cells[i]!.toLowerCase() !== c)
          problems.push({ row: 1, reason: 'column', params: { position: i + 1, expected: c, found: cells[i] } });
      });
      return;
    }
    const [date = '', kindText = '', name = '', source = ''] = cells;
    const year = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) : Number.NaN;
    const kind = KIND_ALIASES[kindText.toLowerCase()];
    const at = { row: n, ...(date ? { date } : {}), ...(Number.isNaN(year) ? {} : { year }) };
    if (Number.isNaN(year)) problems.push({ ...at, reason: date ? 'invalid date' : 'missing date' });
    if (!kind)
      problems.push({
        ...at,
        reason: 'kind',
        value: kindText,
        params: { kinds: Object.keys(KIND_ALIASES).join(', ') },
      });
    if (Number.isNaN(year) || !kind) return;
    const y = byYear.get(year) ?? {
      daysOff: [],
      workingSaturdays: [],
      sources: new Set<string>(),
      rows: { daysOff: [], workingSaturdays: [] },
    };
    byYear.set(year, y);
    if (source) y.sources.add(source);
    if (kind === 'working_saturday') {
      y.workingSaturdays.push({ date, ...(name ? { name } : {}) });
      y.rows.workingSaturdays.push(n);
    } else {
      y.daysOff.push({ date, kind, name });
      y.rows.daysOff.push(n);
    }
  });
  const inputs = [...byYear].map(([year, y]) => ({
    year,
    rows: y.rows,
    value: { daysOff: y.daysOff, workingSaturdays: y.workingSaturdays, sources: [...y.sources] },
  }));
  return { inputs, problems };
}

function readJson(buf: Buffer): { inputs: RawYear[]; problems: ProblemInput[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw unreadable();
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const years = isObject(doc) ? doc.years : undefined;
  if (!isObject(doc) || !isObject(years)) throw unreadable();
  const problems: ProblemInput[] = [];
  if (doc.timezone !== undefined && doc.timezone !== 'Asia/Ho_Chi_Minh')
    problems.push({ reason: 'timezone', field: 'timezone', value: doc.timezone });
  const inputs: RawYear[] = [];
  for (const [key, value] of Object.entries(years)) {
    if (!/^\d{4}$/.test(key) || !isObject(value)) {
      problems.push({ reason: 'not a year', field: `years.${key}`, params: { key: key.slice(0, 40) } });
      continue;
    }
    inputs.push({ year: Number(key), value });
  }
  return { inputs, problems };
}

/**
 * Reads and validates a JSON or xlsx schedule file; AppError CALENDAR_IMPORT_INVALID lists every
 * problem of every year (messages in `locale`), and then no year is imported.
 */
export async function readScheduleFile(
  buf: Buffer,
  filename: string,
  years: { min: number; max: number },
  locale: Locale = 'vi',
): Promise<YearSchedule[]> {
  const isXlsx = buf.subarray(0, 4).toString('hex') === '504b0304';
  if (!isXlsx && /\.xlsx$/i.test(filename)) throw unreadable();
  const { inputs, problems } = isXlsx ? await readXlsx(buf) : readJson(buf);
  const schedules: YearSchedule[] = [];
  for (const { year, rows, value } of inputs) {
    if (year < years.min || year > years.max) {
      problems.push({ year, reason: 'year outside the calendar', params: years });
      continue;
    }
    const sources = value.sources;
    if (sources === undefined || sources === null || (Array.isArray(sources) && sources.length === 0))
      problems.push({ year, reason: 'source document missing' });
    const checked = checkYearSchedule({ ...value, year, status: 'official' });
    if (checked.schedule) schedules.push(checked.schedule);
    for (const p of checked.problems) {
      if (!rows) {
        problems.push({ ...p, year });
        continue;
      }
      // an xlsx file has rows, not fields: daysOff[2].name → the row of the third day off
      const m = /^(daysOff|workingSaturdays)\[(\d+)\]/.exec(p.field);
      const row = m ? rows[m[1] as 'daysOff' | 'workingSaturdays'][Number(m[2])] : undefined;
      const { field: _field, ...rest } = p;
      problems.push({ ...rest, year, ...(row !== undefined ? { row } : {}) });
    }
  }
  if (!inputs.length && !problems.length) problems.push({ reason: 'no schedule' });
  if (problems.length) throw problemsError('CALENDAR_IMPORT_INVALID', problems, locale);
  return schedules;
}

/** A year's schedule as an xlsx file in the import format (also a template for the next year). */
export async function scheduleToXlsx(s: YearSchedule): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(`Lich nghi ${s.year}`);
  ws.columns = SCHEDULE_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === 'name' ? 48 : c === 'source' ? 40 : 16,
  }));
  const rows = [
    ...s.daysOff.map((d) => ({ date: d.date, kind: d.kind as string, name: d.name })),
    ...s.workingSaturdays.map((w) => ({ date: w.date, kind: 'working_saturday', name: w.name })),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  // the year's sources go in the source column of its first rows, where the importer collects them
  for (const [i, r] of rows.entries()) ws.addRow({ ...r, source: s.sources[i] ?? '' });
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A year's schedule as JSON in the import format. */
export function scheduleToJson(s: YearSchedule): Buffer {
  const doc = {
    timezone: 'Asia/Ho_Chi_Minh',
    years: { [s.year]: { daysOff: s.daysOff, workingSaturdays: s.workingSaturdays, sources: s.sources } },
  };
  return Buffer.from(`${JSON.stringify(doc, null, 1)}\n`, 'utf8');
}
