import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  addWorkingDaysEpoch,
  type Calendar,
  formatDate,
  hcmEpochDay,
  parseDate,
  workingDayOnOrAfterEpoch,
} from '../../../calendar/index.ts';
import type { Db } from '../../../db/client.ts';
import type { Deps } from '../../../platform/http/types.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import { getUnitByCode } from '../../org/org.repository.ts';
import { BUILDING_PERMIT_CODE, DEMO_PROCEDURES, DISTRICT_PROCEDURES } from '../../procedures/demo/catalogue.ts';
import { seedProcedures } from '../../procedures/demo/seed-procedures.ts';
import type { ProcedureRow } from '../../procedures/procedures.repository.ts';
import { listProcedures } from '../../procedures/procedures.repository.ts';
import { mulberry32, seedOf } from '../../reform-index/demo/prng.ts';
import { DEMO_METRIC_RATES_2023 } from '../../reform-index/demo/targets.ts';
import { receiptDueDate } from '../domain/deadline.ts';
import { dossierCode } from '../domain/dossier-code.ts';
import { feeTotal } from '../domain/fees.ts';
import { dossierCounters, dossierEvents, dossiers } from '../dossiers.table.ts';

/**
 * Demo dossiers of Bắc Từ Liêm for 2023, shaped so that the 766 on-time rate of every department
 * and ward (indicator 2.1, metric `dossiers.onTimeRate`, dossiers received 01/01–31/12/2023 that
 * passed through the unit) equals the rate the reform-index demo scored it from
 * (DEMO_METRIC_RATES_2023), plus:
 * - the article's 97 online building-permit dossiers filed at the wards Thượng Cát (52) and
 *   Cổ Nhuế 2 (45) between 15/09 and 31/12/2023, all processed by Phòng QLĐT on time;
 * - a few open dossiers from the last days, so that the officers' queues are not empty.
 * Personal data are invented. Demo dossiers carry no files (the `digitised` flag says whether the
 * original had its inputs and result in electronic form).
 */
type Row = typeof dossiers.$inferInsert;
type Ev = typeof dossierEvents.$inferInsert;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu', 'Thanh', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Tuấn',
  'Việt',
  'Yến',
];

/** Smallest total T ≥ base with r·T whole and r·T ≥ fixedOnTime (the dossiers already on time). */
export function demoVolume(rate: number, base: number, fixedOnTime = 0): { total: number; onTime: number } {
  for (let t = Math.max(base, fixedOnTime); ; t++) {
    const k = rate * t;
    if (Math.abs(k - Math.round(k)) < 1e-9 && Math.round(k) >= fixedOnTime && t - fixedOnTime >= Math.min(base, 20))
      return { total: t, onTime: Math.round(k) };
  }
}

interface Ctx {
  cal: Calendar;
  rows: Row[];
  events: Ev[];
  counters: Map<string, { unitId: string; day: string; last: number }>;
}

const hn = (day: number, minutes: number) =>
  new Date(Date.UTC(1970, 0, 1) + day * 86_400_000 + (minutes - 7 * 60) * 60_000);

