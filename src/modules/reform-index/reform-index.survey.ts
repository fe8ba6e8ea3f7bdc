/**
 * Survey points (điều tra xã hội học) of a cycle: the coordinator enters them as JSON or imports
 * them from an xlsx template (one row per unit × survey criterion). Both are all or nothing: every
 * bad row and cell is reported and nothing is stored; a good file is stored in one transaction
 * with its audit entry.
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cellText, excel, loadWorkbook } from '../../platform/documents/xlsx.ts';
import { type Criterion, validateScore } from './domain/index.ts';
import * as repo from './reform-index.repository.ts';
import { cycleContext, manageableGroup, type Signed } from './reform-index.service.ts';

/** Columns of the survey template (row 1 the keys, row 2 the Vietnamese labels, data from row 3). */
export const SURVEY_COLUMNS = [
  ['unit_code', 'Mã đơn vị'],
  ['unit_name', 'Tên đơn vị (không bắt buộc)'],
  ['criterion_code', 'Mã tiêu chí'],
  ['criterion_name', 'Tên tiêu chí (không bắt buộc)'],
  ['max_points', 'Điểm tối đa (để tham khảo)'],
  ['points', 'Điểm điều tra XHH'],
] as const;
const KEYS = SURVEY_COLUMNS.map((c) => c[0]);
const col = (k: (typeof KEYS)[number]) => KEYS.indexOf(k) + 1;
/** Survey points may be entered while the cycle is being appraised or after appraisal closed. */
const SURVEY_STATES = ['appraisal', 'closed'];

export interface SurveyRow {
  row: number;
  unitCode: string;
  criterionCode: string;
  points: number;
}
/** One problem of a survey file or request: the row (1-based data row for JSON, sheet row for xlsx) and the cell. */
export interface SurveyProblem {
  row: number;
  column?: string;
  code: string;
  problem: string;
  unitCode?: string;
  criterionCode?: string;
}

/** The cycle, checked: the actor manages its group and the cycle takes survey points now. */
async function surveyCycle(db: Db, ctx: Signed, cycleId: string) {
  const c = await cycleContext(db, cycleId);
  await manageableGroup(db, ctx.actor, c.framework.groupId);
  const criteria = await repo.listCriteria(db, c.framework.id);
  const parents = new Set(criteria.map((x) => x.parentCode));
  const survey = criteria.filter((x) => x.method === 'survey' && !parents.has(x.code));
  const assessments = await repo.listAssessments(db, cycleId);
  return { ...c, survey, assessments };
}

/** Checks every row against the cycle's units and survey criteria; collects every problem. */
export function checkSurveyRows(
  survey: readonly Criterion[],
  assessmentOf: ReadonlyMap<string, string>,
  rows: readonly SurveyRow[],
): { bulk: repo.BulkScore[]; problems: SurveyProblem[] } {
  const problems: SurveyProblem[] = [];
  const bulk: repo.BulkScore[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const at = { row: r.row, unitCode: r.unitCode, criterionCode: r.criterionCode };
    const assessmentId = assessmentOf.get(r.unitCode);
    const crit = survey.find((x) => x.code === r.criterionCode);
    const key = `${r.unitCode}\u0000${r.criterionCode}`;
    if (!assessmentId)
      problems.push({
        ...at,
        column: 'unit_code',
        code: 'UNKNOWN_UNIT',
        problem: `unit ${r.unitCode} is not assessed in this cycle`,
      });
    if (!crit)
      problems.push({
        ...at,
        column: 'criterion_code',
        code: 'NOT_A_SURVEY_CRITERION',
        problem: `${r.criterionCode} is not a survey criterion of this framework`,
      });
    if (seen.has(key))
      problems.push({ ...at, code: 'DUPLICATE_ROW', problem: `same unit and criterion as row ${seen.get(key)}` });
    else seen.set(key, r.row);
    if (!crit || !assessmentId) continue;
    const err = validateScore(crit.rule, crit.maxPoints, r.points);
    if (err)
      problems.push({
        ...at,
        column: 'points',
        code: err.code,
        problem: `${r.points}: ${err.code} (max ${crit.maxPoints})`,
      });
    else bulk.push({ assessmentId, criterionCode: r.criterionCode, surveyPoints: r.points });
  }
  return { bulk, problems };
}

async function store(db: Db, ctx: Signed, cycleId: string, bulk: repo.BulkScore[], action: string, extra = {}) {
  await db.transaction(async (tx) => {
    await repo.upsertScores(tx, bulk);
    await audit(tx, ctx, {
      action,
      targetType: 'ri_cycle',
      targetId: cycleId,
      after: { rows: bulk.length, ...extra },
    });
  });
  return { saved: bulk.length };
}

/** JSON entry (POST /cycles/:id/survey): rows numbered from 1 in the order sent. */
export async function enterSurvey(
  db: Db,
  ctx: Signed,
  cycleId: string,
  rows: { unitCode: string; criterionCode: string; points: number }[],
) {
  const c = await surveyCycle(db, ctx, cycleId);
  if (!SURVEY_STATES.includes(c.cycle.status))
    throw new AppError('RI_CYCLE_STATE', { status: c.cycle.status, action: 'enter survey results' });
  const { bulk, problems } = checkSurveyRows(
    c.survey,
    new Map(c.assessments.map((x) => [x.unitCode, x.a.id])),
    rows.map((r, i) => ({ ...r, row: i + 1 })),
  );
  // `errors` (row, unitCode, criterionCode, code) is the shape this endpoint has always answered
  if (problems.length) throw new AppError('RI_IMPORT_INVALID', { count: problems.length }, { errors: problems });
  return store(db, ctx, cycleId, bulk, 'ri.survey.enter');
}

