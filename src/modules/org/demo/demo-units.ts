import type { DemoUnit } from '../../../db/seed/demo.ts';
import { DEMO_UNITS as REFORM_INDEX_DEMO_UNITS } from '../../reform-index/demo/demo-units.ts';

/**
 * The demo organisation: Hà Nội as of 2023 (the city, its 30 district-level units, and inside Bắc
 * Từ Liêm its departments, construction-order team and 13 wards), defined once by the reform-index
 * demo (codes: HN, HN-BTL, HN-BTL-PB-QLDT, HN-BTL-P-TC …).
 */
export const DEMO_UNITS: DemoUnit[] = REFORM_INDEX_DEMO_UNITS.map((u) => ({
  code: u.code,
  parentCode: u.parentCode,
  name: u.name,
  shortName: u.shortName,
  nameEn: u.nameEn,
  kind: u.kind,
  block: u.block,
}));
