import type { DbOrTx } from '../../../db/client.ts';
import type { Deps } from '../../../platform/http/types.ts';
import { getUnitByCode } from '../../org/org.repository.ts';
import { BUILDING_PERMIT_CODE } from '../../procedures/demo/catalogue.ts';
import { seedProcedures } from '../../procedures/demo/seed-procedures.ts';
import { getProcedureByCode } from '../../procedures/procedures.repository.ts';

/** Unit codes may follow the org demo or the reform-index demo scheme: try both. */
export const UNIT_CODES = {
  btl: ['HN-BTL'],
  thuongCat: ['HN-BTL-P-TC', 'HN-BTL-TC'],
  coNhue2: ['HN-BTL-P-CN2', 'HN-BTL-CN2'],
  qldt: ['HN-BTL-PB-QLDT', 'HN-BTL-QLDT'],
};

export async function unitByCodes(db: DbOrTx, codes: string[]) {
  for (const c of codes) {
    const u = await getUnitByCode(db, c);
    if (u) return u;
  }
  throw new Error(`none of the units ${codes.join(', ')} exists`);
}

export const seedCatalogue = async (deps: Deps) => void (await seedProcedures(deps.database.db));

export async function buildingPermit(db: DbOrTx) {
  return (await getProcedureByCode(db, BUILDING_PERMIT_CODE))!;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1');

export { multipart } from '../../../../test/multipart.ts';
