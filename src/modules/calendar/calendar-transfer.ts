/**
 * Exchange files for year schedules: JSON in the shape of the shipped data file
 * (`{ years: { "2027": { daysOff, workingSaturdays, sources } } }`) and xlsx with one row per day
 * (columns date, kind, name, source). Reading is all-or-nothing: every problem is reported.
 */
import type ExcelJS from 'exceljs';
import {
  CalendarError,
  validateYearSchedule,
  type YearSchedule,
  type YearScheduleInput,
} from '../../calendar/index.ts';
import { AppError } from '../../errors.ts';
import { excel } from '../../platform/documents/xlsx.ts';
import './calendar.errors.ts';

export const SCHEDULE_COLUMNS = ['date', 'kind', 'name', 'source'] as const;

export interface ScheduleProblem {
  year?: number;
  row?: number;
  date?: unknown;
  problem: string;
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

async function readXlsx(buf: Buffer): Promise<{ inputs: YearScheduleInput[]; problems: ScheduleProblem[] }> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(buf as never);
  } catch {
    throw unreadable();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw unreadable();
  const problems: ScheduleProblem[] = [];
  const text = (v: ExcelJS.CellValue): string =>
    v instanceof Date
      ? v.toISOString().slice(0, 10)
      : v == null
        ? ''
        : typeof v === 'object' && 'text' in v
          ? String(v.text)
          : typeof v === 'object' && 'result' in v
            ? String(v.result ?? '')
            : String(v);
  const byYear = new Map<
    number,
    {
      daysOff: YearScheduleInput['daysOff'][number][];
      workingSaturdays: { date: string; name?: string }[];
      sources: Set<string>;
    }
  >();
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = SCHEDULE_COLUMNS.map((_, i) => text(row.getCell(i + 1).value).trim());
    if (n === 1) {
      SCHEDULE_COLUMNS.forEach((c, i) => {
        if (cells[i]!.toLowerCase() !== c)
          problems.push({ row: 1, problem: `expected column "${c}" in position ${i + 1}, found "${cells[i]}"` });
      });
      return;
    }
    const [date = '', kindText = '', name = '', source = ''] = cells;
    const year = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) : Number.NaN;
    const kind = KIND_ALIASES[kindText.toLowerCase()];
    if (Number.isNaN(year)) return void problems.push({ row: n, date, problem: 'date must be YYYY-MM-DD' });
    if (!kind)
      return void problems.push({
        row: n,
        date,
        problem: `kind must be one of ${Object.keys(KIND_ALIASES).join(', ')}`,
      });
    const y = byYear.get(year) ?? { daysOff: [], workingSaturdays: [], sources: new Set<string>() };
    byYear.set(year, y);
    if (source) y.sources.add(source);
    if (kind === 'working_saturday') y.workingSaturdays.push({ date, ...(name ? { name } : {}) });
    else y.daysOff.push({ date, kind, name });
  });
  const inputs = [...byYear].map(([year, y]) => ({
    year,
    daysOff: y.daysOff,
    workingSaturdays: y.workingSaturdays,
    sources: [...y.sources],
  }));
  return { inputs, problems };
}

function readJson(buf: Buffer): { inputs: YearScheduleInput[]; problems: ScheduleProblem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw unreadable();
  }
  const years = (doc as { years?: unknown })?.years;
  if (!years || typeof years !== 'object' || Array.isArray(years)) throw unreadable();
  const problems: ScheduleProblem[] = [];
  const inputs: YearScheduleInput[] = [];
  for (const [key, value] of Object.entries(years as Record<string, unknown>)) {
    const v = value as Partial<YearScheduleInput> | null;
    if (!/^\d{4}$/.test(key) || !v || typeof v !== 'object') {
      problems.push({ problem: `"${key}" is not a year with a schedule` });
      continue;
    }
    inputs.push({ ...(v as YearScheduleInput), year: Number(key) });
  }
  return { inputs, problems };
}

/** Reads and validates a JSON or xlsx schedule file; AppError CALENDAR_IMPORT_INVALID lists every problem. */
export async function readScheduleFile(
  buf: Buffer,
  filename: string,
  years: { min: number; max: number },
): Promise<YearSchedule[]> {
  const isXlsx = buf.subarray(0, 4).toString('hex') === '504b0304';
  if (!isXlsx && /\.xlsx$/i.test(filename)) throw unreadable();
  const { inputs, problems } = isXlsx ? await readXlsx(buf) : readJson(buf);
  const schedules: YearSchedule[] = [];
  for (const input of inputs) {
    if (input.year < years.min || input.year > years.max) {
      problems.push({ year: input.year, problem: `year outside ${years.min}–${years.max}` });
      continue;
    }
    if (!input.sources?.length) problems.push({ year: input.year, problem: 'source document missing' });
    try {
      schedules.push(validateYearSchedule({ ...input, status: 'official' }));
    } catch (err) {
      if (!(err instanceof CalendarError)) throw err;
      const { reason, date } = err.params as { reason?: string; date?: unknown };
      problems.push({ year: input.year, ...(date !== undefined ? { date } : {}), problem: String(reason ?? err.code) });
    }
  }
  if (!inputs.length && !problems.length) problems.push({ problem: 'the file holds no schedule' });
  if (problems.length) throw new AppError('CALENDAR_IMPORT_INVALID', { count: problems.length }, { problems });
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
