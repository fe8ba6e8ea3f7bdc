import { describe, expect, it } from 'vitest';
import { actingParty, allowedActions, type MachineState, NATIONAL_CODE, nextState, STATUSES } from './workflow.ts';

const base: MachineState = {
  status: 'submitted',
  stepIndex: 0,
  steps: 5,
  decisionIndex: 3,
  supplementCount: 0,
  apologyCount: 0,
};

describe('dossier state machine', () => {
  it('maps every state onto a national sync code 1–10', () => {
    expect(STATUSES.map((s) => NATIONAL_CODE[s])).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10]);
  });
  it('walks the building-permit path', () => {
    let s: MachineState = { ...base };
    const go = (a: Parameters<typeof nextState>[1]) => {
      const n = nextState(s, a);
      s = { ...s, status: n.status, stepIndex: n.stepIndex };
      return s;
    };
    expect(go('accept')).toMatchObject({ status: 'received', stepIndex: 0 });
    expect(go('transfer')).toMatchObject({ status: 'processing', stepIndex: 1 });
    expect(allowedActions(s)).not.toContain('return_step');
    expect(go('transfer').stepIndex).toBe(2);
    expect(go('return_step').stepIndex).toBe(1);
    go('transfer');
    expect(go('transfer').stepIndex).toBe(3);
    expect(allowedActions(s)).toEqual(expect.arrayContaining(['approve', 'refuse']));
    expect(allowedActions(s)).not.toContain('transfer');
    expect(go('approve')).toMatchObject({ status: 'resolved', stepIndex: 4 });
    expect(allowedActions(s)).toEqual(['return_result']);
    expect(go('return_result').status).toBe('returned');
    expect(allowedActions(s)).toEqual([]);
  });
  it('allows one supplement request and one apology', () => {
    expect(allowedActions({ ...base, status: 'processing', stepIndex: 1, supplementCount: 1 })).not.toContain(
      'request_supplement',
    );
    expect(allowedActions({ ...base, status: 'processing', stepIndex: 1, apologyCount: 1 })).not.toContain('apologise');
    expect(
      nextState(
        { ...base, status: 'supplement_requested', statusBeforeSupplement: 'processing', stepIndex: 2 } as never,
        'supplement',
      ),
    ).toMatchObject({ status: 'processing', stepIndex: 2 });
  });
  it('refuses actions not allowed in a state', () => {
    expect(() => nextState({ ...base, status: 'returned' }, 'approve')).toThrow(RangeError);
    for (const st of ['rejected', 'withdrawn', 'stopped', 'returned'] as const)
      expect(allowedActions({ ...base, status: st })).toEqual([]);
  });
  it('says who acts', () => {
    expect(actingParty('accept', 'submitted')).toBe('one_stop');
    expect(actingParty('transfer', 'received')).toBe('one_stop');
    expect(actingParty('transfer', 'processing')).toBe('step_holder');
    expect(actingParty('request_supplement', 'processing')).toBe('step_holder');
    expect(actingParty('withdraw', 'processing')).toBe('applicant_or_one_stop');
  });
});
