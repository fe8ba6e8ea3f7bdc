import type ExcelJSType from 'exceljs';

let mod: typeof ExcelJSType | undefined;

/** exceljs, loaded on first use: importing it costs more than a second of start-up. */
export async function excel(): Promise<typeof ExcelJSType> {
  mod ??= (await import('exceljs')).default;
  return mod;
}
