/** Public surface of the reform-index (Chỉ số CCHC) pure domain. */
export * from './decimal.ts';
export * from './format.ts';
export * from './framework.ts';
export * from './framework-plan.ts';
export * from './narrative.ts';
export * from './ranking.ts';
export * from './results.ts';
export * from './results.types.ts';
export * from './score-matrix.ts';
export * from './scoring-rules.ts';
