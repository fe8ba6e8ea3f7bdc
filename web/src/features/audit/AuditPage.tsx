import { DownOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { LunarRangePicker } from '../calendar/index.ts';
import type { User } from '../people/people.api.ts';
import { useUnits } from '../units/units.api.ts';
import { AuditDetails } from './AuditDetails.tsx';

/** One entry of GET /api/v1/audit (src/platform/audit/audit.routes.ts). */
export interface AuditEntry {
  id: number;
  at: string;
  requestId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
interface AuditPageData {
  items: AuditEntry[];
  nextBefore: number | null;
}

// Suggestions only: any module may audit its own target types.
const TARGET_TYPES = [
  'unit',
  'user',
  'session',
  'api_token',
  'dossier',
  'procedure',
  'feedback',
  'ri_cycle',
  'ri_assessment',
  'ri_score',
];
const PAGE = 50;

/** Vietnam days → instants: [from 00:00 +07, day after `to` 00:00 +07). */
const vnDayStart = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T00:00:00+07:00`;

/** Who did what, newest first; filters and cursor paging ("older entries"). */
export default function AuditPage() {
  const { t, tx, formatDateTime } = useT();
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState<string | undefined>();
  const [actorUserId, setActorUserId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const filters = {
    action: action || undefined,
    targetType,
    actorUserId,
    from: range?.[0] ? new Date(vnDayStart(range[0])).toISOString() : undefined,
    to: range?.[1] ? new Date(vnDayStart(range[1].add(1, 'day'))).toISOString() : undefined,
    limit: PAGE,
  };
  const audit = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => api.get<AuditPageData>('/audit', { ...filters, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  const { data: people = [] } = useQuery({
    queryKey: ['users', 'list', { limit: 500 }],
    queryFn: ({ signal }) => api.get<User[]>('/users', { limit: 500 }, signal),
    staleTime: 5 * 60_000,
  });
  const { data: units = [] } = useUnits({ includeClosed: true });
  const roleLabel = (r: string) =>
    r === 'anonymous' ? t('audit.anonymous') : r === 'system' ? t('audit.system') : tx(`roles.${r}`, r);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.shortName])), [units]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Tooltip title={t('audit.actionHelp')}>
          <Input.Search
            allowClear
            placeholder={t('audit.action')}
            onSearch={(v) => setAction(v.trim())}
            style={{ width: 220 }}
          />
        </Tooltip>
        <AutoComplete
          options={TARGET_TYPES.map((x) => ({ value: x }))}
          onSelect={(v: string) => setTargetType(v)}
          onChange={(v: string) => !v && setTargetType(undefined)}
          style={{ width: 200 }}
        >
          <Input.Search
            allowClear
            placeholder={t('audit.targetType')}
            onSearch={(v) => setTargetType(v.trim() || undefined)}
          />
        </AutoComplete>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.actor')}
          value={actorUserId}
          onChange={setActorUserId}
          options={people.map((p) => ({ value: p.id, label: p.fullName }))}
          style={{ width: 220 }}
        />
        <LunarRangePicker
          format="DD/MM/YYYY"
          value={range}
          onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
          placeholder={[t('audit.period'), t('audit.period')]}
        />
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isFetching && !audit.isFetchingNextPage}
        dataSource={items}
        pagination={false}
        expandable={{ expandedRowRender: (e) => <AuditDetails entry={e} />, expandRowByClick: true }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
          {
            title: t('audit.actor'),
            key: 'actor',
            render: (_: unknown, e) => (
              <Flex vertical>
                <span>{e.actorName ?? (e.actorRole === 'anonymous' ? t('audit.anonymous') : t('audit.system'))}</span>
                {e.actorName && e.actorRole && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {roleLabel(e.actorRole)}
                    {e.actorUnitId && unitName.get(e.actorUnitId) ? ` · ${unitName.get(e.actorUnitId)}` : ''}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Tag color="blue">{a}</Tag> },
          {
            title: t('audit.targetType'),
            key: 'target',
            render: (_: unknown, e) => (
              <span>
                {e.targetType}
                {e.unitId && unitName.get(e.unitId) ? (
                  <Typography.Text type="secondary"> · {unitName.get(e.unitId)}</Typography.Text>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {audit.hasNextPage ? (
          <Button icon={<DownOutlined />} onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
