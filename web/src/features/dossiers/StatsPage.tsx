import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Segmented, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { LunarRangePicker } from '../calendar/index.ts';
import { pct, type StatsRow } from './dossiers.api.ts';

/** Received, resolved, on time / early / late, pending, online and digitised shares, satisfaction — per unit or procedure. */
export default function StatsPage() {
  const { t } = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs('2023-01-01'), dayjs('2023-12-31')]);
  const [groupBy, setGroupBy] = useState<'unit' | 'procedure'>('unit');
  const q = useQuery({
    queryKey: ['dossier-stats', range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'), groupBy],
    queryFn: () =>
      api.get<{ unit: { name: string }; totals: StatsRow | null; rows: StatsRow[] }>('/dossiers/stats', {
        from: range[0].format('YYYY-MM-DD'),
        to: range[1].format('YYYY-MM-DD'),
        groupBy,
      }),
  });
  const rows = q.data
    ? [...q.data.rows, ...(q.data.totals ? [{ ...q.data.totals, key: 'total', name: t('dossiers.total') }] : [])]
    : [];
  const n = (k: keyof StatsRow) => ({
    title: t(`dossiers.${k === 'satisfactionRate' ? 'satisfaction' : k}` as never),
    dataIndex: k,
    align: 'right' as const,
  });
  const r = (k: keyof StatsRow) => ({ ...n(k), render: (v: number | null) => pct(v) });
  return (
    <Card
      title={`${t('dossiers.statsTitle')}${q.data ? ` — ${q.data.unit.name}` : ''}`}
      extra={
        <Flex gap={8} wrap>
          <LunarRangePicker
            value={range}
            format="DD/MM/YYYY"
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Segmented
            value={groupBy}
            onChange={(v) => setGroupBy(v as typeof groupBy)}
            options={[
              { value: 'unit', label: t('dossiers.groupUnit') },
              { value: 'procedure', label: t('dossiers.groupProcedure') },
            ]}
          />
        </Flex>
      }
    >
      <Table<StatsRow>
        rowKey={(x) => x.key ?? 'none'}
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        rowClassName={(x) => (x.key === 'total' ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('dossiers.unit'), dataIndex: 'name', fixed: 'left', width: 260 },
          n('received'),
          n('resolved'),
          n('early'),
          n('onTime'),
          n('late'),
          n('pending'),
          r('onTimeRate'),
          r('onlineShare'),
          r('digitisedShare'),
          { ...n('avgDays'), render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
          r('satisfactionRate'),
        ]}
      />
      <Alert style={{ marginTop: 12 }} type="info" showIcon message={t('dossiers.thresholds')} />
    </Card>
  );
}
