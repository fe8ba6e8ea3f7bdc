/**
 * The demo data set: units, frameworks, and criterion-level scores for 2022 and 2023, generated
 * deterministically (see README.md). Plain typed data; the results engine computes everything
 * else from it.
 */
import type { Framework } from '../domain/framework.ts';
import { compileFramework } from '../domain/framework-plan.ts';
import type { ComputedInput, LeafScore, SurveyScore } from '../domain/results.types.ts';
import { DEMO_UNITS, type DemoBlock, type DemoUnit } from './demo-units.ts';
import { departmentFramework } from './frameworks/department-framework.ts';
import { districtFramework } from './frameworks/district-framework.ts';
import { wardFramework } from './frameworks/ward-framework.ts';
import { seedOf } from './prng.ts';
import { solveUnit, type UnitTarget } from './solver.ts';
import { departmentTargets, districtTargets, wardTargets } from './targets.ts';

/** A framework with the block of units it assesses. */
export interface DemoFramework extends Framework {
  block: DemoBlock;
}

export type WithFramework<T> = T & { frameworkCode: string };

export interface DemoData {
  units: readonly DemoUnit[];
  frameworks: readonly DemoFramework[];
  scores: readonly WithFramework<LeafScore>[];
  surveyScores: readonly WithFramework<SurveyScore>[];
  computedInputs: readonly WithFramework<ComputedInput>[];
}

const YEARS = [2022, 2023] as const;

interface Plan {
  framework: DemoFramework;
  targets: UnitTarget[];
  /** survey points as a share of their maximum, around the unit's index */
  surveyBand: readonly [number, number];
}

function plans(): Plan[] {
  return YEARS.flatMap((year) => [
    {
      framework: { ...districtFramework(year), block: 'districts' as const },
      targets: districtTargets(year),
      surveyBand: [-0.06, -0.01] as const,
    },
    {
      framework: { ...departmentFramework(year), block: 'departments' as const },
      targets: departmentTargets(year),
      surveyBand: [-0.04, 0.02] as const,
    },
    {
      framework: { ...wardFramework(year), block: 'wards' as const },
      targets: wardTargets(year),
      surveyBand: [-0.02, 0.04] as const,
    },
  ]);
}

export function generateDemoData(): DemoData {
  const scores: WithFramework<LeafScore>[] = [];
  const surveyScores: WithFramework<SurveyScore>[] = [];
  const computedInputs: WithFramework<ComputedInput>[] = [];
  const frameworks: DemoFramework[] = [];
  for (const { framework, targets, surveyBand } of plans()) {
    frameworks.push(framework);
    const plan = compileFramework(framework);
    const frameworkCode = framework.code;
    for (const target of targets) {
      const centre = target.indexPct / 100;
      const out = solveUnit(plan, target, {
        seed: seedOf(`${frameworkCode}/${target.unitCode}`),
        surveyRate: [Math.min(0.99, centre + surveyBand[0]), Math.min(0.995, centre + surveyBand[1])],
      });
      for (const s of out.scores) scores.push({ frameworkCode, ...s });
      for (const s of out.surveyScores) surveyScores.push({ frameworkCode, ...s });
      for (const s of out.computedInputs) computedInputs.push({ frameworkCode, ...s });
    }
  }
  return { units: DEMO_UNITS, frameworks, scores, surveyScores, computedInputs };
}

/** Generated once per process (about 60 units × 2 years; a few milliseconds). */
export const demoData: DemoData = generateDemoData();

export function demoFramework(code: string): DemoFramework {
  const f = demoData.frameworks.find((x) => x.code === code);
  if (!f) throw new RangeError(`no demo framework ${code}`);
  return f;
}

export const DEMO_FRAMEWORK_CODES = {
  districts: { 2022: 'HN-QHTX-2022', 2023: 'HN-QHTX-2023' },
  departments: { 2022: 'HN-BTL-PCM-2022', 2023: 'HN-BTL-PCM-2023' },
  wards: { 2022: 'HN-BTL-PHUONG-2022', 2023: 'HN-BTL-PHUONG-2023' },
} as const;
