import { DatePicker, type DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { lunarCellLabel, lunarOf } from './lunar.ts';

/**
 * antd DatePicker whose day cells show the lunar day (âm lịch) under the solar day —
 * 'd/m' on the first day of a lunar month. All DatePicker props pass through.
 */
export function LunarDatePicker(props: DatePickerProps) {
  return (
    <DatePicker
      {...props}
      cellRender={(current, info) => {
        if (info.type !== 'date' || typeof current !== 'object') return info.originNode;
        const d = current as Dayjs;
        const l = lunarOf(d.year(), d.month() + 1, d.date());
        const first = l?.day === 1;
        return (
          <div className="ant-picker-cell-inner" style={{ height: 'auto', lineHeight: 1.1, padding: '2px 0' }}>
            <div>{d.date()}</div>
            <div style={{ fontSize: 9, opacity: 0.65, color: first ? '#cf1322' : undefined }}>{lunarCellLabel(l)}</div>
          </div>
        );
      }}
    />
  );
}
