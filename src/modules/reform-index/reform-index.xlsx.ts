/**
 * xlsx exchange of the reform index: the framework template (import/export, all-or-nothing with
 * every bad row and cell reported) and the full results table.
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { cellText, excel, loadWorkbook } from '../../platform/documents/xlsx.ts';
import { type Criterion, type ScoringRule, validateFramework } from './domain/index.ts';
import * as repo from './reform-index.repository.ts';
import type { ResultsView } from './reform-index.schemas.ts';
import { frameworkContext, replaceFrameworkCriteria, type Signed } from './reform-index.service.ts';

/** Columns of the framework template, in order (row 1 holds these keys, row 2 the Vietnamese labels). */
export const FRAMEWORK_COLUMNS = [
  ['code', 'Mã tiêu chí'],
  ['parent_code', 'Mã tiêu chí cha'],
  ['name', 'Tên tiêu chí'],
  ['name_en', 'Tên tiếng Anh'],
  ['max_points', 'Điểm tối đa'],
  ['method', 'Phương pháp (appraisal/survey/computed)'],
  ['rule', 'Cách tính (sum/tiered/proportional/threshold/yesNo/deduction/free)'],
  ['levels', 'Mức điểm (2.5=Tốt; 2=Đạt; 0=Không)'],
  ['threshold', 'Ngưỡng (0..1)'],
  ['points_per_item', 'Điểm trừ mỗi lỗi'],
  ['evidence_required', 'Bắt buộc tài liệu kiểm chứng (x)'],
  ['allow_na', 'Cho phép không áp dụng (x)'],
  ['metric_key', 'Chỉ số đo lường'],
] as const;
const KEYS = FRAMEWORK_COLUMNS.map((c) => c[0]);
const METHODS = ['appraisal', 'survey', 'computed'];
const RULES = ['sum', 'tiered', 'proportional', 'threshold', 'yesNo', 'deduction', 'free'];

export interface CellError {
  row: number;
  column?: string;
  code: string;
  message: string;
}

/** A cell's text, trimmed. */
const text = (v: unknown): string => cellText(v).trim();
const flag = (v: string) => /^(x|1|true|có|yes)$/i.test(v);
const number = (v: string) => (v === '' ? Number.NaN : Number(v.replace(',', '.')));

export function levelsText(rule: ScoringRule): string {
  return rule.kind === 'tiered' ? rule.levels.map((l) => `${l.points}=${l.label}`).join('; ') : '';
}

/** Parses the template; returns the criteria or every problem found (never a partial list). */
export async function parseFrameworkXlsx(buf: Buffer): Promise<{ criteria: Criterion[]; errors: CellError[] }> {
  const ws = (await loadWorkbook(buf))?.worksheets[0];
  if (!ws) throw new AppError('RI_FILE_UNREADABLE');
  const errors: CellError[] = [];
  const header = KEYS.map((_, i) => text(ws.getRow(1).getCell(i + 1).value));
  const extra = text(ws.getRow(1).getCell(KEYS.length + 1).value);
  KEYS.forEach((k, i) => {
    if (header[i] !== k)
      errors.push({
        row: 1,
        column: k,
        code: 'COLUMN_WRONG',
        message: `column ${i + 1} must be "${k}", found "${header[i]}"`,
      });
  });
  if (extra) errors.push({ row: 1, column: extra, code: 'COLUMN_UNEXPECTED', message: `unexpected column "${extra}"` });
  if (errors.length) return { criteria: [], errors };

  const criteria: Criterion[] = [];
  const rowOf = new Map<string, number>();
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cell = Object.fromEntries(KEYS.map((k, i) => [k, text(row.getCell(i + 1).value)])) as Record<
      (typeof KEYS)[number],
      string
    >;
    if (KEYS.every((k) => cell[k] === '')) continue;
    const bad = (column: string, code: string, message: string) => errors.push({ row: r, column, code, message });
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(cell.code))
      bad('code', 'CODE_INVALID', 'code is required (letters, digits, . _ -)');
    if (!cell.name) bad('name', 'REQUIRED', 'name is required');
    const max = number(cell.max_points);
    if (!(max > 0)) bad('max_points', 'NUMBER_INVALID', 'max_points must be a positive number');
    if (!METHODS.includes(cell.method)) bad('method', 'METHOD_INVALID', `method must be one of ${METHODS.join(', ')}`);
    if (!RULES.includes(cell.rule)) bad('rule', 'RULE_INVALID', `rule must be one of ${RULES.join(', ')}`);
    let rule: ScoringRule = { kind: 'free' };
    if (cell.rule === 'tiered') {
      const levels = cell.levels
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const [pts, ...label] = s.split('=');
          return { points: number(pts ?? ''), label: label.join('=').trim() || String(pts) };
        });
      if (!levels.length || levels.some((l) => Number.isNaN(l.points)))
        bad('levels', 'LEVELS_INVALID', 'levels must look like "2.5=Tốt; 2=Đạt; 0=Không"');
      rule = { kind: 'tiered', levels };
    } else if (cell.rule === 'threshold') {
      const t = number(cell.threshold);
      if (!(t > 0 && t <= 1)) bad('threshold', 'THRESHOLD_INVALID', 'threshold must be a rate in (0, 1]');
      rule = { kind: 'threshold', threshold: t };
    } else if (cell.rule === 'deduction') {
      const per = number(cell.points_per_item);
      rule = Number.isNaN(per) ? { kind: 'deduction' } : { kind: 'deduction', pointsPerItem: per };
    } else if (RULES.includes(cell.rule)) rule = { kind: cell.rule } as ScoringRule;
    if (rowOf.has(cell.code)) bad('code', 'CODE_DUPLICATE', `code ${cell.code} already on row ${rowOf.get(cell.code)}`);
    rowOf.set(cell.code, r);
    criteria.push({
      code: cell.code,
      parentCode: cell.parent_code || null,
      name: cell.name,
      ...(cell.name_en ? { nameEn: cell.name_en } : {}),
      maxPoints: max,
      method: (METHODS.includes(cell.method) ? cell.method : 'appraisal') as Criterion['method'],
      rule,
      evidenceRequired: flag(cell.evidence_required),
      allowNotApplicable: flag(cell.allow_na),
      ...(cell.metric_key ? { metricKey: cell.metric_key } : {}),
    });
  }
  if (!criteria.length && !errors.length) errors.push({ row: 3, code: 'EMPTY', message: 'no criteria' });
  if (!errors.length) {
    // the tree rules (cycles, children's maxima, rules of parents and leaves) name their row
    for (const p of validateFramework({ code: 'import', name: 'import', year: 0, criteria })) {
      if (p.code === 'FRAMEWORK_DUPLICATE_CODE') continue;
      errors.push({
        row: rowOf.get(p.criterionCode ?? '') ?? 0,
        column: columnOf(p.code),
        code: p.code,
        message: JSON.stringify({ ...p.params, ...(p.path ? { path: p.path } : {}) }),
      });
    }
  }
  return { criteria, errors };
}

