import type { PublicView, StaffView, TrackingView } from '../../../../src/modules/feedback/feedback-views.ts';
import { api, request } from '../../lib/api.ts';

export type { PublicView, StaffView, TrackingView };

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  hot: boolean;
  answerDays: number;
  rejectDays: number;
  infoDays: number;
  publishDays: number;
  reopenDays: number;
  active: boolean;
  version: number;
}
export interface Rule {
  id: string;
  categoryCode: string | null;
  areaUnitId: string | null;
  areaName: string | null;
  responsibleUnitId: string;
  responsibleUnitName: string | null;
  headAnswers: boolean | null;
  note: string | null;
  version: number;
}
export interface Similar {
  id: string;
  code: string;
  title: string;
  status: string;
  score: number;
}
export interface Area {
  id: string;
  code: string;
  name: string;
  shortName: string;
}
export interface IntakeReply {
  id: string;
  code: string;
  status: string;
  trackingKey: string;
  answerDue: string;
  similar: Similar[];
}
export interface Detail extends StaffView {
  /** counted through a year without an official schedule yet */
  answerDueProvisional: boolean;
  /** the answer's due date has since become a day off */
  answerDueOnDayOff: boolean;
  duplicateOfCode: string | null;
  duplicates: { id: string; code: string; status: string }[];
  similar: { id: string; code: string; title: string; status: string; score: number }[];
  attachments: { id: string; filename: string; mime: string; size: number }[];
  events: {
    at: string;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string | null;
    note: string | null;
  }[];
}
export interface StatsRow {
  key: string;
  label: string;
  received: number;
  answered: number;
  onTime: number;
  overdue: number;
  avgDays: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  satisfied: number;
  rated: number;
}

export const STATUSES = [
  'received',
  'info_requested',
  'info_supplied',
  'assigned',
  'answer_drafted',
  'answer_approved',
  'sent',
  'published',
  'rejected',
] as const;

/** Which actions a status allows (mirrors the server's workflow; the server decides). */
export const ACTIONS_FROM: Record<string, string[]> = {
  received: ['assign', 'request_info', 'reject', 'transfer', 'recategorise', 'link_duplicate'],
  info_requested: ['supply_info', 'recategorise'],
  info_supplied: ['assign', 'reject', 'transfer', 'recategorise', 'link_duplicate'],
  assigned: ['draft_answer', 'assign', 'transfer', 'recategorise', 'link_duplicate'],
  answer_drafted: ['approve', 'draft_answer', 'return_draft', 'recategorise'],
  answer_approved: ['send', 'return_draft'],
  sent: ['publish'],
};

export const feedbackApi = {
  categories: () => api.get<Category[]>('/feedback/categories'),
  areas: () => api.get<Area[]>('/feedback/areas'),
  submit: (form: FormData) => api.upload<IntakeReply>('/feedback/items', form),
  publicSearch: (q: Record<string, string | number | undefined>) =>
    api.get<{ total: number; items: PublicView[] }>('/feedback/public', q),
  inbox: (q: Record<string, string | number | undefined>) =>
    api.get<{ total: number; items: StaffView[] }>('/feedback/items', q),
  detail: (id: string) => api.get<Detail>(`/feedback/items/${id}`),
  act: (id: string, body: Record<string, unknown>) => api.post<Detail>(`/feedback/items/${id}/actions`, body),
  intake: (form: FormData) => api.upload<IntakeReply>('/feedback/intake', form),
  similar: (q: { areaUnitId: string; categoryCode: string; text: string }) =>
    api.get<Similar[]>('/feedback/similar', q),
  // the key goes in a header, never in the URL (URLs end up in logs and browser history)
  track: (code: string, key: string) =>
    request<TrackingView>(`/feedback/track/${encodeURIComponent(code)}`, { headers: { 'X-Tracking-Key': key } }),
  supplyInfo: (code: string, trackingKey: string, text: string) =>
    api.post<TrackingView>(`/feedback/track/${encodeURIComponent(code)}/info`, { trackingKey, text }),
  rate: (code: string, trackingKey: string, rating: 'satisfied' | 'unsatisfied') =>
    api.post<TrackingView>(`/feedback/track/${encodeURIComponent(code)}/rating`, { trackingKey, rating }),
  reopen: (code: string, trackingKey: string, text: string) =>
    api.post<TrackingView>(`/feedback/track/${encodeURIComponent(code)}/reopen`, { trackingKey, text }),
  createCategory: (b: Record<string, unknown>) => api.post<Category>('/feedback/categories', b),
  updateCategory: (code: string, b: Record<string, unknown>) => api.patch<Category>(`/feedback/categories/${code}`, b),
  rules: () => api.get<Rule[]>('/feedback/routing-rules'),
  createRule: (b: Record<string, unknown>) => api.post<Rule>('/feedback/routing-rules', b),
  updateRule: (id: string, b: Record<string, unknown>) => api.patch<Rule>(`/feedback/routing-rules/${id}`, b),
  deleteRule: (id: string) => api.delete(`/feedback/routing-rules/${id}`),
  stats: (q: { from: string; to: string; groupBy: string }) =>
    api.get<{ rows: StatsRow[]; total: StatsRow }>('/feedback/stats', q),
};
