import { describe, expect, it } from 'vitest';
import { toMilli } from '../domain/decimal.ts';
import { validateFramework } from '../domain/framework.ts';
import { compileFramework } from '../domain/framework-plan.ts';
import { validateScore } from '../domain/scoring-rules.ts';
import { demoData, generateDemoData } from './demo-data.ts';
import { BTL_DEPARTMENTS, BTL_WARDS, DEMO_UNITS, DISTRICTS } from './demo-units.ts';
import { DEMO_METRIC_RATES_2023 } from './targets.ts';

describe('demo units', () => {
  it('has the 2023 layout: 30 district-level units, 12 departments + 1 team, 13 wards', () => {
    expect(DISTRICTS).toHaveLength(30);
    expect(DISTRICTS.filter((d) => d.kind === 'district')).toHaveLength(12);
    expect(DISTRICTS.filter((d) => d.kind === 'town')).toHaveLength(1);
    expect(DISTRICTS.filter((d) => d.kind === 'rural_district')).toHaveLength(17);
    expect(BTL_DEPARTMENTS.filter((d) => d.kind === 'department')).toHaveLength(12);
    expect(BTL_DEPARTMENTS.filter((d) => d.kind === 'team')).toHaveLength(1);
    expect(BTL_WARDS).toHaveLength(13);
  });
  it('has unique codes, parents listed before children, and codes that extend the parent code', () => {
    const seen = new Set<string>();
    for (const u of DEMO_UNITS) {
      expect(seen.has(u.code)).toBe(false);
      if (u.parentCode !== null) {
        expect(seen.has(u.parentCode)).toBe(true);
        expect(u.code.startsWith(`${u.parentCode}-`)).toBe(true);
      }
      expect(u.code).toMatch(/^[A-Z0-9-]+$/);
      seen.add(u.code);
    }
  });
});

describe('demo frameworks and scores', () => {
  it('has valid frameworks, one computed criterion per metric in the 2023 department and ward frameworks', () => {
    for (const f of demoData.frameworks) expect(validateFramework(f)).toEqual([]);
    for (const code of ['HN-BTL-PCM-2023', 'HN-BTL-PHUONG-2023']) {
      const computed = demoData.frameworks
        .find((f) => f.code === code)!
        .criteria.filter((c) => c.method === 'computed');
      expect(computed.map((c) => c.metricKey).sort()).toEqual(['dossiers.onTimeRate', 'feedback.answeredOnTimeRate']);
    }
  });
  it('scores every applicable leaf with a valid value (appraisal on tier levels, survey with 2 decimals)', () => {
    for (const f of demoData.frameworks) {
      const plan = compileFramework(f);
      for (const leaf of plan.leaves) {
        const rows = demoData.scores.filter((s) => s.frameworkCode === f.code && s.criterionCode === leaf.code);
        for (const s of rows) {
          for (const v of [s.selfScore, s.appraisedScore]) {
            if (v != null) expect(validateScore(leaf.rule, leaf.maxPoints, v)).toBeNull();
          }
          if (s.appraisedScore != null) expect(s.selfScore!).toBeGreaterThan(s.appraisedScore);
        }
        const survey = demoData.surveyScores.filter((s) => s.frameworkCode === f.code && s.criterionCode === leaf.code);
        for (const s of survey) {
          expect(validateScore(leaf.rule, leaf.maxPoints, s.points)).toBeNull();
          expect(toMilli(s.points) % 10).toBe(0);
        }
      }
    }
  });
  it('gives the computed criteria exactly the published rate table', () => {
    const rows = demoData.computedInputs.filter((c) => c.frameworkCode.endsWith('2023'));
    const table: Record<string, Record<string, number>> = {};
    for (const r of rows) {
      table[r.metricKey] = { ...table[r.metricKey], [r.unitCode]: r.value as number };
    }
    expect(table).toEqual(DEMO_METRIC_RATES_2023);
    for (const rates of Object.values(DEMO_METRIC_RATES_2023)) {
      for (const rate of Object.values(rates)) expect(Number.isInteger(Math.round(rate * 200 * 1e6) / 1e6)).toBe(true);
    }
    // the inspectorate and the team settle no procedures: no dossier rate, criteria not applicable
    expect(DEMO_METRIC_RATES_2023['dossiers.onTimeRate']['HN-BTL-PB-TT']).toBeUndefined();
    expect(Object.keys(DEMO_METRIC_RATES_2023['feedback.answeredOnTimeRate'])).toHaveLength(26);
  });
  it('is deterministic', () => {
    expect(generateDemoData()).toEqual(demoData);
  });
});
