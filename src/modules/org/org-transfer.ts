import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { cellText, excel, loadWorkbook } from '../../platform/documents/xlsx.ts';
import * as policy from './org.policy.ts';
import * as repo from './org.repository.ts';
import { UNIT_KINDS } from './org.schemas.ts';
import { forgetUnitLists, unitView } from './org.service.ts';

/** Columns of the unit tree exchange file (xlsx and CSV), in order. */
export const UNIT_COLUMNS = [
  'code',
  'parent_code',
  'name',
  'short_name',
  'name_en',
  'kind',
  'block',
  'agency_code',
  'valid_from',
  'valid_to',
] as const;
type Row = Record<(typeof UNIT_COLUMNS)[number], string>;

export interface RowProblem {
  row: number;
  column?: string;
  problem: string;
}

function csvEscape(v: string) {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

async function unitRows(db: Db, actor: Actor): Promise<Row[]> {
  const roots = policy.unitScope(actor);
  const rows = await repo.listUnits(db, { roots, includeClosed: true });
  const byId = new Map(rows.map((u) => [u.id, u]));
  return rows.map((u) => ({
    code: u.code,
    parent_code: u.parentId ? (byId.get(u.parentId)?.code ?? '') : '',
    name: u.name,
    short_name: u.shortName,
    name_en: u.nameEn ?? '',
    kind: u.kind,
    block: u.block ?? '',
    agency_code: u.agencyCode ?? '',
    valid_from: u.validFrom,
    valid_to: u.validTo ?? '',
  }));
}

export async function exportUnits(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  format: 'xlsx' | 'csv',
): Promise<Buffer> {
  const rows = await unitRows(db, ctx.actor);
  if (format === 'csv') {
    const lines = [UNIT_COLUMNS.join(','), ...rows.map((r) => UNIT_COLUMNS.map((c) => csvEscape(r[c])).join(','))];
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Don vi');
  ws.columns = UNIT_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'name' ? 48 : 16 }));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readTable(buf: Buffer, filename: string): Promise<string[][]> {
  const isXlsx = buf.subarray(0, 4).toString('hex') === '504b0304';
  if (isXlsx) {
    const ws = (await loadWorkbook(buf))?.worksheets[0];
    if (!ws) throw new AppError('IMPORT_FILE_UNREADABLE');
    const out: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let i = 1; i <= UNIT_COLUMNS.length; i++) {
        cells.push(cellText(row.getCell(i).value));
      }
      out.push(cells);
    });
    return out;
  }
  if (/\.xlsx$/i.test(filename)) throw new AppError('IMPORT_FILE_UNREADABLE');
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new AppError('IMPORT_FILE_UNREADABLE');
  return parseCsv(text);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Imports a unit tree: rows are upserted by code, parents may come later in the file.
 * Every bad row and cell is reported and nothing is written unless the whole file is valid.
 */
