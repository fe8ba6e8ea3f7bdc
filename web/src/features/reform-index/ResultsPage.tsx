import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Input, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api, apiUrl } from '../../lib/api.ts';
import { EChart } from './EChart.tsx';
import { pctText, type Results, signed, type UnitResult } from './reformIndex.api.ts';

const YEARS = [2024, 2023, 2022];

/** Public: published PAR Index results — ranking table (sort, filters), ranking bar chart, block averages. */
export default function ResultsPage() {
  const { t, lang, formatNumber } = useT();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? 2023);
  const group = params.get('group') ?? 'HN-QHTX';
  const [band, setBand] = useState<string>();
  const [q, setQ] = useState('');
  const set = (k: string, v: string) => setParams((p) => ({ ...Object.fromEntries(p), [k]: v }));
  const all = useQuery({
    queryKey: ['ri-results', year],
    queryFn: ({ signal }) => api.get<Results>('/reform-index/results', { year }, signal),
  });
  const groups = all.data?.groups ?? [];
  const current = groups.find((g) => g.groupId === group) ?? groups[0];
  const rows = useMemo(
    () =>
      (all.data?.results ?? [])
        .filter((r) => r.groupId === current?.groupId)
        .filter((r) => !band || r.band === band)
        .filter((r) => !q || `${r.unitName} ${r.unitShortName} ${r.unitCode}`.toLowerCase().includes(q.toLowerCase())),
    [all.data, current, band, q],
  );
  const fmt = (n: number, d?: number) => formatNumber(n, d);
  const areaNames = rows[0]?.areas ?? [];
  const sorted = [...rows].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const chart: EChartsOption = {
    grid: { left: 110, right: 50, top: 10, bottom: 20 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: (v) => Math.max(0, Math.floor(v.min - 2)), max: 100 },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.unitShortName), axisLabel: { fontSize: 11 } },
    series: [
      {
        type: 'bar',
        data: sorted.map((r) => ({
          value: r.percent ?? 0,
          itemStyle: { color: r.rank === 1 ? '#c0392b' : r.inTopN ? '#2f6fb3' : '#8fb3da' },
        })),
        label: { show: true, position: 'right', formatter: (p) => fmt(Number(p.value), 2), fontSize: 10 },
      },
    ],
  };
  // a block that is the whole peer group repeats the group's average: show the others
  const blocks = (all.data?.blocks ?? []).filter((b) => b.groupId !== current?.groupId);
  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1280, margin: '0 auto' }}>
      <Card title={t('reformIndex.resultsTitle')}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('reformIndex.year')}
            value={year}
            style={{ width: 100 }}
            onChange={(v) => set('year', String(v))}
            options={YEARS.map((y) => ({ value: y, label: y }))}
          />
          <Select
            aria-label={t('reformIndex.group')}
            value={current?.groupId}
            style={{ minWidth: 280 }}
            onChange={(v) => set('group', v)}
            options={groups.map((g) => ({ value: g.groupId, label: g.name }))}
          />
          <Button icon={<DownloadOutlined />} href={apiUrl('/reform-index/results/export.xlsx', { year })}>
            {t('reformIndex.downloadXlsx')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/reform-index/results/report.pdf', { year, group: current?.groupId, lang })}
          >
            {t('reformIndex.downloadPdf')}
          </Button>
        </Flex>
        {all.data && !groups.length && <Alert type="info" message={t('reformIndex.noResults')} />}
        {current && (
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic title={t('reformIndex.average')} value={pctText(current.average, fmt)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('reformIndex.highest')} value={pctText(current.highest, fmt)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('reformIndex.lowest')} value={pctText(current.lowest, fmt)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('reformIndex.delta')}
                value={signed(current.deltaPercentPoints, fmt)}
                suffix={
                  <Typography.Text type="secondary">{t('reformIndex.units', { count: current.count })}</Typography.Text>
                }
              />
            </Col>
          </Row>
        )}
        {blocks.length > 0 && (
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('reformIndex.blocks')}:</Typography.Text>
            {blocks.map((b) => (
              <Tag key={`${b.groupId}/${b.code}`} color="blue">
                {b.name}: {pctText(b.average, fmt)} ({signed(b.deltaPercentPoints, fmt)})
              </Tag>
            ))}
          </Flex>
        )}
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('reformIndex.searchUnit')}
            style={{ width: 240 }}
            onChange={(e) => setQ(e.target.value)}
          />
          <Select
            allowClear
            placeholder={t('reformIndex.band')}
            style={{ width: 140 }}
            value={band}
            onChange={setBand}
            options={['A', 'B', 'C'].map((b) => ({ value: b, label: b }))}
          />
        </Flex>
        <Table<UnitResult>
          data-testid="ri-results-table"
          rowKey="unitCode"
          size="small"
          loading={all.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('reformIndex.rank'),
              dataIndex: 'rank',
              width: 70,
              sorter: (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9),
              defaultSortOrder: 'ascend',
              render: (v: number | null, r) => (v === null ? '—' : t('reformIndex.of', { rank: v, total: r.rankOf })),
            },
            {
              title: t('reformIndex.unit'),
              dataIndex: 'unitName',
              width: 220,
              sorter: (a, b) => a.unitShortName.localeCompare(b.unitShortName, 'vi'),
              render: (v: string, r) => (
                <Link to={`/results/units/${r.unitCode}`}>{lang === 'en' && r.unitNameEn ? r.unitNameEn : v}</Link>
              ),
            },
            {
              title: t('reformIndex.points'),
              dataIndex: 'points',
              align: 'right',
              render: (v: number, r) => `${fmt(v, 2)}/${fmt(r.maxPoints)}`,
            },
            {
              title: t('reformIndex.percent'),
              dataIndex: 'percent',
              align: 'right',
              sorter: (a, b) => (a.percent ?? 0) - (b.percent ?? 0),
              render: (v: number | null) => <b>{pctText(v, fmt)}</b>,
            },
            {
              title: t('reformIndex.delta'),
              dataIndex: 'deltaPercentPoints',
              align: 'right',
              sorter: (a, b) => (a.deltaPercentPoints ?? 0) - (b.deltaPercentPoints ?? 0),
              render: (v: number | null) => (
                <Typography.Text type={v === null ? 'secondary' : v >= 0 ? 'success' : 'danger'}>
                  {signed(v, fmt)}
                </Typography.Text>
              ),
            },
            {
              title: t('reformIndex.rankChange'),
              dataIndex: 'rankChange',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : v > 0 ? `▲ ${v}` : v < 0 ? `▼ ${-v}` : '='),
            },
            {
              title: t('reformIndex.band'),
              dataIndex: 'band',
              align: 'center',
              render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—'),
            },
            ...areaNames.map((a, i) => ({
              title: <span title={a.name}>{a.code}</span>,
              key: a.code,
              align: 'right' as const,
              sorter: (x: UnitResult, y: UnitResult) => (x.areas[i]?.percent ?? 0) - (y.areas[i]?.percent ?? 0),
              render: (_: unknown, r: UnitResult) => (
                <span title={`${r.areas[i]?.name}: ${fmt(r.areas[i]?.points ?? 0)}/${fmt(r.areas[i]?.maxPoints ?? 0)}`}>
                  {pctText(r.areas[i]?.percent, fmt)}
                </span>
              ),
            })),
          ]}
        />
      </Card>
      {sorted.length > 0 && (
        <Card title={t('reformIndex.rankingChart')}>
          <EChart option={chart} height={Math.max(240, sorted.length * 22 + 40)} testId="ri-ranking-chart" />
        </Card>
      )}
    </Flex>
  );
}
