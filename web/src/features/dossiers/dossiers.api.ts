import type { DossierView, PublicLookupView } from '../../../../src/modules/dossiers/dossiers.schemas.ts';
import type { ProcedureView } from '../../../../src/modules/procedures/procedures.schemas.ts';

export type Procedure = ProcedureView;
export type Dossier = DossierView;

export type PublicLookup = PublicLookupView;

export interface StatsRow {
  key: string | null;
  name: string;
  received: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  avgDays: number | null;
  onTimeRate: number | null;
  onlineShare: number | null;
  digitisedShare: number | null;
  satisfactionRate: number | null;
}

export const vnDate = (d: string | null | undefined) =>
  d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '—';
export const vnDateTime = (iso: string | null | undefined) => {
  if (!iso) return '—';
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(11, 16)} ${vnDate(t.slice(0, 10))}`;
};
export const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(2).replace(/\.?0+$/, '')} %`;

export const STATUS_COLOURS: Record<string, string> = {
  submitted: 'blue',
  received: 'cyan',
  processing: 'geekblue',
  supplement_requested: 'orange',
  resolved: 'green',
  returned: 'green',
  rejected: 'red',
  stopped: 'red',
  withdrawn: 'default',
};
