import type { ResultsView, UnitResultView } from '../../../../src/modules/reform-index/reform-index.schemas.ts';

export type Results = ResultsView;
export type UnitResult = UnitResultView;
export type Profile = {
  unitCode: string;
  unitName: string;
  unitShortName: string;
  unitNameEn: string | null;
  years: (UnitResult & { year: number })[];
  narrative: string;
};

export interface Score {
  id: string;
  criterionCode: string;
  selfScore: number | null;
  selfNote: string | null;
  appraisedScore: number | null;
  appraisalReason: string | null;
  surveyPoints: number | null;
  notApplicable: boolean;
  computedValue: number | null;
  metricSnapshot: { status?: string } | null;
  version: number;
}
export interface SheetCriterion {
  code: string;
  parentCode: string | null;
  name: string;
  maxPoints: number;
  method: 'appraisal' | 'survey' | 'computed';
  rule: { kind: string; levels?: { label: string; points: number }[] };
  evidenceRequired: boolean;
  allowNotApplicable: boolean;
  metricKey?: string;
  leaf: boolean;
  score: Score | null;
  evidence: { id: string; kind: string; fileName: string | null; linkRef: string | null; size: number | null }[];
}
export interface Sheet {
  assessment: {
    id: string;
    status: string;
    round: number;
    returnCount: number;
    returnReason: string | null;
    version: number;
  };
  unit: { code: string; name: string };
  cycle: { id: string; name: string; status: string; deadline: string };
  framework: { id: string; code: string; name: string; year: number };
  can: { selfScore: boolean; appraise: boolean };
  progress: { scored: number; total: number };
  totals: { max: number; self: number; appraised: number };
  lackingEvidence: string[];
  criteria: SheetCriterion[];
}
export interface WorkItem {
  cycle: { id: string; name: string; status: string; deadline: string; publishedOn: string | null };
  framework: { id: string; code: string; name: string; year: number; status: string };
  group: { id: string; code: string; name: string };
  role: { manage: boolean; appraise: boolean };
  assessments: { id: string; unitCode: string; unitName: string; status: string; round: number; returnCount: number }[];
}
export interface FrameworkRow {
  id: string;
  code: string;
  name: string;
  year: number;
  status: string;
  groupCode: string;
  groupName: string;
  version: number;
}
export interface FrameworkDetail extends FrameworkRow {
  criteria: Omit<SheetCriterion, 'leaf' | 'score' | 'evidence'>[];
}

/** '94,27' / '94.27' with 2 decimals. */
export const pctText = (v: number | null | undefined, fmt: (n: number, d?: number) => string) =>
  v === null || v === undefined ? '—' : `${fmt(v, 2)}%`;
export const signed = (v: number | null | undefined, fmt: (n: number, d?: number) => string) =>
  v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${fmt(Math.abs(v), 2)}`;
