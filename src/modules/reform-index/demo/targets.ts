/**
 * The index each demo unit must reach, and the constraints that make the article's area figures
 * come out. Where a figure is published (seed article, domain reference A4) it is used as is;
 * every other unit's figure is invented, chosen so that the published ranks and averages hold:
 *   2023 districts: Đống Đa 96,30 (1st), Nam Từ Liêm = Hoàn Kiếm 95,70 (2nd), Cầu Giấy 95,22 (4th),
 *     Bắc Từ Liêm 94,27 (10th), Long Biên 12th, Phú Xuyên 91,61 (30th); mean 94,01 (reported
 *     "94 %, +1,26"); 2022: Hoàn Kiếm 96,08 (1st), Bắc Từ Liêm 93,63, mean 92,75.
 *   Bắc Từ Liêm's departments + team: mean 91,98 (2023), 87,75 (2022); wards 87,91 and 86,32.
 * These are targets for the score generator only: the results are computed by the engine.
 */
import {
  DEPARTMENT_NO_PROCEDURE_CRITERIA,
  DOSSIER_ON_TIME,
  FEEDBACK_ON_TIME,
} from './frameworks/department-framework.ts';
import type { UnitTarget } from './solver.ts';

const hn = (code: string) => `HN-${code}`;

/** Index % of the 30 district-level units (Bắc Từ Liêm's 2023 and 2022 figures are the article's). */
export const DISTRICT_INDEX: Record<2022 | 2023, Record<string, number>> = {
  2023: {
    DD: 96.3,
    NTL: 95.7,
    HK: 95.7,
    CG: 95.22,
    TX: 94.96,
    BD: 94.78,
    TH: 94.61,
    HBT: 94.49,
    HDO: 94.36,
    BTL: 94.27,
    HM: 94.18,
    LB: 94.05,
    GL: 93.98,
    DA: 93.94,
    ST: 93.9,
    TTR: 93.84,
    HDU: 93.79,
    DP: 93.76,
    SS: 93.7,
    TTH: 93.63,
    CM: 93.57,
    QO: 93.52,
    TTI: 93.48,
    PT: 93.4,
    TO: 93.33,
    ML: 93.26,
    BV: 93.23,
    MD: 92.92,
    UH: 92.82,
    PX: 91.61,
  },
  2022: {
    HK: 96.08,
    DD: 95.81,
    CG: 95.59,
    NTL: 95.42,
    BD: 94.97,
    TX: 94.65,
    TH: 94.33,
    HBT: 94.05,
    HDO: 93.88,
    BTL: 93.63,
    HM: 93.52,
    GL: 93.38,
    LB: 93.17,
    DA: 93.01,
    TTR: 92.85,
    ST: 92.68,
    HDU: 92.51,
    DP: 92.34,
    SS: 92.12,
    TTH: 91.92,
    CM: 91.71,
    QO: 91.5,
    TTI: 91.24,
    PT: 91.04,
    TO: 90.82,
    ML: 90.6,
    BV: 90.34,
    MD: 90.08,
    UH: 89.81,
    PX: 89.45,
  },
};

/** Units that rank above Bắc Từ Liêm in an area in 2023 (it is 2nd, 2nd and 7th). */
const AREA_LEADERS_2023 = {
  '1': ['HK'],
  '5': ['DD'],
  '2': ['DD', 'HK', 'NTL', 'CG', 'TX', 'BD'],
} as const;
/** Bắc Từ Liêm's published area points: 12,72/13 (97,85 %), 12,53/13 (96,38 %), 7,3/8. */
const BTL_AREA_POINTS = { '1': 12.72, '5': 12.53, '2': 7.3 } as const;
const CENT = 0.01;

export function districtTargets(year: 2022 | 2023): UnitTarget[] {
  return Object.entries(DISTRICT_INDEX[year]).map(([code, indexPct]) => {
    const target: UnitTarget = { unitCode: hn(code), indexPct };
    if (year !== 2023) return target;
    if (code === 'BTL') {
      return {
        ...target,
        fullAreas: ['1', '5'],
        // thể chế 7,3: one criterion a level short (rà soát văn bản 1 of 1,5), survey 1,80 of 2
        pinned: { '1.6': 2.72, '5.6': 2.53, '2.1': 2, '2.2': 1, '2.3.1': 1, '2.3.2': 1.5, '2.4': 1.8 },
      };
    }
    const fullAreas: string[] = [];
    const areaBounds: Record<string, { min?: number; max?: number }> = {};
    for (const [area, leaders] of Object.entries(AREA_LEADERS_2023)) {
      const btl = BTL_AREA_POINTS[area as keyof typeof BTL_AREA_POINTS];
      if ((leaders as readonly string[]).includes(code)) {
        fullAreas.push(area);
        areaBounds[area] = { min: btl + CENT };
      } else areaBounds[area] = { max: btl - CENT };
    }
    return { ...target, fullAreas, areaBounds };
  });
}