/** A cell's text, trimmed. */
const text = (v: unknown): string => cellText(v).trim();

/** Reads the template: the rows with points, and every problem of the header and the cells. */
export async function parseSurveyXlsx(buf: Buffer): Promise<{ rows: SurveyRow[]; problems: SurveyProblem[] }> {
  const ws = (await loadWorkbook(buf))?.worksheets[0];
  if (!ws) throw new AppError('RI_FILE_UNREADABLE');
  const problems: SurveyProblem[] = [];
  KEYS.forEach((k, i) => {
    const found = text(ws.getRow(1).getCell(i + 1).value);
    if (found !== k)
      problems.push({
        row: 1,
        column: k,
        code: 'COLUMN_WRONG',
        problem: `column ${i + 1} must be "${k}", found "${found}"`,
      });
  });
  const extra = text(ws.getRow(1).getCell(KEYS.length + 1).value);
  if (extra)
    problems.push({ row: 1, column: extra, code: 'COLUMN_UNEXPECTED', problem: `unexpected column "${extra}"` });
  if (problems.length) return { rows: [], problems };
  const rows: SurveyRow[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const unitCode = text(row.getCell(col('unit_code')).value);
    const criterionCode = text(row.getCell(col('criterion_code')).value);
    const raw = text(row.getCell(col('points')).value);
    if (!unitCode && !criterionCode && !raw) continue;
    // a row without points is a unit not surveyed yet: left as it is
    if (!raw) {
      if (!unitCode || !criterionCode)
        problems.push({
          row: r,
          column: unitCode ? 'criterion_code' : 'unit_code',
          code: 'REQUIRED',
          problem: 'required',
        });
      continue;
    }
    if (!unitCode) problems.push({ row: r, column: 'unit_code', code: 'REQUIRED', problem: 'unit_code is required' });
    if (!criterionCode)
      problems.push({ row: r, column: 'criterion_code', code: 'REQUIRED', problem: 'criterion_code is required' });
    const points = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
    if (Number.isNaN(points))
      problems.push({
        row: r,
        column: 'points',
        code: 'NUMBER_INVALID',
        problem: `"${raw}" is not a number`,
        unitCode,
        criterionCode,
      });
    if (unitCode && criterionCode && !Number.isNaN(points)) rows.push({ row: r, unitCode, criterionCode, points });
  }
  if (!rows.length && !problems.length)
    problems.push({ row: 3, column: 'points', code: 'EMPTY', problem: 'no row has survey points' });
  return { rows, problems };
}

/** xlsx import: every problem of the file and of its rows in one 422, or all rows stored. */
export async function importSurveyXlsx(db: Db, ctx: Signed, cycleId: string, buf: Buffer, fileName?: string) {
  const c = await surveyCycle(db, ctx, cycleId);
  if (!SURVEY_STATES.includes(c.cycle.status))
    throw new AppError('RI_CYCLE_STATE', { status: c.cycle.status, action: 'import survey results' });
  const parsed = await parseSurveyXlsx(buf);
  const checked = checkSurveyRows(c.survey, new Map(c.assessments.map((x) => [x.unitCode, x.a.id])), parsed.rows);
  const problems = [...parsed.problems, ...checked.problems].sort((a, b) => a.row - b.row);
  if (problems.length) throw new AppError('RI_SURVEY_IMPORT_INVALID', { count: problems.length }, { problems });
  return store(db, ctx, cycleId, checked.bulk, 'ri.survey.import', { fileName: fileName ?? null });
}

/** Points stored so far, by unit and survey criterion key. */
async function storedPoints(db: Db, assessments: Awaited<ReturnType<typeof repo.listAssessments>>) {
  const stored = new Map<string, number>();
  for (const a of assessments)
    for (const s of await repo.scoresOf(db, a.a.id))
      if (s.surveyPoints !== null) stored.set(`${a.unitCode}\u0000${s.criterionCode}`, Number(s.surveyPoints));
  return stored;
}

/** The survey sheet of a cycle for the coordinator's screen: survey criteria, units and their points. */
export async function surveySheet(db: Db, ctx: Signed, cycleId: string) {
  const c = await surveyCycle(db, ctx, cycleId);
  const stored = await storedPoints(db, c.assessments);
  return {
    cycleId,
    status: c.cycle.status,
    editable: SURVEY_STATES.includes(c.cycle.status),
    criteria: c.survey.map((k) => ({ code: k.code, name: k.name, maxPoints: k.maxPoints, rule: k.rule })),
    units: c.assessments.map((a) => ({
      unitCode: a.unitCode,
      unitName: a.unitName,
      points: Object.fromEntries(c.survey.map((k) => [k.code, stored.get(`${a.unitCode}\u0000${k.code}`) ?? null])),
    })),
  };
}

/** The template of a cycle: a row per unit and survey criterion, with the points stored so far. */
export async function surveyTemplateXlsx(db: Db, ctx: Signed, cycleId: string) {
  const c = await surveyCycle(db, ctx, cycleId);
  const stored = await storedPoints(db, c.assessments);
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dieu tra XHH');
  ws.addRow(KEYS);
  ws.addRow(SURVEY_COLUMNS.map((x) => x[1]));
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true };
  for (const a of c.assessments)
    for (const k of c.survey)
      ws.addRow([
        a.unitCode,
        a.unitName,
        k.code,
        k.name,
        k.maxPoints,
        stored.get(`${a.unitCode}\u0000${k.code}`) ?? null,
      ]);
  [16, 44, 14, 60, 12, 14].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return { code: c.framework.code, buf: Buffer.from(await wb.xlsx.writeBuffer()) };
}
