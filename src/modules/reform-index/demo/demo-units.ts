/**
 * Hà Nội's organisation as of 2023 as far as the demo needs it: the city, its 30 district-level
 * units, and inside Bắc Từ Liêm its 12 specialised departments, the urban construction-order
 * team and 13 wards. The organisation seed imports this list; codes are stable identifiers.
 *
 * Code scheme: 'HN' (city) → 'HN-<district>' → 'HN-<district>-PB-<department>' (phòng ban),
 * 'HN-<district>-DOI-<team>' (đội), 'HN-<district>-P-<ward>' (phường). Each segment is the ASCII
 * initials of the name (đ → D); where siblings' initials collide the code spells more of the
 * distinguishing word (Hà Đông HDO / Hoài Đức HDU; Thạch Thất TTH / Thanh Trì TTR / Thường Tín TTI;
 * Phú Diễn PHD / Phúc Diễn PCD). See demo/README.md.
 */

export type DemoUnitKind = 'city' | 'district' | 'town' | 'rural_district' | 'department' | 'team' | 'ward';
export type DemoBlock = 'districts' | 'departments' | 'wards';

export interface DemoUnit {
  code: string;
  /** official designation, e.g. 'UBND quận Bắc Từ Liêm', 'Phòng Nội vụ' */
  name: string;
  /** name as used in rankings, e.g. 'Bắc Từ Liêm', 'Nội vụ' */
  shortName: string;
  nameEn: string;
  kind: DemoUnitKind;
  parentCode: string | null;
  /** the assessment block the unit is ranked and averaged in; null for the city */
  block: DemoBlock | null;
}

const KIND_VI: Record<'district' | 'town' | 'rural_district', [string, string]> = {
  district: ['quận', 'District'],
  town: ['thị xã', 'Town'],
  rural_district: ['huyện', 'Rural District'],
};

const district = (code: string, shortName: string, kind: 'district' | 'town' | 'rural_district'): DemoUnit => ({
  code: `HN-${code}`,
  name: `UBND ${KIND_VI[kind][0]} ${shortName}`,
  shortName,
  nameEn: `${shortName} ${KIND_VI[kind][1]} People's Committee`,
  kind,
  parentCode: 'HN',
  block: 'districts',
});

export const CITY: DemoUnit = {
  code: 'HN',
  name: 'UBND thành phố Hà Nội',
  shortName: 'Hà Nội',
  nameEn: "Hà Nội People's Committee",
  kind: 'city',
  parentCode: null,
  block: null,
};

/** The 30 quận, huyện, thị xã of 2023, in the order of the city's lists (12 quận, 1 thị xã, 17 huyện). */
export const DISTRICTS: readonly DemoUnit[] = [
  district('BD', 'Ba Đình', 'district'),
  district('HK', 'Hoàn Kiếm', 'district'),
  district('TH', 'Tây Hồ', 'district'),
  district('LB', 'Long Biên', 'district'),
  district('CG', 'Cầu Giấy', 'district'),
  district('DD', 'Đống Đa', 'district'),
  district('HBT', 'Hai Bà Trưng', 'district'),
  district('HM', 'Hoàng Mai', 'district'),
  district('TX', 'Thanh Xuân', 'district'),
  district('NTL', 'Nam Từ Liêm', 'district'),
  district('BTL', 'Bắc Từ Liêm', 'district'),
  district('HDO', 'Hà Đông', 'district'),
  district('ST', 'Sơn Tây', 'town'),
  district('BV', 'Ba Vì', 'rural_district'),
  district('CM', 'Chương Mỹ', 'rural_district'),
  district('DP', 'Đan Phượng', 'rural_district'),
  district('DA', 'Đông Anh', 'rural_district'),
  district('GL', 'Gia Lâm', 'rural_district'),
  district('HDU', 'Hoài Đức', 'rural_district'),
  district('ML', 'Mê Linh', 'rural_district'),
  district('MD', 'Mỹ Đức', 'rural_district'),
  district('PX', 'Phú Xuyên', 'rural_district'),
  district('PT', 'Phúc Thọ', 'rural_district'),
  district('QO', 'Quốc Oai', 'rural_district'),
  district('SS', 'Sóc Sơn', 'rural_district'),
  district('TTH', 'Thạch Thất', 'rural_district'),
  district('TO', 'Thanh Oai', 'rural_district'),
  district('TTR', 'Thanh Trì', 'rural_district'),
  district('TTI', 'Thường Tín', 'rural_district'),
  district('UH', 'Ứng Hòa', 'rural_district'),
];

