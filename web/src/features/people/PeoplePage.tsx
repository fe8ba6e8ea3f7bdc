import { LeftOutlined, RightOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { ALL_ROLES, type Role } from '../../lib/roles.ts';
import { type User, usersKey } from './people.api.ts';
import { UnitSelect } from './UnitSelect.tsx';
import { UserCreateModal } from './UserCreateModal.tsx';
import { UserDrawer } from './UserDrawer.tsx';

const PAGE = 50;

/** People in the user's scope, filtered by name/contact, role and unit. */
export default function PeoplePage() {
  const { t, tx } = useT();
  const { data: me } = useMe();
  const isAdmin = (me?.grants ?? []).some((g) => g.role === 'admin');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { q: q || undefined, role, unitId, limit: PAGE, offset };
  const { data: users = [], isFetching } = useQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ signal }) => api.get<User[]>('/users', filters, signal),
    placeholderData: keepPreviousData,
  });
  const refilter = (fn: () => void) => {
    fn();
    setOffset(0);
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('people.title')}
        </Typography.Title>
      }
      extra={
        isAdmin && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            {t('people.create')}
          </Button>
        )
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('people.searchPlaceholder')}
          onSearch={(v) => refilter(() => setQ(v.trim()))}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Select<Role>
          allowClear
          placeholder={t('people.roleFilter')}
          value={role}
          onChange={(v) => refilter(() => setRole(v))}
          options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          style={{ width: 200 }}
        />
        <UnitSelect
          placeholder={t('people.unitFilter')}
          value={unitId}
          onChange={(v) => refilter(() => setUnitId(v))}
          style={{ width: 260, maxWidth: '100%' }}
        />
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={users}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(u) => ({ onClick: () => setOpenId(u.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('people.fullName'),
            dataIndex: 'fullName',
            render: (_: unknown, u) => (
              <Flex vertical>
                <Typography.Text strong>{u.fullName}</Typography.Text>
                {u.title && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.title}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: `${t('people.email')} / ${t('people.phone')}`,
            key: 'contact',
            responsive: ['md'],
            render: (_: unknown, u) => (
              <Flex vertical>
                {u.email && <span>{u.email}</span>}
                {u.phone && <span>{u.phone}</span>}
              </Flex>
            ),
          },
          {
            title: t('people.unit'),
            dataIndex: 'unitName',
            responsive: ['lg'],
            render: (n: string | null) => n ?? t('common.none'),
          },
          {
            title: t('people.grants'),
            key: 'grants',
            render: (_: unknown, u) => (
              <Flex wrap gap={4}>
                {u.grants.map((g) => (
                  <Tag key={g.id} color="red" title={g.unitName ?? undefined}>
                    {tx(`roles.${g.role}`, g.role)}
                    {g.unitCode ? ` · ${g.unitCode}` : ''}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('people.status'),
            dataIndex: 'active',
            width: 140,
            render: (a: boolean) =>
              a ? <Tag color="green">{t('people.active')}</Tag> : <Tag>{t('people.inactive')}</Tag>,
          },
        ]}
      />
      <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
        <Button icon={<LeftOutlined />} disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} />
        <Button icon={<RightOutlined />} disabled={users.length < PAGE} onClick={() => setOffset(offset + PAGE)} />
      </Flex>
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <UserDrawer userId={openId} canManage={isAdmin} onClose={() => setOpenId(null)} />
    </Card>
  );
}
