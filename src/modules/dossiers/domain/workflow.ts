/**
 * The dossier state machine (pure). States map onto the national DVC sync codes 1–10
 * (TrangThaiHoSo); code 6 (financial obligation) is not modelled yet.
 */
export const STATUSES = [
  'submitted',
  'received',
  'rejected',
  'processing',
  'supplement_requested',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;
/** Trạng thái hồ sơ */
export type DossierStatus = (typeof STATUSES)[number];

export const NATIONAL_CODE: Record<DossierStatus, number> = {
  submitted: 1, // Mới đăng ký
  received: 2, // Được tiếp nhận
  rejected: 3, // Không được tiếp nhận
  processing: 4, // Đang xử lý
  supplement_requested: 5, // Yêu cầu bổ sung giấy tờ
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
  stopped: 8, // Dừng xử lý
  resolved: 9, // Đã xử lý xong
  returned: 10, // Đã trả kết quả
};

export const STATUS_VI: Record<DossierStatus, string> = {
  submitted: 'Mới đăng ký',
  received: 'Được tiếp nhận',
  rejected: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  supplement_requested: 'Yêu cầu bổ sung giấy tờ',
  withdrawn: 'Công dân rút hồ sơ',
  stopped: 'Dừng xử lý',
  resolved: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
};

export const ACTIONS = [
  'accept',
  'refuse_intake',
  'request_supplement',
  'supplement',
  'transfer',
  'return_step',
  'approve',
  'refuse',
  'stop',
  'withdraw',
  'return_result',
  'apologise',
] as const;
export type DossierAction = (typeof ACTIONS)[number];

export const FINAL: readonly DossierStatus[] = ['rejected', 'withdrawn', 'stopped', 'returned'];
/** End of processing for indicator 2.1 (NgayKetThucXuLy). */
export const FINISHED: readonly DossierStatus[] = ['rejected', 'withdrawn', 'stopped', 'resolved', 'returned'];

export interface MachineState {
  status: DossierStatus;
  stepIndex: number;
  /** number of steps of the procedure's workflow */
  steps: number;
  /** index of the decision (signature) step */
  decisionIndex: number;
  supplementCount: number;
  apologyCount: number;
}

/** Actions possible in a state, whoever asks (authorisation is separate). */
export function allowedActions(s: MachineState): DossierAction[] {
  const a: DossierAction[] = [];
  switch (s.status) {
    case 'submitted':
      a.push('accept', 'refuse_intake');
      if (s.supplementCount === 0) a.push('request_supplement');
      a.push('withdraw');
      break;
    case 'received':
      a.push('transfer', 'stop', 'withdraw');
      if (s.supplementCount === 0) a.push('request_supplement');
      if (s.apologyCount === 0) a.push('apologise');
      break;
    case 'processing':
      if (s.stepIndex < s.decisionIndex) a.push('transfer');
      if (s.stepIndex > 1) a.push('return_step');
      if (s.stepIndex === s.decisionIndex) a.push('approve', 'refuse');
      a.push('stop', 'withdraw');
      if (s.supplementCount === 0) a.push('request_supplement');
      if (s.apologyCount === 0) a.push('apologise');
      break;
    case 'supplement_requested':
      a.push('supplement', 'withdraw');
      if (s.apologyCount === 0) a.push('apologise');
      break;
    case 'resolved':
      a.push('return_result');
      break;
    default:
      break;
  }
  return a;
}

export interface Transition {
  status: DossierStatus;
  stepIndex: number;
  outcome?: 'approved' | 'refused';
}

/** The next state after an allowed action; throws on an action not allowed (callers check first). */
export function nextState(
  s: MachineState & { statusBeforeSupplement?: DossierStatus | null },
  action: DossierAction,
): Transition {
  if (!allowedActions(s).includes(action)) throw new RangeError(`${action} not allowed in ${s.status}`);
  switch (action) {
    case 'accept':
      return { status: 'received', stepIndex: 0 };
    case 'refuse_intake':
      return { status: 'rejected', stepIndex: s.stepIndex };
    case 'request_supplement':
      return { status: 'supplement_requested', stepIndex: s.stepIndex };
    case 'supplement':
      return { status: s.statusBeforeSupplement ?? 'processing', stepIndex: s.stepIndex };
    case 'transfer':
      return { status: 'processing', stepIndex: s.stepIndex + 1 };
    case 'return_step':
      return { status: 'processing', stepIndex: s.stepIndex - 1 };
    case 'approve':
      return { status: 'resolved', stepIndex: s.steps - 1, outcome: 'approved' };
    case 'refuse':
      return { status: 'resolved', stepIndex: s.steps - 1, outcome: 'refused' };
    case 'stop':
      return { status: 'stopped', stepIndex: s.stepIndex };
    case 'withdraw':
      return { status: 'withdrawn', stepIndex: s.stepIndex };
    case 'return_result':
      return { status: 'returned', stepIndex: s.steps - 1 };
    case 'apologise':
      return { status: s.status, stepIndex: s.stepIndex };
  }
}

/** Which role acts: the one-stop shop, the holder of the current step, or the applicant. */
export function actingParty(
  action: DossierAction,
  status: DossierStatus,
): 'one_stop' | 'step_holder' | 'applicant' | 'applicant_or_one_stop' {
  switch (action) {
    case 'accept':
    case 'refuse_intake':
    case 'return_result':
    case 'apologise':
      return 'one_stop';
    case 'request_supplement':
      return status === 'submitted' || status === 'received' ? 'one_stop' : 'step_holder';
    case 'supplement':
      return 'applicant_or_one_stop';
    case 'withdraw':
      return 'applicant_or_one_stop';
    case 'transfer':
      return status === 'received' ? 'one_stop' : 'step_holder';
    default:
      return 'step_holder';
  }
}
