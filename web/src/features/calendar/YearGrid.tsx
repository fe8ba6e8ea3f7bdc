import { Col, Row, Tooltip } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { YearView } from './calendar.api.ts';
import { lunarCellLabel, lunarOf } from './lunar.ts';

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export const COLORS = {
  weekend: { background: '#f5f5f5', color: '#8c8c8c' },
  dayOff: { background: '#fff1f0', color: '#cf1322', border: '1px solid #ffa39e' },
  workingSaturday: { background: '#e6f4ff', color: '#0958d9', border: '1px solid #69b1ff' },
} satisfies Record<string, CSSProperties>;

/** Twelve small month calendars (Mon–Sun) with lunar days, days off and make-up Saturdays. */
export function YearGrid({ data, today }: { data: YearView; today: string }) {
  const { t, tx } = useT();
  const off = new Map(data.daysOff.map((d) => [d.date, d]));
  const sat = new Map(data.workingSaturdays.map((d) => [d.date, d]));
  const months = t('calendar.months').split(',');
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <Row gutter={[16, 16]} data-testid="calendar-year">
      {months.map((label, i) => {
        const m = i + 1;
        const first = new Date(Date.UTC(data.year, i, 1)).getUTCDay(); // 0 = Sunday
        const lead = (first + 6) % 7;
        const days = new Date(Date.UTC(data.year, m, 0)).getUTCDate();
        const cells: ReactNode[] = [];
        for (let k = 0; k < lead; k++) cells.push(<div key={`b${k}`} />);
        for (let d = 1; d <= days; d++) {
          const iso = isoOf(data.year, m, d);
          const col = (lead + d - 1) % 7;
          const dayOff = off.get(iso);
          const working = sat.get(iso);
          const lunar = lunarOf(data.year, m, d);
          const style: CSSProperties = {
            textAlign: 'center',
            borderRadius: 4,
            padding: '2px 0',
            lineHeight: 1.15,
            border: '1px solid transparent',
            ...(col >= 5 ? COLORS.weekend : {}),
            ...(working ? COLORS.workingSaturday : {}),
            ...(dayOff ? COLORS.dayOff : {}),
            ...(iso === today ? { outline: '2px solid #0b4f9c', outlineOffset: -1 } : {}),
          };
          const cell = (
            <div
              key={iso}
              style={style}
              data-date={iso}
              data-kind={dayOff?.kind ?? (working ? 'working-saturday' : col >= 5 ? 'weekend' : 'working')}
            >
              <div style={{ fontWeight: dayOff || working ? 600 : 400, fontSize: 13 }}>{d}</div>
              <div
                style={{ fontSize: 10, opacity: lunar?.day === 1 ? 1 : 0.7, fontWeight: lunar?.day === 1 ? 600 : 400 }}
              >
                {lunarCellLabel(lunar)}
              </div>
            </div>
          );
          const tip = dayOff
            ? `${dayOff.name} — ${tx(`calendar.kinds.${dayOff.kind}`, dayOff.kind)}`
            : working
              ? `${t('calendar.workingSaturdayTip')}${working.name ? ` — ${working.name}` : ''}`
              : undefined;
          cells.push(
            tip ? (
              <Tooltip key={iso} title={tip}>
                {cell}
              </Tooltip>
            ) : (
              cell
            ),
          );
        }
        return (
          <Col key={label} xs={24} sm={12} lg={8} xl={6}>
            <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8, background: '#fff' }}>
              <div style={{ fontWeight: 600, textAlign: 'center', marginBottom: 4 }}>{label}</div>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
                {weekdays.map((w, k) => (
                  <div
                    key={w}
                    style={{
                      textAlign: 'center',
                      fontSize: 11,
                      color: k >= 5 ? '#8c8c8c' : '#595959',
                      fontWeight: 600,
                    }}
                  >
                    {w}
                  </div>
                ))}
                {cells}
              </div>
            </div>
          </Col>
        );
      })}
    </Row>
  );
}

/** The colour legend under the year view. */
export function Legend() {
  const { t } = useT();
  const item = (style: CSSProperties, label: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 16 }}>
      <span
        style={{
          display: 'inline-block',
          width: 16,
          height: 16,
          borderRadius: 3,
          border: '1px solid #d9d9d9',
          ...style,
        }}
      />
      {label}
    </span>
  );
  return (
    <div style={{ margin: '12px 0' }}>
      {item(COLORS.weekend, t('calendar.legendWeekend'))}
      {item(COLORS.dayOff, t('calendar.legendDayOff'))}
      {item(COLORS.workingSaturday, t('calendar.legendWorkingSaturday'))}
      {item({ outline: '2px solid #0b4f9c', outlineOffset: -2 }, t('calendar.legendToday'))}
    </div>
  );
}
