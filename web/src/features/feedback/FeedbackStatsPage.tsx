import { useQuery } from '@tanstack/react-query';
import { Card, Form, Input, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { feedbackApi, type StatsRow } from './feedback.api.ts';

/** Statistics by category, unit, channel or month (QĐ 766 feedback indicators). */
export default function FeedbackStatsPage() {
  const { t, tx, formatNumber } = useT();
  const [groupBy, setGroupBy] = useState('category');
  const [period, setPeriod] = useState({ from: '2023-01-01', to: '2023-12-31' });
  const s = useQuery({
    queryKey: ['feedback', 'stats', groupBy, period],
    queryFn: () => feedbackApi.stats({ ...period, groupBy }),
  });
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, 2)} %`);
  const rows = s.data
    ? [...s.data.rows, { ...s.data.total, key: '__total', label: t('feedback.total') } as StatsRow]
    : [];
  return (
    <Card title={t('feedback.statsTitle')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={groupBy}
          onChange={(v) => setGroupBy(String(v))}
          options={['category', 'unit', 'channel', 'month'].map((g) => ({
            value: g,
            label: tx(`feedback.groupBy.${g}`, g),
          }))}
        />
        <Form layout="inline" initialValues={period} onValuesChange={(_, v) => setPeriod(v)}>
          <Form.Item name="from" label={t('feedback.from')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="to" label={t('feedback.to')}>
            <Input type="date" />
          </Form.Item>
        </Form>
      </Space>
      <Table<StatsRow>
        rowKey="key"
        size="small"
        loading={s.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: tx(`feedback.groupBy.${groupBy}`, groupBy),
            dataIndex: 'label',
            render: (v: string, r) =>
              groupBy === 'channel' && r.key !== '__total' ? tx(`feedback.channels.${v}`, v) : v,
          },
          { title: t('feedback.received'), dataIndex: 'received', align: 'right' },
          { title: t('feedback.answered'), dataIndex: 'answered', align: 'right' },
          { title: t('feedback.onTime'), dataIndex: 'onTime', align: 'right' },
          { title: t('feedback.overdue'), dataIndex: 'overdue', align: 'right' },
          { title: t('feedback.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: pct },
          {
            title: t('feedback.avgDays'),
            dataIndex: 'avgDays',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatNumber(v, 2)),
          },
          { title: t('feedback.satisfaction'), dataIndex: 'satisfactionRate', align: 'right', render: pct },
        ]}
      />
    </Card>
  );
}
