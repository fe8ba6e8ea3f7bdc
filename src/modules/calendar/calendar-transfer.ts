/**
 * Exchange files for year schedules: JSON in the shape of the shipped data file
 * (`{ years: { "2027": { daysOff, workingSaturdays, sources } } }`) and xlsx.
 *
 * The xlsx workbook: a first sheet with one row per day (columns date, kind, name, then an
 * "âm lịch" column the importer ignores), the kind in Vietnamese ('nghỉ lễ', 'nghỉ bù', 'hoán đổi',
 * 'làm bù'; the English keys are accepted too), and a sheet "Văn bản" with one row per announcing
 * document (columns year, source). Older files, with a fourth column "source" on the day rows
 * (the year's documents down its first rows), are read as before.
 *
 * Reading is all-or-nothing: every problem of every year is reported (year, date or row where there
 * is one, problem — sorted by year, row and column), and then nothing is imported.
 */
import { canChi, solarToLunar, type YearSchedule } from '../../calendar/index.ts';
import { checkYearSchedule } from '../../calendar/schedule.ts';
import { AppError } from '../../errors.ts';
import { cellText, excel, loadWorkbook } from '../../platform/documents/xlsx.ts';
import { type Locale, type ProblemInput, problemsError } from './calendar.errors.ts';

/** The columns of the days sheet the importer reads (a fourth, "source", is read when present). */
export const SCHEDULE_COLUMNS = ['date', 'kind', 'name'] as const;
/** The optional column of older files: the year's documents down its first rows. */
const SOURCE_COLUMN = 'source';
/** The lunar date beside each day, for people; the importer ignores it. */
const LUNAR_COLUMN = 'âm lịch';
/** The sheet of the announcing documents, one a row. */
export const SOURCES_SHEET = 'Văn bản';
const SOURCES_COLUMNS = ['year', 'source'] as const;

/** A year as read from a file, before validation (any JSON value may be in it). */
interface RawYear {
  year: number;
  /** the xlsx row of each entry, to point at it in the problems */
  rows?: { daysOff: number[]; workingSaturdays: number[] };
  value: Record<string, unknown>;
}

/** A problem and, for an xlsx row, the column it is about (to list the problems of a row in column order). */
type Found = ProblemInput & { column?: number };

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

/** How the export writes each kind (one of the aliases above, so that the file reads back). */
const KIND_LABELS: Record<string, string> = {
  holiday: 'nghỉ lễ',
  compensatory: 'nghỉ bù',
  swapped: 'hoán đổi',
  working_saturday: 'làm bù',
};

const normalise = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** "1/1 Bính Ngọ", "29/2 nhuận Quý Mão"; '' outside the lunar table. */
function lunarCell(date: string): string {
  try {
    const l = solarToLunar(date);
    return `${l.day}/${l.month}${l.leapMonth ? ' nhuận' : ''} ${canChi(l.year)}`;
  } catch {
    return '';
  }
}

function notXlsx(): AppError {
  return new AppError('CALENDAR_IMPORT_NOT_XLSX');
}