function columnOf(code: string): string | undefined {
  if (code === 'FRAMEWORK_UNKNOWN_PARENT' || code === 'FRAMEWORK_CYCLE') return 'parent_code';
  if (
    code === 'FRAMEWORK_CHILDREN_MAX_MISMATCH' ||
    code === 'FRAMEWORK_NON_POSITIVE_MAX' ||
    code === 'FRAMEWORK_TOO_PRECISE'
  )
    return 'max_points';
  if (code === 'FRAMEWORK_METRIC_MISSING') return 'metric_key';
  if (code.includes('RULE')) return 'rule';
  return undefined;
}

export async function importFrameworkXlsx(db: Db, ctx: Signed, frameworkId: string, buf: Buffer) {
  const { criteria, errors } = await parseFrameworkXlsx(buf);
  if (errors.length) throw new AppError('RI_IMPORT_INVALID', { count: errors.length }, { errors });
  return replaceFrameworkCriteria(db, ctx, frameworkId, criteria);
}

export async function frameworkXlsx(criteria: readonly Criterion[]): Promise<Buffer> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bo chi so');
  ws.addRow(KEYS);
  ws.addRow(FRAMEWORK_COLUMNS.map((c) => c[1]));
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true };
  for (const c of criteria) {
    ws.addRow([
      c.code,
      c.parentCode ?? '',
      c.name,
      c.nameEn ?? '',
      c.maxPoints,
      c.method,
      c.rule.kind,
      levelsText(c.rule),
      c.rule.kind === 'threshold' ? c.rule.threshold : '',
      c.rule.kind === 'deduction' && c.rule.pointsPerItem !== undefined ? c.rule.pointsPerItem : '',
      c.evidenceRequired ? 'x' : '',
      c.allowNotApplicable ? 'x' : '',
      c.metricKey ?? '',
    ]);
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 2 ? 60 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportFrameworkXlsx(db: Db, frameworkId: string) {
  const { framework } = await frameworkContext(db, frameworkId);
  const criteria = await repo.listCriteria(db, frameworkId);
  return { code: framework.code, buf: await frameworkXlsx(criteria) };
}

/** The full results table (one sheet per peer group). */
export async function resultsXlsx(view: ResultsView): Promise<Buffer> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  for (const g of view.groups) {
    const rows = view.results.filter((r) => r.groupId === g.groupId);
    const ws = wb.addWorksheet(`${g.groupId} ${g.year}`.slice(0, 31));
    ws.addRow([`${g.name} — năm ${g.year}`]).font = { bold: true, size: 13 };
    ws.addRow([`Trung bình ${g.average ?? ''}%; cao nhất ${g.highest ?? ''}%; thấp nhất ${g.lowest ?? ''}%`]);
    const areas = rows[0]?.areas ?? [];
    const head = ws.addRow([
      'Xếp hạng',
      'Mã đơn vị',
      'Đơn vị',
      'Điểm',
      'Điểm tối đa',
      'Chỉ số (%)',
      'Tăng/giảm (điểm %)',
      'Thay đổi thứ hạng',
      'Xếp loại',
      ...areas.flatMap((a) => [`${a.name} (điểm)`, `${a.name} (%)`, `${a.name} (hạng)`]),
    ]);
    head.font = { bold: true };
    for (const r of rows) {
      ws.addRow([
        r.rank,
        r.unitCode,
        r.unitName,
        r.points,
        r.maxPoints,
        r.percent,
        r.deltaPercentPoints,
        r.rankChange,
        r.band,
        ...r.areas.flatMap((a) => [a.points, a.percent, a.rank]),
      ]);
    }
    ws.getColumn(3).width = 40;
  }
  if (!view.groups.length) wb.addWorksheet('Ket qua').addRow(['Chưa có kết quả công bố']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