export async function importUnits(db: Db, ctx: RequestContext & { actor: Actor }, buf: Buffer, filename: string) {
  const table = await readTable(buf, filename);
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const problems: RowProblem[] = [];
  UNIT_COLUMNS.forEach((c, i) => {
    if (header[i] !== c)
      problems.push({
        row: 1,
        column: c,
        problem: `expected column "${c}" in position ${i + 1}, found "${header[i] ?? ''}"`,
      });
  });
  if (problems.length) throw new AppError('IMPORT_INVALID', { count: problems.length }, { problems });
  const rows: (Row & { line: number })[] = table.slice(1).map((cells, i) => {
    const r = { line: i + 2 } as Row & { line: number };
    UNIT_COLUMNS.forEach((c, j) => {
      r[c] = (cells[j] ?? '').trim();
    });
    return r;
  });
  const existing = new Map((await repo.allUnits(db)).map((u) => [u.code, u]));
  const codeById = new Map([...existing.values()].map((u) => [u.id, u.code]));
  const parentCodeOf = (code: string): string | undefined => {
    if (inFile.has(code)) return inFile.get(code)!.parent_code || undefined;
    const pid = existing.get(code)?.parentId;
    return pid ? codeById.get(pid) : undefined;
  };
  const inFile = new Map<string, Row & { line: number }>();
  for (const r of rows) {
    const bad = (column: string, problem: string) => problems.push({ row: r.line, column, problem });
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(r.code)) bad('code', 'invalid code');
    else if (inFile.has(r.code)) bad('code', `duplicate of row ${inFile.get(r.code)!.line}`);
    inFile.set(r.code, r);
    if (r.name.length < 2) bad('name', 'required');
    if (!r.short_name) bad('short_name', 'required');
    if (!(UNIT_KINDS as readonly string[]).includes(r.kind)) bad('kind', `one of ${UNIT_KINDS.join(', ')}`);
    if (r.block && !/^[a-z][a-z0-9_-]{0,39}$/.test(r.block)) bad('block', 'lowercase identifier');
    if (r.valid_from && !DATE.test(r.valid_from)) bad('valid_from', 'YYYY-MM-DD');
    if (r.valid_to && !DATE.test(r.valid_to)) bad('valid_to', 'YYYY-MM-DD');
  }
  for (const r of rows) {
    if (!r.parent_code) {
      if (!existing.has(r.code))
        problems.push({ row: r.line, column: 'parent_code', problem: 'a new unit needs a parent' });
      continue;
    }
    const parentExisting = existing.get(r.parent_code);
    if (!inFile.has(r.parent_code) && !parentExisting)
      problems.push({ row: r.line, column: 'parent_code', problem: `unknown unit ${r.parent_code}` });
    // cycle check inside the file
    const seen = new Set([r.code]);
    let p: string | undefined = r.parent_code;
    while (p) {
      if (seen.has(p)) {
        problems.push({ row: r.line, column: 'parent_code', problem: 'cycle' });
        break;
      }
      seen.add(p);
      p = parentCodeOf(p);
    }
  }
  // authorisation: each row's (new) parent and each existing unit must be managed by the actor
  const pathOf = (code: string): string | undefined => existing.get(code)?.path;
  for (const r of rows) {
    let anchor: string | undefined = r.parent_code || r.code;
    while (anchor && !pathOf(anchor)) anchor = inFile.get(anchor)?.parent_code;
    const path = anchor ? pathOf(anchor) : undefined;
    if (!path || !policy.canManageUnit(ctx.actor, path))
      problems.push({ row: r.line, problem: 'not allowed: outside the units you administer' });
  }
  if (problems.length) throw new AppError('IMPORT_INVALID', { count: problems.length }, { problems });

  // Write parents before children.
  const ordered: (Row & { line: number })[] = [];
  const placed = new Set<string>();
  const place = (r: Row & { line: number }) => {
    if (placed.has(r.code)) return;
    const parent = inFile.get(r.parent_code);
    if (parent && parent.code !== r.code) place(parent);
    placed.add(r.code);
    ordered.push(r);
  };
  rows.forEach(place);
  let created = 0;
  let updated = 0;
  await db
    .transaction(async (tx) => {
      for (const r of ordered) {
        const parent = r.parent_code ? await repo.getUnitByCode(tx, r.parent_code) : undefined;
        const cur = await repo.getUnitByCode(tx, r.code);
        const fields = {
          name: r.name,
          shortName: r.short_name,
          nameEn: r.name_en || null,
          kind: r.kind,
          block: r.block || null,
          agencyCode: r.agency_code || null,
          validTo: r.valid_to || null,
          ...(r.valid_from ? { validFrom: r.valid_from } : {}),
        };
        if (!cur) {
          const row = await repo.insertUnit(
            tx,
            { id: randomUUID(), code: r.code, parentId: parent?.id ?? null, ...fields },
            parent,
          );
          await audit(tx, ctx, {
            action: 'unit.import_create',
            targetType: 'unit',
            targetId: row.id,
            unitId: row.id,
            after: unitView(row),
          });
          created++;
        } else {
          const moved = parent && parent.id !== cur.parentId;
          const after = await repo.updateUnit(tx, cur.id, cur.version, {
            ...fields,
            ...(moved ? { parentId: parent.id } : {}),
          });
          if (moved && parent)
            await repo.movePaths(tx, cur.path, `${parent.path}${cur.id}/`, parent.depth + 1 - cur.depth);
          await audit(tx, ctx, {
            action: 'unit.import_update',
            targetType: 'unit',
            targetId: cur.id,
            unitId: cur.id,
            before: unitView(cur),
            after: after ? unitView(after) : null,
          });
          updated++;
        }
      }
    })
    .finally(forgetUnitLists);
  return { created, updated };
}
