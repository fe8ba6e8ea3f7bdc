import type { DemoUnit } from '../../../db/seed/demo.ts';

// Temporary organisation list; replaced by the reform-index demo's unit list (same codes) when it lands.
const d = (code: string, name: string, shortName: string, kind: string): DemoUnit => ({ code, parentCode: 'HN', name, shortName, kind, block: 'districts' });

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'HN', parentCode: null, name: 'Thành phố Hà Nội', shortName: 'Hà Nội', kind: 'city' },
  d('HN-BTL', 'Quận Bắc Từ Liêm', 'Bắc Từ Liêm', 'district'),
  d('HN-DD', 'Quận Đống Đa', 'Đống Đa', 'district'),
  { code: 'HN-BTL-QLDT', parentCode: 'HN-BTL', name: 'Phòng Quản lý đô thị', shortName: 'QLĐT', kind: 'department', block: 'departments' },
  { code: 'HN-BTL-TC', parentCode: 'HN-BTL', name: 'UBND phường Thượng Cát', shortName: 'Thượng Cát', kind: 'ward', block: 'wards' },
  { code: 'HN-BTL-CN2', parentCode: 'HN-BTL', name: 'UBND phường Cổ Nhuế 2', shortName: 'Cổ Nhuế 2', kind: 'ward', block: 'wards' },
];
