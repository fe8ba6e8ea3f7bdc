/**
 * Workflow of a feedback item (quy trình xử lý phản ánh, kiến nghị):
 * received → (rejected | info_requested → info_supplied) → assigned → answer_drafted →
 * answer_approved (by the head) → sent → published. Reopen sends an answered item back to assigned.
 */
export const STATUSES = [
  'received',
  'rejected',
  'info_requested',
  'info_supplied',
  'assigned',
  'answer_drafted',
  'answer_approved',
  'sent',
  'published',
] as const;
export type Status = (typeof STATUSES)[number];

export const STAFF_ACTIONS = [
  'reject',
  'request_info',
  'supply_info',
  'assign',
  'draft_answer',
  'approve',
  'return_draft',
  'send',
  'publish',
  'transfer',
  'recategorise',
  'link_duplicate',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Statuses from which each action may start. */
export const FROM: Record<StaffAction | 'rate' | 'reopen', readonly Status[]> = {
  reject: ['received', 'info_supplied'],
  request_info: ['received'],
  supply_info: ['info_requested'],
  assign: ['received', 'info_supplied', 'assigned'],
  draft_answer: ['assigned', 'answer_drafted'],
  approve: ['answer_drafted'],
  return_draft: ['answer_drafted', 'answer_approved'],
  send: ['answer_approved'],
  publish: ['sent'],
  transfer: ['received', 'info_supplied', 'assigned'],
  recategorise: ['received', 'info_requested', 'info_supplied', 'assigned', 'answer_drafted'],
  link_duplicate: ['received', 'info_supplied', 'assigned'],
  rate: ['sent', 'published'],
  reopen: ['sent', 'published'],
};

export const TO: Partial<Record<StaffAction | 'reopen', Status>> = {
  reject: 'rejected',
  request_info: 'info_requested',
  supply_info: 'info_supplied',
  assign: 'assigned',
  draft_answer: 'answer_drafted',
  approve: 'answer_approved',
  return_draft: 'assigned',
  send: 'sent',
  publish: 'published',
  transfer: 'received',
  reopen: 'assigned',
};

/** Statuses in which an item is finished (no one owes the citizen anything). */
export const CLOSED: readonly Status[] = ['rejected', 'sent', 'published'];
export const isOpen = (s: string) => !CLOSED.includes(s as Status);

export function canStart(action: keyof typeof FROM, status: string): boolean {
  return (FROM[action] as readonly string[]).includes(status);
}

/** Open311 status of a cchc status, with the note shown as status_notes. */
export function open311Status(s: string): 'open' | 'closed' {
  return isOpen(s) ? 'open' : 'closed';
}
