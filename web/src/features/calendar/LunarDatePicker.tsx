import { DatePicker, type DatePickerProps, type GetProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { lunarCellLabel, lunarOf } from './lunar.ts';

type CellInfo = { type: string; originNode: ReactNode };

/** A day cell with the lunar day (âm lịch) under the solar day — 'd/m' on the first day of a lunar month. */
function lunarCell(current: unknown, info: CellInfo): ReactNode {
  if (info.type !== 'date' || typeof current !== 'object' || current === null) return info.originNode;
  const d = current as Dayjs;
  const l = lunarOf(d.year(), d.month() + 1, d.date());
  const first = l?.day === 1;
  return (
    <div className="ant-picker-cell-inner" style={{ height: 'auto', lineHeight: 1.1, padding: '2px 0' }}>
      <div>{d.date()}</div>
      <div style={{ fontSize: 9, opacity: 0.65, color: first ? '#cf1322' : undefined }}>{lunarCellLabel(l)}</div>
    </div>
  );
}

/**
 * The app's date picker: antd's DatePicker whose day cells show the lunar date under the solar one,
 * as Vietnamese wall calendars do. Every screen uses it (biome.json forbids antd's own DatePicker
 * elsewhere). All DatePicker props pass through.
 */
export function LunarDatePicker(props: DatePickerProps) {
  return <DatePicker {...props} cellRender={lunarCell} />;
}

/** The range picker, with the same lunar day cells. */
export function LunarRangePicker(props: GetProps<typeof DatePicker.RangePicker>) {
  return <DatePicker.RangePicker {...props} cellRender={lunarCell} />;
}
