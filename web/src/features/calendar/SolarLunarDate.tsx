import { Tag, Tooltip, Typography } from 'antd';
import { lunarLabel } from '../../../../src/calendar/lunar-label.ts';
import { useT } from '../../i18n/i18n.tsx';
import { lunarOfIso } from './lunar.ts';

/**
 * A solar date with its lunar date beside it, as on the printed receipt:
 * "10/02/2024 (âm lịch 1/1 năm Giáp Thìn)". `strong` bolds the solar part; `provisional` marks a
 * date counted through a year whose days off are not announced yet.
 */
export function SolarLunarDate({
  date,
  strong,
  provisional,
}: {
  date: string | null | undefined;
  strong?: boolean;
  provisional?: boolean;
}) {
  const { t, lang, formatDate } = useT();
  if (!date) return <>—</>;
  const l = lunarOfIso(date);
  return (
    <span data-testid="solar-lunar-date">
      <Typography.Text strong={strong}>{formatDate(date)}</Typography.Text>
      {l && <Typography.Text type="secondary"> ({lunarLabel(l, lang)})</Typography.Text>}
      {provisional && (
        <Tooltip title={t('calendar.provisionalHint')}>
          <Tag color="orange" style={{ marginLeft: 8 }} data-testid="date-provisional">
            {t('calendar.provisional')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
