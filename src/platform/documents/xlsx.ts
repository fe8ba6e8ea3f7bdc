import type ExcelJSType from 'exceljs';

let mod: typeof ExcelJSType | undefined;

/** exceljs, loaded on first use: importing it costs more than a second of start-up. */
export async function excel(): Promise<typeof ExcelJSType> {
  mod ??= (await import('exceljs')).default;
  return mod;
}

/** An uploaded workbook, or null when the bytes are not one (callers answer with their own error). */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJSType.Workbook | null> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(buf as never);
    return wb;
  } catch {
    return null;
  }
}

/**
 * The text of a cell as a person reads it, untrimmed: rich text joined, a hyperlink's text, a
 * formula's result, a date as YYYY-MM-DD (exceljs gives dates as Date at UTC midnight), '' for empty.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText((v as { result?: unknown }).result);
    if ('text' in v) return cellText((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}
