import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Row, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/session.ts';
import { todayInVietnam } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { rolesOf } from '../../lib/roles.ts';
import { calendarApi } from './calendar.api.ts';
import { DueDateCalculator } from './DueDateCalculator.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';
import { Legend, YearGrid } from './YearGrid.tsx';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** "Lịch làm việc": the year's days off with lunar dates, a due-date calculator, and (admin) editing. */
export default function CalendarPage() {
  const { t, formatNumber } = useT();
  const today = todayInVietnam();
  const initialYear = Number(new URLSearchParams(window.location.search).get('year')) || Number(today.slice(0, 4));
  const [year, setYear] = useState(Math.min(MAX_YEAR, Math.max(MIN_YEAR, initialYear)));
  const [editing, setEditing] = useState(false);
  const { data: me } = useMe();
  const isAdmin = rolesOf(me).has('admin');
  const { data, isLoading } = useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: ({ signal }) => calendarApi.year(year, signal),
  });
  const years = Array.from({ length: MAX_YEAR - MIN_YEAR + 1 }, (_, i) => MIN_YEAR + i);

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('calendar.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <Row gutter={[16, 8]} align="middle" style={{ marginBottom: 8 }}>
        <Col>
          <Space>
            <span>{t('calendar.year')}</span>
            <Select
              value={year}
              onChange={setYear}
              showSearch
              style={{ width: 110 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              data-testid="calendar-year-select"
            />
          </Space>
        </Col>
        {data && (
          <Col>
            <Space wrap>
              {data.status === 'official' ? (
                <Tag color="green" data-testid="calendar-status">
                  {t('calendar.official')}
                </Tag>
              ) : (
                <Tooltip title={t('calendar.provisionalHint')}>
                  <Tag color="orange" data-testid="calendar-status">
                    {t('calendar.provisional')}
                  </Tag>
                </Tooltip>
              )}
              <Typography.Text type="secondary">
                {t('calendar.workingDayCount', { count: formatNumber(data.workingDayCount) })}
              </Typography.Text>
            </Space>
          </Col>
        )}
        {isAdmin && (
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="calendar-edit">
              {t('calendar.edit')}
            </Button>
          </Col>
        )}
      </Row>
      {data && data.sources.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('calendar.sources')}: {data.sources.join('; ')}
        </Typography.Paragraph>
      )}
      {data?.status === 'provisional' && (
        <Alert type="warning" showIcon title={t('calendar.provisionalHint')} style={{ marginBottom: 12 }} />
      )}
      <Legend />
      {isLoading || !data ? <Spin /> : <YearGrid data={data} today={today} />}
      <div style={{ marginTop: 24 }}>
        <DueDateCalculator />
      </div>
      {isAdmin && <ScheduleEditor year={year} open={editing} onClose={() => setEditing(false)} />}
    </div>
  );
}