async function readXlsx(buf: Buffer): Promise<{ inputs: RawYear[]; problems: Found[] }> {
  const wb = await loadWorkbook(buf);
  if (!wb) throw notXlsx();
  const sourcesSheet = wb.worksheets.find((w) => normalise(w.name) === normalise(SOURCES_SHEET));
  const ws = wb.worksheets.find((w) => w !== sourcesSheet);
  if (!ws) throw notXlsx();
  const problems: Found[] = [];
  const byYear = new Map<
    number,
    {
      daysOff: { date: string; kind: string; name: string }[];
      workingSaturdays: { date: string; name?: string }[];
      sources: Set<string>;
      rows: { daysOff: number[]; workingSaturdays: number[] };
    }
  >();
  const yearOf = (year: number) => {
    const y = byYear.get(year) ?? {
      daysOff: [],
      workingSaturdays: [],
      sources: new Set<string>(),
      rows: { daysOff: [], workingSaturdays: [] },
    };
    byYear.set(year, y);
    return y;
  };
  /** the column of the older files' sources (1-based), if the header has one */
  let sourceColumn: number | undefined;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const text = (i: number) => cellText(row.getCell(i).value).trim();
    if (n === 1) {
      SCHEDULE_COLUMNS.forEach((c, i) => {
        const found = text(i + 1);
        if (found.toLowerCase() !== c)
          problems.push({ row: 1, column: i, reason: 'column', params: { position: i + 1, expected: c, found } });
      });
      for (let i = SCHEDULE_COLUMNS.length + 1; i <= Math.max(row.cellCount, SCHEDULE_COLUMNS.length + 1); i++)
        if (normalise(text(i)) === SOURCE_COLUMN) sourceColumn ??= i;
      return;
    }
    const [date, kindText, name] = [text(1), text(2), text(3)];
    const source = sourceColumn ? text(sourceColumn) : '';
    // a row left blank between the days (the lunar column, which is not read, may be filled)
    if (!date && !kindText && !name && !source) return;
    const year = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) : Number.NaN;
    const kind = KIND_ALIASES[normalise(kindText)];
    const at = { row: n, ...(date ? { date } : {}), ...(Number.isNaN(year) ? {} : { year }) };
    if (Number.isNaN(year)) problems.push({ ...at, column: 0, reason: date ? 'invalid date' : 'missing date' });
    if (!kind)
      problems.push({
        ...at,
        column: 1,
        reason: 'kind',
        value: kindText,
        params: { kinds: Object.keys(KIND_ALIASES).join(', ') },
      });
    if (Number.isNaN(year) || !kind) return;
    const y = yearOf(year);
    if (source) y.sources.add(source);
    if (kind === 'working_saturday') {
      y.workingSaturdays.push({ date, ...(name ? { name } : {}) });
      y.rows.workingSaturdays.push(n);
    } else {
      y.daysOff.push({ date, kind, name });
      y.rows.daysOff.push(n);
    }
  });
  // the announcing documents, one a row: year, source
  sourcesSheet?.eachRow({ includeEmpty: false }, (row, n) => {
    const text = (i: number) => cellText(row.getCell(i).value).trim();
    if (n === 1) return;
    const [yearText, source] = [text(1), text(2)];
    if (!yearText && !source) return;
    if (!/^\d{4}$/.test(yearText)) {
      problems.push({
        reason: 'source year',
        value: yearText || undefined,
        params: { sheet: SOURCES_SHEET, sheetRow: n },
      });
      return;
    }
    if (source) yearOf(Number(yearText)).sources.add(source);
  });
  const inputs = [...byYear].map(([year, y]) => ({
    year,
    rows: y.rows,
    value: { daysOff: y.daysOff, workingSaturdays: y.workingSaturdays, sources: [...y.sources] },
  }));
  return { inputs, problems };
}

/** Where JSON.parse stopped: from its message ("… at position 12"), else found by `jsonErrorOffset`. */
function jsonError(text: string, err: unknown): AppError {
  const m = /at position (\d+)/.exec(err instanceof Error ? err.message : '');
  const position = m ? Number(m[1]) : jsonErrorOffset(text);
  if (position === undefined) return new AppError('CALENDAR_IMPORT_NOT_JSON', { atVi: '', atEn: '' });
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return new AppError(
    'CALENDAR_IMPORT_NOT_JSON',
    { atVi: ` (lỗi ở dòng ${line}, cột ${column})`, atEn: ` (error at line ${line}, column ${column})`, line, column },
    { line, column, position },
  );
}

/**
 * The offset of the first character a JSON parser refuses (the end of the text when it stops
 * early), or undefined if the text is valid JSON. For the messages of parsers that give no position.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  /** thrown with the offset of the first character refused */
  class Stop {
    constructor(readonly at: number) {}
  }
  const expect = (ok: boolean, at = i) => {
    if (!ok) throw new Stop(at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      expect(text[i] === ch);
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      const ch = text[i];
      expect(ch !== undefined && ch >= ' ');
      if (ch === '"') break;
      if (ch !== '\\') {
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e === 'u') {
        expect(/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)), i + 2);
        i += 6;
      } else {
        expect(e !== undefined && '"\\/bfnrt'.includes(e), i + 1);
        i += 2;
      }
    }
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    expect(m !== null);
    i += m ? m[0].length : 0;
  };
  /** the members of an object or the items of an array, after its opening bracket */
  const members = (close: '}' | ']') => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      if (close === '}') {
        space();
        expect(text[i] === '"');
        string();
        space();
        expect(text[i] === ':');
        i++;
      }
      value();
      space();
      if (text[i] === ',') i++;
      else {
        expect(text[i] === close);
        i++;
        return;
      }
    }
  };
  function value() {
    space();
    const ch = text[i];
    if (ch === '{') members('}');
    else if (ch === '[') members(']');
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      expect(ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9'));
      number();
    }
  }
  try {
    value();
    space();
    expect(i >= text.length);
    return undefined;
  } catch (err) {
    if (err instanceof Stop) return Math.min(err.at, text.length);
    throw err;
  }
}

