import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { allowed, STAFF_ROLES } from '../../lib/roles.ts';
import { type Dossier, STATUS_COLOURS, vnDate, vnDateTime } from './dossiers.api.ts';

/** Officers: the dossiers my units hold now (queue) or every dossier in my scope; citizens: mine. */
export default function DossierQueue() {
  const { t } = useT();
  const me = useMe();
  const staff = allowed(me.data, STAFF_ROLES);
  const [chosen, setView] = useState<'queue' | 'all' | 'mine'>();
  // citizens see their own dossiers; civil servants start with their queue
  const view = chosen ?? (staff ? 'queue' : 'mine');
  const [q, setQ] = useState('');
  // deadline filter: all, "sắp đến hạn" (within DOSSIER_NEAR_DUE_DAYS working days) or overdue
  const [deadline, setDeadline] = useState<'all' | 'dueSoon' | 'overdue'>('all');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['dossiers', view, q, deadline, page],
    queryFn: () =>
      api.get<{ total: number; items: Dossier[] }>('/dossiers', {
        view,
        q: q || undefined,
        dueSoon: deadline === 'dueSoon' || undefined,
        overdue: deadline === 'overdue' || undefined,
        limit: 20,
        offset: (page - 1) * 20,
      }),
  });
  return (
    <Card
      title={t('dossiers.navQueue')}
      extra={
        <Flex gap={8}>
          <Segmented
            value={view}
            onChange={(v) => {
              setView(v as typeof view);
              setPage(1);
            }}
            options={[
              ...(staff
                ? [
                    { value: 'queue', label: t('dossiers.queue') },
                    { value: 'all', label: t('dossiers.all') },
                  ]
                : []),
              { value: 'mine', label: t('dossiers.mine') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('dossiers.searchPlaceholder')}
            onSearch={setQ}
            style={{ width: 260 }}
          />
        </Flex>
      }
    >
      {view !== 'mine' && (
        <Segmented
          data-testid="deadline-filter"
          style={{ marginBottom: 12 }}
          value={deadline}
          onChange={(v) => {
            setDeadline(v as typeof deadline);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('dossiers.deadlineAll') },
            { value: 'dueSoon', label: t('dossiers.dueSoon') },
            { value: 'overdue', label: t('dossiers.overdue') },
          ]}
        />
      )}
      <Table<Dossier>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('dossiers.code'),
            dataIndex: 'code',
            render: (c: string, d) => <Link to={`/dossiers/${d.id}`}>{c}</Link>,
          },
          {
            title: t('dossiers.procedure'),
            render: (_, d) => (
              <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                {d.procedure.name}
              </Typography.Text>
            ),
          },
          { title: t('dossiers.applicant'), render: (_, d) => d.applicant.name },
          { title: t('dossiers.holder'), render: (_, d) => d.holderUnit.name },
          { title: t('dossiers.submittedAt'), render: (_, d) => vnDateTime(d.submittedAt) },
          {
            title: t('dossiers.dueDate'),
            render: (_, d) => (
              <Flex gap={4}>
                {vnDate(d.dueDate)}
                {d.overdue && <Tag color="red">{t('dossiers.overdue')}</Tag>}
                {d.dueSoon && <Tag color="orange">{t('dossiers.dueSoon')}</Tag>}
              </Flex>
            ),
          },
          { title: t('dossiers.status'), render: (_, d) => <Tag color={STATUS_COLOURS[d.status]}>{d.statusName}</Tag> },
          { title: t('dossiers.channel'), render: (_, d) => t(`dossiers.channel_${d.channel}` as never) },
        ]}
      />
    </Card>
  );
}
