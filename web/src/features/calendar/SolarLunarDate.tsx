import { Typography } from 'antd';
import { lunarLabel } from '../../../../src/calendar/lunar-label.ts';
import { useT } from '../../i18n/i18n.tsx';
import { lunarOfIso } from './lunar.ts';

/**
 * A solar date with its lunar date beside it, as on the printed receipt:
 * "10/02/2024 (âm lịch 1/1 năm Giáp Thìn)". `strong` bolds the solar part.
 */
export function SolarLunarDate({ date, strong }: { date: string | null | undefined; strong?: boolean }) {
  const { lang, formatDate } = useT();
  if (!date) return <>—</>;
  const l = lunarOfIso(date);
  return (
    <span data-testid="solar-lunar-date">
      <Typography.Text strong={strong}>{formatDate(date)}</Typography.Text>
      {l && <Typography.Text type="secondary"> ({lunarLabel(l, lang)})</Typography.Text>}
    </span>
  );
}
