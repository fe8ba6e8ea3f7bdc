/**
 * Mã hồ sơ (TT 01/2018/TT-VPCP art. 19): `<unit identifier>-YYMMDD-XXXX`, XXXX the 4-digit
 * sequence of the receiving unit's dossiers that day (beyond 9999 the number simply grows).
 */
export function dossierCode(unitIdentifier: string, day: string, seq: number): string {
  const yymmdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${unitIdentifier}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export const DOSSIER_CODE_RE = /^(.+)-(\d{6})-(\d{4,})$/;
