// Run by tz-independence.test.ts in a child process with a chosen TZ; prints answers as JSON.
import { computeDueDate, defaultCalendar, describeYear, isWorkingDay, solarToLunar } from '../index.ts';

const cal = defaultCalendar();
const answers = {
  tz: process.env.TZ,
  offsetMinutes: new Date(Date.UTC(2024, 6, 1)).getTimezoneOffset(),
  dueDates: [
    '2024-03-01T08:30:00Z',
    '2024-03-01T07:59:59Z',
    '2024-03-03T17:30:00Z',
    '2025-12-31T14:59:59+07:00',
    '2025-12-31T15:00:00+07:00',
    '2024-03-10T02:30:00-05:00', // inside New York's spring-forward gap
    '2024-11-03T01:30:00-04:00', // New York's repeated hour
  ].map((at) => computeDueDate(cal, at, 3)),
  dueFromDate: computeDueDate(cal, new Date(Date.UTC(2024, 1, 7, 8)), 1),
  lunar: ['1985-01-21', '2024-02-10', '2025-07-25'].map(solarToLunar),
  working: ['2025-04-26', '2025-05-02', '2024-03-10'].map((d) => isWorkingDay(cal, d)),
  year2027: describeYear(cal, 2027).daysOff.map((d) => d.date),
};
process.stdout.write(JSON.stringify(answers));
