import { Value } from '@sinclair/typebox/value';
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { type Actor, hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import { cellText, excel, loadWorkbook } from '../../platform/documents/xlsx.ts';
import * as repo from './procedures.repository.ts';
import { ProcedureCreateBody, type ProcedureInput } from './procedures.schemas.ts';
import { procedureProblems, procedureView, upsertProcedures } from './procedures.service.ts';

/**
 * The catalogue exchange file: one row per procedure; list-valued columns hold JSON (components,
 * workflow, fees) or one item per line (legal basis) so that a file exported can be imported back.
 */
export const PROCEDURE_COLUMNS = [
  'code',
  'name',
  'field',
  'level',
  'receiving_kinds',
  'processing_days',
  'online_level',
  'result_name',
  'valid_from',
  'valid_to',
  'legal_basis',
  'fees_json',
  'components_json',
  'workflow_json',
] as const;
/**
 * Columns a file may lack (files exported before they existed still import). `receipt_cutoff`:
 * HH:MM, "none" for no cut-off, empty for the default (15:00) or, on update, the stored value.
 */
export const OPTIONAL_PROCEDURE_COLUMNS = ['receipt_cutoff'] as const;
const NO_CUTOFF = /^(none|không|khong)$/i;

export async function exportProcedures(db: Db): Promise<Buffer> {
  const rows = (await repo.listProcedures(db, {})).map(procedureView);
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('Thủ tục hành chính');
  ws.addRow([...PROCEDURE_COLUMNS, ...OPTIONAL_PROCEDURE_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  for (const p of rows) {
    ws.addRow([
      p.code,
      p.name,
      p.field,
      p.level,
      p.receivingKinds.join(','),
      p.processingDays,
      p.onlineLevel,
      p.resultName,
      p.validFrom,
      p.validTo ?? '',
      p.legalBasis.join('\n'),
      JSON.stringify(p.fees),
      JSON.stringify(p.components),
      JSON.stringify(p.workflow),
      p.receiptCutoff ?? 'none',
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i < 3 ? 40 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportProblem {
  row: number;
  problem: string;
}

/** Parses the exchange file into procedures, or lists every problem (row numbers as in Excel). */
export async function parseProcedureFile(buf: Buffer): Promise<{ items: ProcedureInput[]; problems: ImportProblem[] }> {
  const ws = (await loadWorkbook(buf))?.worksheets[0];
  if (!ws) throw new AppError('IMPORT_FILE_UNREADABLE');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
  const items: ProcedureInput[] = [];
  const problems: ImportProblem[] = [];
  const missing = PROCEDURE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { items, problems: [{ row: 1, problem: `missing columns: ${missing.join(', ')}` }] };
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const get = (c: (typeof PROCEDURE_COLUMNS | typeof OPTIONAL_PROCEDURE_COLUMNS)[number]) =>
      header.includes(c) ? cellText(row.getCell(header.indexOf(c) + 1).value).trim() : '';
    if (!get('code') && !get('name')) return;
    try {
      const item: ProcedureInput = {
        code: get('code'),
        name: get('name'),
        field: get('field'),
        level: get('level') as ProcedureInput['level'],
        receivingKinds: get('receiving_kinds')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        processingDays: Number(get('processing_days')),
        onlineLevel: get('online_level') as ProcedureInput['onlineLevel'],
        resultName: get('result_name'),
        validFrom: get('valid_from') || '2000-01-01',
        validTo: get('valid_to') || null,
        legalBasis: get('legal_basis')
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
        fees: JSON.parse(get('fees_json') || '[]'),
        components: JSON.parse(get('components_json') || '[]'),
        workflow: JSON.parse(get('workflow_json') || '[]'),
      };
      // a time typed into Excel arrives as a Date on 1899-12-30 (UTC)
      const rawCutoff = header.includes('receipt_cutoff')
        ? row.getCell(header.indexOf('receipt_cutoff') + 1).value
        : null;
      const cutoff = rawCutoff instanceof Date ? rawCutoff.toISOString().slice(11, 16) : get('receipt_cutoff');
      if (cutoff) item.receiptCutoff = NO_CUTOFF.test(cutoff) ? null : cutoff;
      const err = [...Value.Errors(ProcedureCreateBody, item)][0];
      if (err) problems.push({ row: n, problem: `${err.path || '/'} ${err.message}` });
      else {
        for (const p of procedureProblems(item)) problems.push({ row: n, problem: p });
        items.push(item);
      }
    } catch (e) {
      problems.push({ row: n, problem: `unreadable JSON: ${(e as Error).message}` });
    }
  });
  const codes = items.map((i) => i.code);
  codes.forEach((c, i) => {
    if (codes.indexOf(c) !== i) problems.push({ row: 0, problem: `code ${c} appears twice` });
  });
  return { items, problems };
}

export async function importProcedures(db: Db, ctx: RequestContext & { actor: Actor }, buf: Buffer) {
  if (!hasRole(ctx.actor, ['admin'])) throw new AppError('FORBIDDEN');
  const { items, problems } = await parseProcedureFile(buf);
  if (problems.length) throw new AppError('PROCEDURE_IMPORT_INVALID', { count: problems.length }, { problems });
  return db.transaction((tx) => upsertProcedures(tx, ctx, items));
}