export const BTL = 'HN-BTL';

const department = (code: string, name: string, shortName: string, nameEn: string): DemoUnit => ({
  code: `${BTL}-PB-${code}`,
  name,
  shortName,
  nameEn,
  kind: 'department',
  parentCode: BTL,
  block: 'departments',
});

/** Bắc Từ Liêm's 12 phòng chuyên môn and the Đội Quản lý trật tự xây dựng đô thị: one block. */
export const BTL_DEPARTMENTS: readonly DemoUnit[] = [
  department(
    'VP',
    'Văn phòng HĐND và UBND quận',
    'Văn phòng HĐND-UBND',
    "Office of the People's Council and Committee",
  ),
  department('NV', 'Phòng Nội vụ', 'Nội vụ', 'Home Affairs Division'),
  department('TP', 'Phòng Tư pháp', 'Tư pháp', 'Justice Division'),
  department('TCKH', 'Phòng Tài chính - Kế hoạch', 'Tài chính - Kế hoạch', 'Finance and Planning Division'),
  department('QLDT', 'Phòng Quản lý đô thị', 'Quản lý đô thị', 'Urban Management Division'),
  department(
    'TNMT',
    'Phòng Tài nguyên và Môi trường',
    'Tài nguyên và Môi trường',
    'Natural Resources and Environment Division',
  ),
  department('KT', 'Phòng Kinh tế', 'Kinh tế', 'Economic Division'),
  department('VHTT', 'Phòng Văn hóa và Thông tin', 'Văn hóa và Thông tin', 'Culture and Information Division'),
  department('GDDT', 'Phòng Giáo dục và Đào tạo', 'Giáo dục và Đào tạo', 'Education and Training Division'),
  department('YT', 'Phòng Y tế', 'Y tế', 'Health Division'),
  department(
    'LDTBXH',
    'Phòng Lao động - Thương binh và Xã hội',
    'Lao động - TB&XH',
    'Labour, Invalids and Social Affairs Division',
  ),
  department('TT', 'Thanh tra quận', 'Thanh tra', 'District Inspectorate'),
  {
    code: `${BTL}-DOI-TTXD`,
    name: 'Đội Quản lý trật tự xây dựng đô thị quận',
    shortName: 'Đội QLTTXD đô thị',
    nameEn: 'Urban Construction Order Team',
    kind: 'team',
    parentCode: BTL,
    block: 'departments',
  },
];

const ward = (code: string, shortName: string): DemoUnit => ({
  code: `${BTL}-P-${code}`,
  name: `UBND phường ${shortName}`,
  shortName,
  nameEn: `${shortName} Ward People's Committee`,
  kind: 'ward',
  parentCode: BTL,
  block: 'wards',
});

/** Bắc Từ Liêm's 13 phường (2023). */
export const BTL_WARDS: readonly DemoUnit[] = [
  ward('CN1', 'Cổ Nhuế 1'),
  ward('CN2', 'Cổ Nhuế 2'),
  ward('DN', 'Đông Ngạc'),
  ward('DT', 'Đức Thắng'),
  ward('LM', 'Liên Mạc'),
  ward('MK', 'Minh Khai'),
  ward('PHD', 'Phú Diễn'),
  ward('PCD', 'Phúc Diễn'),
  ward('TT', 'Tây Tựu'),
  ward('TC', 'Thượng Cát'),
  ward('TP', 'Thụy Phương'),
  ward('XD', 'Xuân Đỉnh'),
  ward('XT', 'Xuân Tảo'),
];

/** Every demo unit, parents before children. */
export const DEMO_UNITS: readonly DemoUnit[] = [CITY, ...DISTRICTS, ...BTL_DEPARTMENTS, ...BTL_WARDS];

/** Plural labels of the blocks, as used in "xếp thứ 10/30 quận, huyện, thị xã". */
export const DEMO_BLOCK_LABELS: Record<DemoBlock, { vi: string; en: string }> = {
  districts: { vi: 'quận, huyện, thị xã', en: 'districts, towns and rural districts' },
  departments: {
    vi: 'phòng chuyên môn, Đội Quản lý TTXD đô thị',
    en: 'specialised divisions and the construction-order team',
  },
  wards: { vi: 'phường', en: 'wards' },
};

export function demoUnit(code: string): DemoUnit {
  const u = DEMO_UNITS.find((x) => x.code === code);
  if (!u) throw new RangeError(`no demo unit ${code}`);
  return u;
}