function add(
  c: Ctx,
  rnd: () => number,
  o: {
    p: ProcedureRow;
    receiving: { id: string; path: string; code: string; agencyCode: string | null; name: string };
    involved: { id: string; path: string; name: string }[];
    fromDay: number;
    toDay: number;
    online: boolean;
    onTime: boolean;
    open?: 'submitted' | 'received' | 'processing';
  },
) {
  const { cal, p } = { cal: c.cal, p: o.p };
  const day = workingDayOnOrAfterEpoch(cal, o.fromDay + Math.floor(rnd() * (o.toDay - o.fromDay + 1)));
  const submittedAt = hn(day, 7 * 60 + 45 + Math.floor(rnd() * 8.5 * 60));
  const receivedAt = o.online ? new Date(submittedAt.getTime() + (1 + rnd() * 20) * 3600_000) : submittedAt;
  const r = receiptDueDate(cal, receivedAt, p.processingDays, p.receiptCutoff);
  const due = parseDate(r.dueDate);
  const eff = parseDate(r.effectiveReceiptDate);
  let finishDay: number;
  if (o.onTime) {
    const span = p.processingDays;
    const off = rnd() < 0.15 ? span : Math.floor(rnd() * (span + 1) * 0.8);
    finishDay = addWorkingDaysEpoch(cal, eff, Math.min(span, off));
  } else finishDay = addWorkingDaysEpoch(cal, due, 1 + Math.floor(rnd() * 4));
  const finishedAt = hn(finishDay, 9 * 60 + Math.floor(rnd() * 6.5 * 60));
  const returnedAt = new Date(finishedAt.getTime() + (rnd() < 0.6 ? 2 * 3600_000 : 22 * 3600_000));
  const hnDay = formatDate(day);
  const ident = o.receiving.agencyCode || o.receiving.code;
  const key = `${o.receiving.id}|${hnDay}`;
  const counter = c.counters.get(key) ?? { unitId: o.receiving.id, day: hnDay, last: 0 };
  counter.last++;
  c.counters.set(key, counter);
  const id = randomUUID();
  const name = `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]} ${MIDDLE[Math.floor(rnd() * MIDDLE.length)]} ${GIVEN[Math.floor(rnd() * GIVEN.length)]}`;
  const rated = !o.open && rnd() < 0.65;
  const rating = rated ? (o.onTime ? (rnd() < 0.7 ? 5 : rnd() < 0.85 ? 4 : 3) : rnd() < 0.5 ? 2 : 3) : null;
  const lastStep = p.workflow.length - 1;
  const holder = o.open === 'processing' ? (o.involved[0] ?? o.receiving) : o.receiving;
  const status = o.open ?? 'returned';
  const code = dossierCode(ident, hnDay, counter.last);
  // the fee of a result handed over was collected just before (online: paid online)
  const fee = !o.open && feeTotal(p.fees) > 0 ? feeTotal(p.fees) : 0;
  const feePaidAt = new Date(returnedAt.getTime() - 5 * 60_000);
  c.rows.push({
    id,
    code,
    procedureId: p.id,
    receivingUnitId: o.receiving.id,
    receivingUnitPath: o.receiving.path,
    holderUnitId: holder.id,
    holderUnitPath: holder.path,
    unitPaths:
      o.open && o.open !== 'processing'
        ? [o.receiving.path]
        : [...new Set([o.receiving.path, ...o.involved.map((u) => u.path)])],
    status,
    outcome: o.open ? null : 'approved',
    channel: o.online ? 2 : 1,
    applicantName: name,
    applicantPhone: `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
    applicantAddress: `${o.receiving.name.replace('UBND ', '')}, Bắc Từ Liêm, Hà Nội`,
    formData: {},
    submittedAt,
    receivedAt: o.open === 'submitted' ? null : receivedAt,
    effectiveReceiptDate: o.open === 'submitted' ? null : r.effectiveReceiptDate,
    dueDate: r.dueDate,
    originalDueDate: o.open === 'submitted' ? null : r.dueDate,
    stepIndex: o.open === 'processing' ? 1 : o.open ? 0 : lastStep,
    stepStartedAt: o.open === 'submitted' ? null : receivedAt,
    stepDueDate: o.open ? r.dueDate : null,
    finishedAt: o.open ? null : finishedAt,
    returnedAt: o.open ? null : returnedAt,
    digitised: o.online,
    hasEResult: o.online && !o.open,
    rating,
    ratedAt: rating ? new Date(returnedAt.getTime() + 3600_000) : null,
    ...(fee ? { feePaidAt, feeAmount: fee, feeMethod: o.online ? 'online' : 'cash', feeReceiptNo: `BL-${code}` } : {}),
    createdAt: submittedAt,
    updatedAt: o.open ? receivedAt : returnedAt,
  });
  const ev = (at: Date, action: string, from: string | null, to: string, step: number, unitName: string) =>
    c.events.push({
      dossierId: id,
      at,
      action,
      fromStatus: from,
      toStatus: to,
      stepKey: p.workflow[step]!.key,
      stepName: p.workflow[step]!.name,
      unitName,
      actorName: null,
      dueDate: r.dueDate,
    });
  ev(submittedAt, o.online ? 'submit' : 'intake', null, o.online ? 'submitted' : 'received', 0, o.receiving.name);
  if (o.open === 'submitted') return;
  if (o.online) ev(receivedAt, 'accept', 'submitted', 'received', 0, o.receiving.name);
  if (o.open === 'received') return;
  const mid = new Date(receivedAt.getTime() + 3600_000);
  ev(mid, 'transfer', 'received', 'processing', 1, o.involved[0]?.name ?? o.receiving.name);
  if (o.open) return;
  ev(finishedAt, 'approve', 'processing', 'resolved', lastStep, o.receiving.name);
  if (fee) ev(feePaidAt, 'record_fee', 'resolved', 'resolved', lastStep, o.receiving.name);
  ev(returnedAt, 'return_result', 'resolved', 'returned', lastStep, o.receiving.name);
}

async function unitOf(db: Db, codes: string[]) {
  for (const c of codes) {
    const u = await getUnitByCode(db, c);
    if (u) return u;
  }
  return undefined;
}

export async function seedDossierDemo(deps: Deps) {
  const db = deps.database.db;
  await seedProcedures(db);
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(dossiers)) as [{ n: number }];
  if (n > 0) return;
  const btl = await unitOf(db, ['HN-BTL']);
  if (!btl) return;
  const procs = await listProcedures(db, {});
  const byCode = new Map(procs.map((p) => [p.code, p]));
  const bp = byCode.get(BUILDING_PERMIT_CODE)!;
  const wardProcs = DEMO_PROCEDURES.filter((p) => p.level === 'ward').map((p) => byCode.get(p.code)!);
  const cal = await getCalendar(db);
  const c: Ctx = { cal, rows: [], events: [], counters: new Map() };
  const y0 = parseDate('2023-01-03');
  const y1 = parseDate('2023-12-29');
  const rates = DEMO_METRIC_RATES_2023['dossiers.onTimeRate'];
  const qldt = await unitOf(db, ['HN-BTL-PB-QLDT', 'HN-BTL-QLDT']);

  // the article's 97 online building permits at Thượng Cát (52) and Cổ Nhuế 2 (45)
  const wardsBp: [string[], number][] = [
    [['HN-BTL-P-TC', 'HN-BTL-TC'], 52],
    [['HN-BTL-P-CN2', 'HN-BTL-CN2'], 45],
  ];
  for (const [codes, count] of wardsBp) {
    const w = await unitOf(db, codes);
    if (!w || !qldt) continue;
    const rnd = mulberry32(seedOf(`bp:${w.code}`));
    for (let i = 0; i < count; i++)
      add(c, rnd, {
        p: bp,
        receiving: w,
        involved: [qldt, btl],
        fromDay: parseDate('2023-09-15'),
        toDay: parseDate('2023-12-29'),
        online: true,
        onTime: true,
      });
  }

  for (const [code, rate] of Object.entries(rates)) {
    const unit = await getUnitByCode(db, code);
    if (!unit) continue;
    const rnd = mulberry32(seedOf(`year:${code}`));
    const isWard = unit.kind === 'ward';
    const fixed = unit.id === qldt?.id ? 97 : 0;
    const { total, onTime } = demoVolume(rate, isWard ? 120 : 60, fixed);
    const extra = total - fixed;
    const late = total - onTime;
    const deptProc = isWard
      ? undefined
      : unit.id === qldt?.id
        ? bp
        : procs.find((p) => p.workflow.some((s) => s.unit === `dept:${unit.code.split('-').pop()}`));
    if (!isWard && !deptProc) continue;
    for (let i = 0; i < extra; i++) {
      const p = isWard ? wardProcs[Math.floor(rnd() * wardProcs.length)]! : deptProc!;
      const receiving = isWard ? unit : btl;
      const involved = isWard ? [] : [unit, btl];
      const online = rnd() < (isWard ? 0.45 : 0.3) && p.onlineLevel !== 'none';
      add(c, rnd, { p, receiving, involved, fromDay: y0, toDay: y1, online, onTime: i >= late });
    }
  }

  // a few open dossiers from the last working days, for the queues
  const today = hcmEpochDay(Date.now());
  const tc = await unitOf(db, ['HN-BTL-P-TC', 'HN-BTL-TC']);
  const rndOpen = mulberry32(seedOf('open'));
  if (tc && qldt) {
    const states = [
      'submitted',
      'submitted',
      'submitted',
      'received',
      'received',
      'processing',
      'processing',
      'processing',
    ] as const;
    for (const s of states)
      add(c, rndOpen, {
        p: bp,
        receiving: tc,
        involved: [qldt],
        fromDay: today - 12,
        toDay: today - 1,
        online: true,
        onTime: true,
        open: s,
      });
    for (const s of ['submitted', 'received', 'processing'] as const)
      add(c, rndOpen, {
        p: wardProcs[2]!,
        receiving: tc,
        involved: [],
        fromDay: today - 4,
        toDay: today - 1,
        online: true,
        onTime: true,
        open: s,
      });
  }

  await db.transaction(async (tx) => {
    for (let i = 0; i < c.rows.length; i += 400) await tx.insert(dossiers).values(c.rows.slice(i, i + 400));
    for (let i = 0; i < c.events.length; i += 1000) await tx.insert(dossierEvents).values(c.events.slice(i, i + 1000));
    const counters = [...c.counters.values()];
    for (let i = 0; i < counters.length; i += 1000)
      await tx
        .insert(dossierCounters)
        .values(counters.slice(i, i + 1000))
        .onConflictDoNothing();
  });
}

export { DISTRICT_PROCEDURES };