function readJson(buf: Buffer): { inputs: RawYear[]; problems: Found[] } {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw jsonError(text, err);
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const years = isObject(doc) ? doc.years : undefined;
  if (!isObject(doc) || !isObject(years)) throw new AppError('CALENDAR_IMPORT_FILE_UNREADABLE');
  const problems: Found[] = [];
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

/** The column of a validator's field in the days sheet: date, kind, name. */
function columnOf(field: string): number | undefined {
  if (/^workingSaturdays\[\d+\]$/.test(field) || field.endsWith('.date')) return 0;
  if (field.endsWith('.kind')) return 1;
  if (field.endsWith('.name')) return 2;
  return undefined;
}

/** Year, then row, then column; problems of the whole file (no year) first, the others in the order found. */
function byPlace(a: Found, b: Found): number {
  const key = (v: number | undefined) => v ?? -1;
  return key(a.year) - key(b.year) || key(a.row) - key(b.row) || key(a.column) - key(b.column);
}

/** A file with nothing but white space (or a byte-order mark) in it. */
function isEmpty(buf: Buffer): boolean {
  return buf.length === 0 || (buf.length <= 4096 && /^[\uFEFF\s]*$/.test(buf.toString('utf8')));
}

/** Bytes no text file has (a NUL, or invalid UTF-8) in the first kilobyte. */
function isBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 1024);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return false;
  } catch {
    return true;
  }
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
  if (isEmpty(buf)) throw new AppError('CALENDAR_IMPORT_FILE_EMPTY');
  const isXlsx = buf.subarray(0, 4).toString('hex') === '504b0304';
  if (!isXlsx && /\.xlsx$/i.test(filename)) throw notXlsx();
  // neither a workbook nor text (a picture, a PDF…): no use reporting where it is not JSON
  if (!isXlsx && !/\.json$/i.test(filename) && isBinary(buf)) throw new AppError('CALENDAR_IMPORT_FILE_UNREADABLE');
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
    const checked = checkYearSchedule({ ...value, year, status: 'official' }, { requireStatutoryHolidays: true });
    if (checked.schedule) schedules.push(checked.schedule);
    for (const p of checked.problems) {
      if (!rows) {
        problems.push({ ...p, year });
        continue;
      }
      // an xlsx file has rows, not fields: daysOff[2].name → the row of the third day off
      const m = /^(daysOff|workingSaturdays)\[(\d+)\]/.exec(p.field);
      const row = m ? rows[m[1] as 'daysOff' | 'workingSaturdays'][Number(m[2])] : undefined;
      if (row === undefined) {
        problems.push({ ...p, year });
        continue;
      }
      const { field, ...rest } = p;
      problems.push({ ...rest, year, row, column: columnOf(field) });
    }
  }
  if (!inputs.length && !problems.length) problems.push({ reason: 'no schedule' });
  if (problems.length) {
    const sorted = problems.sort(byPlace).map(({ column: _column, ...p }) => p);
    throw problemsError('CALENDAR_IMPORT_INVALID', sorted, locale);
  }
  return schedules;
}

/**
 * A year's schedule as an xlsx file in the import format (also a template for the next year):
 * the days, with their kind in Vietnamese and their lunar date, and the documents on the sheet "Văn bản".
 */
export async function scheduleToXlsx(s: YearSchedule): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(`Lich nghi ${s.year}`);
  ws.columns = [
    { header: 'date', key: 'date', width: 14 },
    { header: 'kind', key: 'kind', width: 14 },
    { header: 'name', key: 'name', width: 48 },
    { header: LUNAR_COLUMN, key: 'lunar', width: 18 },
  ];
  const rows = [
    ...s.daysOff.map((d) => ({ date: d.date, kind: KIND_LABELS[d.kind] ?? d.kind, name: d.name })),
    ...s.workingSaturdays.map((w) => ({ date: w.date, kind: KIND_LABELS.working_saturday!, name: w.name })),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const r of rows) ws.addRow({ ...r, lunar: lunarCell(r.date) });
  ws.getRow(1).font = { bold: true };
  const docs = wb.addWorksheet(SOURCES_SHEET);
  docs.columns = SOURCES_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'year' ? 8 : 60 }));
  for (const source of s.sources) docs.addRow({ year: s.year, source });
  docs.getRow(1).font = { bold: true };
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
