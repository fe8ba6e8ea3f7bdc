/**
 * Calendar throughput, in-process: due dates from ISO receipt instants (parse → receipt rule →
 * N-th working day → formatted dates), and solar→lunar conversions.
 */
import {
  computeDueDate,
  defaultCalendar,
  dueEpochDay,
  effectiveReceiptEpochDay,
  epochDayFromYmd,
  formatDate,
  solarToLunar,
  solarToLunarEpoch,
  ymdFromEpochDay,
} from '../../src/calendar/index.ts';
import { convertSolar2Lunar, VN_TIME_ZONE } from '../../src/calendar/lunar-algorithm.ts';
import { type BenchResult, type BenchSuite, opsPerSecond } from '../harness.ts';

const suite: BenchSuite = {
  name: 'calendar',
  async run(ctx) {
    const ms = ctx.quick ? 300 : 1500;
    const cal = defaultCalendar();
    // a fixed pseudo-random spread of receipts over 2023–2030 at any time of day, N in 0..60
    const SIZE = 4096;
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const from = Date.UTC(2023, 0, 1);
    const span = Date.UTC(2031, 0, 1) - from;
    const instants = Array.from({ length: SIZE }, () => from + Math.floor(rnd() * span));
    const iso = instants.map((t) => new Date(t).toISOString().replace('Z', '+00:00'));
    const ns = Array.from({ length: SIZE }, () => Math.floor(rnd() * 61));
    const days = Array.from({ length: SIZE }, () => epochDayFromYmd(1900, 1, 1) + Math.floor(rnd() * 109_000));
    const dates = days.map(formatDate);
    let sink = 0;

    const dueIso = opsPerSecond((i) => {
      const k = i & (SIZE - 1);
      sink += computeDueDate(cal, iso[k]!, ns[k]!).dueDate.length;
    }, ms);
    const dueEpoch = opsPerSecond((i) => {
      const k = i & (SIZE - 1);
      sink += dueEpochDay(cal, effectiveReceiptEpochDay(cal, instants[k]!), ns[k]!);
    }, ms);
    const lunarStr = opsPerSecond((i) => {
      sink += solarToLunar(dates[i & (SIZE - 1)]!).day;
    }, ms);
    const lunarEpoch = opsPerSecond((i) => {
      sink += solarToLunarEpoch(days[i & (SIZE - 1)]!).day;
    }, ms);
    const reference = opsPerSecond((i) => {
      const { year, month, day } = ymdFromEpochDay(days[i & (SIZE - 1)]!);
      sink += convertSolar2Lunar(day, month, year, VN_TIME_ZONE)[0];
    }, ms);
    ctx.log(`checksum ${sink}`);

    const r = (name: string, value: number, target?: number, extra?: Record<string, unknown>): BenchResult => ({
      suite: 'calendar',
      name,
      db: 'in-process',
      value,
      unit: 'ops/s',
      ...(target ? { target: { op: '>=', value: target } } : {}),
      ...(extra ? { extra } : {}),
    });
    return [
      r('due dates (ISO instant in, YYYY-MM-DD out)', dueIso, 1_000_000, { input: 'receivedAt ISO string, N 0–60' }),
      r('due dates (epoch ms → epoch day)', dueEpoch),
      r('lunar conversions (YYYY-MM-DD → lunar)', lunarStr, 200_000),
      r('lunar conversions (epoch day → lunar)', lunarEpoch),
      r('lunar conversions (reference algorithm, no table)', reference),
    ];
  },
};

export default suite;