const dep = (code: string) => `HN-BTL-PB-${code}`;
const TEAM = 'HN-BTL-DOI-TTXD';
const ward = (code: string) => `HN-BTL-P-${code}`;

/** Bắc Từ Liêm's departments and team: [2022 %, 2023 %, 2023 dossier on-time rate, 2023 feedback rate]. */
const DEPARTMENTS: [string, number, number, number | null, number][] = [
  [dep('VP'), 91.06, 94.62, 1, 1],
  [dep('NV'), 90.42, 94.15, 0.98, 0.95],
  [dep('TP'), 89.87, 93.88, 1, 0.975],
  [dep('TCKH'), 89.2, 93.01, 0.97, 0.95],
  [dep('QLDT'), 84.02, 89.04, 0.9, 0.85],
  [dep('TNMT'), 83.1, 88.51, 0.88, 0.8],
  [dep('KT'), 88.14, 92.9, 0.96, 0.95],
  [dep('VHTT'), 89.3, 93.42, 1, 0.975],
  [dep('GDDT'), 88.5, 92.23, 0.98, 0.95],
  [dep('YT'), 88.31, 92.17, 0.99, 0.95],
  [dep('LDTBXH'), 87.44, 91.81, 0.95, 0.9],
  // the inspectorate and the team settle no administrative procedures of their own
  [dep('TT'), 86.9, 91.2, null, 0.925],
  [TEAM, 84.49, 88.8, null, 0.8],
];

/** Bắc Từ Liêm's wards: [2022 %, 2023 %, 2023 dossier on-time rate, 2023 feedback rate]. */
const WARDS: [string, number, number, number, number][] = [
  [ward('CN1'), 86.5, 87.9, 0.975, 0.95],
  [ward('CN2'), 88.42, 91.05, 1, 1],
  [ward('DN'), 85.9, 87.12, 0.96, 0.9],
  [ward('DT'), 85.41, 86.55, 0.95, 0.925],
  [ward('LM'), 84.12, 85.65, 0.94, 0.875],
  [ward('MK'), 85.6, 86.88, 0.965, 0.9],
  [ward('PHD'), 87.01, 88.3, 0.98, 0.95],
  [ward('PCD'), 87.58, 89.02, 0.985, 0.975],
  [ward('TT'), 83.66, 84.79, 0.92, 0.85],
  [ward('TC'), 88.7, 91.87, 1, 1],
  [ward('TP'), 86.22, 87.65, 0.97, 0.925],
  [ward('XD'), 88.05, 89.6, 0.99, 0.95],
  [ward('XT'), 84.99, 86.45, 0.95, 0.9],
];

/** 2022 rates were scored by hand; the demo assumes each was 2–4 points lower than in 2023. */
const rate2022 = (r: number, i: number) => Math.round((r - 0.02 - (i % 3) * 0.01) * 1000) / 1000;

function blockTargets(
  rows: [string, number, number, number | null, number][],
  year: 2022 | 2023,
  naWithoutDossiers: readonly string[],
): UnitTarget[] {
  return rows.map(([unitCode, pct2022, pct2023, dossier, feedback], i) => {
    const rates: Record<string, number> = {};
    if (dossier !== null) rates[DOSSIER_ON_TIME] = year === 2023 ? dossier : rate2022(dossier, i);
    rates[FEEDBACK_ON_TIME] = year === 2023 ? feedback : rate2022(feedback, i);
    return {
      unitCode,
      indexPct: year === 2023 ? pct2023 : pct2022,
      rates,
      notApplicable: dossier === null ? naWithoutDossiers : undefined,
    };
  });
}

export const departmentTargets = (year: 2022 | 2023) =>
  blockTargets(DEPARTMENTS, year, DEPARTMENT_NO_PROCEDURE_CRITERIA);
export const wardTargets = (year: 2022 | 2023) => blockTargets(WARDS, year, []);

/**
 * The 2023 rates the dossier and feedback demo records must produce for each unit (the computed
 * criteria of the 2023 department and ward frameworks use them). Every rate is a multiple of
 * 1/200, so e.g. 0.975 = 39 on time of 40 dossiers.
 */
export const DEMO_METRIC_RATES_2023: Record<
  typeof DOSSIER_ON_TIME | typeof FEEDBACK_ON_TIME,
  Record<string, number>
> = {
  [DOSSIER_ON_TIME]: Object.fromEntries(
    [...DEPARTMENTS, ...WARDS].filter((r) => r[3] !== null).map((r) => [r[0], r[3] as number]),
  ),
  [FEEDBACK_ON_TIME]: Object.fromEntries([...DEPARTMENTS, ...WARDS].map((r) => [r[0], r[4]])),
};
