/** Runs the results engine on the demo data: 2022 first, then 2023 against it. */
import { computeResults } from '../domain/results.ts';
import type { Band, ResultsInput, ResultsOutput } from '../domain/results.types.ts';
import { DEMO_FRAMEWORK_CODES, demoData, demoFramework } from './demo-data.ts';
import type { DemoBlock } from './demo-units.ts';

/** Xếp loại as in the national PAR Index 2023: nhóm A ≥ 90 %, nhóm B 80 – < 90 %. */
export const DEMO_BANDS: readonly Band[] = [
  { code: 'A', min: 90, label: 'Nhóm A' },
  { code: 'B', min: 80, label: 'Nhóm B' },
  { code: 'C', min: 0, label: 'Nhóm C' },
];

/** "nhóm 10 quận, huyện có điểm Chỉ số CCHC cao nhất" */
export const DEMO_TOP_N: Record<DemoBlock, number | undefined> = {
  districts: 10,
  departments: undefined,
  wards: undefined,
};

/** The engine input for one demo framework. */
export function demoResultsInput(frameworkCode: string, previous?: ResultsOutput): ResultsInput {
  const framework = demoFramework(frameworkCode);
  const units = demoData.units
    .filter((u) => u.block === framework.block)
    .map((u) => ({ code: u.code, peerGroup: framework.block, block: framework.block }));
  const mine = <T extends { frameworkCode: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.frameworkCode === frameworkCode);
  return {
    framework,
    units,
    scores: mine(demoData.scores),
    surveyScores: mine(demoData.surveyScores),
    computedInputs: mine(demoData.computedInputs),
    bands: DEMO_BANDS,
    topN: DEMO_TOP_N[framework.block],
    previous,
  };
}

/** Results of every demo framework by code; 2023 results carry the changes against 2022. */
export function computeDemoResults(): Record<string, ResultsOutput> {
  const out: Record<string, ResultsOutput> = {};
  for (const codes of Object.values(DEMO_FRAMEWORK_CODES)) {
    const last = computeResults(demoResultsInput(codes[2022]));
    out[codes[2022]] = last;
    out[codes[2023]] = computeResults(demoResultsInput(codes[2023], last));
  }
  return out;
}
