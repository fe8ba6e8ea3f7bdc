import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { EChart } from './EChart.tsx';
import { type Profile, pctText, signed, type UnitResult } from './reformIndex.api.ts';

/** "Công tác chỉ đạo, điều hành CCHC" → "Chỉ đạo, điều hành CCHC", wrapped for the radar's labels. */
function shortArea(name: string): string {
  const s = name.replace(/^(Công tác |Cải cách |Direction and |Reform of )/, '');
  const words = `${s.charAt(0).toUpperCase()}${s.slice(1)}`.split(' ');
  const lines: string[] = [''];
  for (const w of words) {
    if (lines[lines.length - 1]!.length + w.length > 18) lines.push('');
    lines[lines.length - 1] = `${lines[lines.length - 1]} ${w}`.trim();
  }
  return lines.join('\n');
}

/** Public: one unit's results — radar of the areas, trend over the years, narrative, area table. */
export default function UnitProfilePage() {
  const { unitCode = '' } = useParams();
  const { t, lang, formatNumber } = useT();
  const fmt = (n: number, d?: number) => formatNumber(n, d);
  const q = useQuery({
    queryKey: ['ri-profile', unitCode, lang],
    queryFn: ({ signal }) =>
      api.get<Profile>(`/reform-index/units/${encodeURIComponent(unitCode)}/profile`, { lang }, signal),
  });
  const p = q.data;
  const latest = p?.years[p.years.length - 1];
  const previous = p && p.years.length > 1 ? p.years[p.years.length - 2] : undefined;
  const areaLabel = (a: UnitResult['areas'][number]) => (lang === 'en' && a.nameEn ? a.nameEn : a.name);
  const radar: EChartsOption | null = latest
    ? {
        tooltip: {},
        legend: { bottom: 0 },
        radar: {
          // room around the polygon for labels of two or three lines; without a line height the
          // wrapped lines of a label were drawn over each other
          radius: '58%',
          center: ['50%', '48%'],
          axisNameGap: 10,
          indicator: latest.areas.map((a) => ({ name: shortArea(areaLabel(a)), min: 70, max: 100 })),
          axisName: { fontSize: 11, lineHeight: 14, color: '#333' },
        },
        series: [
          {
            type: 'radar',
            data: [
              ...(previous
                ? [
                    {
                      name: String(previous.year),
                      value: previous.areas.map((a) => a.percent ?? 0),
                      lineStyle: { type: 'dashed' as const },
                    },
                  ]
                : []),
              {
                name: String(latest.year),
                value: latest.areas.map((a) => a.percent ?? 0),
                areaStyle: { opacity: 0.2 },
              },
            ],
          },
        ],
      }
    : null;
  const trend: EChartsOption | null = p
    ? {
        tooltip: { trigger: 'axis' },
        grid: { left: 50, right: 50, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: p.years.map((y) => String(y.year)) },
        yAxis: [
          { type: 'value', name: '%', min: (v) => Math.floor(v.min - 1), max: 100 },
          { type: 'value', name: t('reformIndex.rank'), inverse: true, min: 1, max: latest?.rankOf ?? 30 },
        ],
        series: [
          {
            name: t('reformIndex.percent'),
            type: 'line',
            data: p.years.map((y) => y.percent),
            label: { show: true, formatter: (x) => fmt(Number(x.value), 2) },
          },
          {
            name: t('reformIndex.rank'),
            type: 'line',
            yAxisIndex: 1,
            data: p.years.map((y) => y.rank),
            lineStyle: { type: 'dashed' },
            label: { show: true, formatter: (x) => `#${x.value}` },
          },
        ],
      }
    : null;
  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1200, margin: '0 auto' }}>
      <Card
        loading={q.isLoading}
        title={
          <Flex vertical>
            <Typography.Text type="secondary">
              <Link to="/results">{t('reformIndex.resultsTitle')}</Link> / {t('reformIndex.profile')}
            </Typography.Text>
            <span data-testid="ri-profile-name">{lang === 'en' && p?.unitNameEn ? p.unitNameEn : p?.unitName}</span>
          </Flex>
        }
      >
        {latest && (
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={`${t('reformIndex.percent')} ${latest.year}`} value={pctText(latest.percent, fmt)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('reformIndex.rank')}
                value={latest.rank === null ? '—' : t('reformIndex.of', { rank: latest.rank, total: latest.rankOf })}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('reformIndex.delta')} value={signed(latest.deltaPercentPoints, fmt)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('reformIndex.band')} value={latest.band ?? '—'} />
            </Col>
          </Row>
        )}
        {p && (
          <Typography.Paragraph style={{ marginTop: 16, fontSize: 15 }} data-testid="ri-narrative">
            <b>{t('reformIndex.narrative')}: </b>
            {p.narrative}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('reformIndex.radar')}>
            {radar && <EChart option={radar} height={380} testId="ri-radar" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('reformIndex.trend')}>
            {trend && <EChart option={trend} height={380} testId="ri-trend" />}
          </Card>
        </Col>
      </Row>
      {latest && (
        <Card title={`${t('reformIndex.areas')} ${latest.year}`}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={latest.areas}
            columns={[
              { title: t('reformIndex.area'), render: (_: unknown, a) => `${a.code}. ${areaLabel(a)}` },
              {
                title: t('reformIndex.points'),
                align: 'right',
                render: (_: unknown, a) => `${fmt(a.points)}/${fmt(a.maxPoints)}`,
              },
              { title: t('reformIndex.percent'), align: 'right', render: (_: unknown, a) => pctText(a.percent, fmt) },
              {
                title: t('reformIndex.rank'),
                align: 'right',
                render: (_: unknown, a) =>
                  a.rank === null ? '—' : t('reformIndex.of', { rank: a.rank, total: a.rankOf }),
              },
              {
                title: t('reformIndex.delta'),
                align: 'right',
                render: (_: unknown, a) => signed(a.deltaPercentPoints, fmt),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
