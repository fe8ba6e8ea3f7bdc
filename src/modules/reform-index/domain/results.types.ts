/** Input and output shapes of the results engine (Kết quả Chỉ số CCHC). */
import type { Framework } from './framework.ts';

/** A unit assessed against the framework. */
export interface ResultUnit {
  code: string;
  /** ranking scope (nhóm xếp hạng), e.g. 'districts'; default: one group '' for all units */
  peerGroup?: string;
  /** averaging scope (khối), e.g. 'departments'; default: the peer group */
  block?: string;
}

/** Điểm một tiêu chí thành phần của một đơn vị: self-score, appraised score, or not applicable. */
export interface LeafScore {
  unitCode: string;
  criterionCode: string;
  /** điểm tự chấm */
  selfScore?: number | null;
  /** điểm thẩm định; when present it is final */
  appraisedScore?: number | null;
  /** không áp dụng: leaves the denominator (only where the criterion allows it) */
  notApplicable?: boolean;
}

/** Điểm điều tra XHH of a survey criterion for a unit. */
export interface SurveyScore {
  unitCode: string;
  criterionCode: string;
  points: number;
}

/** A measured input of a computed criterion, e.g. { metricKey: 'dossiers.onTimeRate', value: 0.96 }. */
export interface ComputedInput {
  unitCode: string;
  metricKey: string;
  value: number | boolean;
}

/** Xếp loại: a unit is in the first band (by descending min) whose min ≤ its index %. */
export interface Band {
  code: string;
  min: number;
  label?: string;
}

/** What the engine needs of last year: any earlier ResultsOutput fits. */
export interface PreviousResults {
  units: readonly {
    unitCode: string;
    indexPct: number | null;
    rank: number | null;
    areas?: readonly { code: string; pct: number | null; rank: number | null }[];
  }[];
  groups?: readonly { code: string; averagePct: number | null }[];
  blocks?: readonly { code: string; averagePct: number | null }[];
}

export interface ResultsOptions {
  bands?: readonly Band[];
  /** top-N membership (nhóm N đơn vị dẫn đầu); ties at rank N are in */
  topN?: number;
  previous?: PreviousResults;
}

export interface ResultsInput extends ResultsOptions {
  framework: Framework;
  units: readonly ResultUnit[];
  scores: readonly LeafScore[];
  surveyScores?: readonly SurveyScore[];
  computedInputs?: readonly ComputedInput[];
}

export interface AreaResult {
  code: string;
  points: number;
  applicableMax: number;
  /** null when every leaf of the area is not applicable */
  pct: number | null;
  rank: number | null;
  /** how many units of the peer group have this area ranked */
  rankOf: number;
  previousPct: number | null;
  /** percentage points, this year's rounded % − last year's */
  pctChange: number | null;
  previousRank: number | null;
  /** previousRank − rank: positive = moved up */
  rankChange: number | null;
}

export interface UnitResult {
  unitCode: string;
  peerGroup: string;
  block: string;
  points: number;
  maxPoints: number;
  applicableMax: number;
  /** round2(100 × points ÷ applicable max), half up; null when nothing applies */
  indexPct: number | null;
  rank: number | null;
  /** how many units of the peer group were ranked ("xếp thứ 10/30": the 30) */
  rankOf: number;
  previousIndexPct: number | null;
  /** percentage points, this year's rounded % − last year's rounded % */
  indexChange: number | null;
  previousRank: number | null;
  /** previousRank − rank: positive = moved up */
  rankChange: number | null;
  band: string | null;
  inTopN: boolean | null;
  previousInTopN: boolean | null;
  areas: AreaResult[];
  /** applicable leaves without any score (counted as 0 points) */
  missingLeaves: number;
  notApplicableLeaves: number;
}

/** Summary of a peer group or a block: averages are means of the units' rounded %, rounded half up. */
export interface GroupSummary {
  code: string;
  count: number;
  averagePct: number | null;
  highestPct: number | null;
  lowestPct: number | null;
  highestUnitCodes: string[];
  lowestUnitCodes: string[];
  aboveAverageCount: number;
  previousAveragePct: number | null;
  averageChange: number | null;
  bandCounts: Record<string, number>;
  /** per area (output order): mean of the units' area % */
  areaAveragePct: (number | null)[];
}

export type ScoreIssueCode =
  | 'SCORE_UNKNOWN_UNIT'
  | 'SCORE_UNKNOWN_CRITERION'
  | 'SCORE_DUPLICATE'
  | 'SCORE_MISSING'
  | 'SCORE_NA_NOT_ALLOWED'
  | 'SCORE_INVALID';

/** A data problem met while scoring; the engine still produces results (see each code's handling). */
export interface ScoreIssue {
  code: ScoreIssueCode;
  unitCode: string;
  criterionCode?: string;
  params: Record<string, unknown>;
}

export interface ResultsOutput {
  frameworkCode: string;
  year: number;
  areas: { code: string; name: string; nameEn?: string; maxPoints: number }[];
  units: UnitResult[];
  groups: GroupSummary[];
  blocks: GroupSummary[];
  issues: ScoreIssue[];
}
