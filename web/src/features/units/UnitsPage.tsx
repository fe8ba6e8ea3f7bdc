import { DownloadOutlined, EditOutlined, MoreOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Flex, Input, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { type Key, useEffect, useMemo, useState } from 'react';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { apiUrl } from '../../lib/api.ts';
import { branchIds, buildTree, filterWithAncestors, fold, lineage, type UnitNode } from './tree.ts';
import { UnitCloseModal } from './UnitCloseModal.tsx';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal.tsx';
import { UnitImport } from './UnitImport.tsx';
import { type Unit, useUnits } from './units.api.ts';

const BLOCK_COLORS: Record<string, string> = { districts: 'geekblue', departments: 'purple', wards: 'green' };

/** The organisation tree in the user's scope; administrators create, edit, close, import and export. */
export default function UnitsPage() {
  const { t, tx, formatDate } = useT();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [includeClosed, setIncludeClosed] = useState(false);
  // The whole scope is loaded once and searched here, so that matches keep their place in the tree
  // and 'thuong cat' finds 'Thượng Cát'.
  const { data: units = [], isFetching } = useUnits({ includeClosed });
  const shown = useMemo(() => filterWithAncestors(units, q), [units, q]);
  const tree = useMemo(() => buildTree(shown), [shown]);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  // Searching opens every branch; otherwise only the top level is open.
  useEffect(() => setExpanded(q ? branchIds(tree) : tree.map((n) => n.id)), [tree, q]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const adminOn = useMemo(
    () => new Set((me?.grants ?? []).filter((g) => g.role === 'admin' && g.unitId).map((g) => g.unitId!)),
    [me],
  );
  const canManage = (u: Unit) => lineage(byId, u.id).some((x) => adminOn.has(x.id));
  const [form, setForm] = useState<UnitFormTarget | null>(null);
  const [closing, setClosing] = useState<Unit | null>(null);

  const columns: ColumnsType<UnitNode> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      render: (_: unknown, u) => (
        <Flex vertical>
          <span>
            <Typography.Text strong={u.depth < 2} delete={!!u.validTo} mark={!!q && fold(u.name).includes(fold(q))}>
              {u.name}
            </Typography.Text>
            {u.validTo && (
              <Tag color="default" style={{ marginInlineStart: 8 }}>
                {t('units.closed')}
              </Tag>
            )}
          </span>
          {u.successorId && byId.get(u.successorId) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              → {byId.get(u.successorId)!.name}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('units.code'),
      dataIndex: 'code',
      width: 150,
      responsive: ['md'],
      render: (c: string) => <code>{c}</code>,
    },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (k: string) => <Tag color="volcano">{tx(`unitKinds.${k}`, k)}</Tag>,
    },
    {
      title: t('units.block'),
      dataIndex: 'block',
      width: 170,
      responsive: ['lg'],
      render: (b: string | null) => (b ? <Tag color={BLOCK_COLORS[b] ?? 'default'}>{tx(`blocks.${b}`, b)}</Tag> : null),
    },
    {
      title: t('units.validFrom'),
      dataIndex: 'validFrom',
      width: 120,
      responsive: ['lg'],
      render: (d: string) => formatDate(d),
    },
    ...(includeClosed
      ? [{ title: t('units.validTo'), dataIndex: 'validTo', width: 120, render: (d: string | null) => formatDate(d) }]
      : []),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      align: 'center',
      render: (_: unknown, u) =>
        canManage(u) && !u.validTo ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'child',
                  icon: <PlusOutlined />,
                  label: t('units.createChild'),
                  onClick: () => setForm({ mode: 'create', parent: u }),
                },
                {
                  key: 'edit',
                  icon: <EditOutlined />,
                  label: t('common.edit'),
                  onClick: () => setForm({ mode: 'edit', unit: u }),
                },
                ...(u.parentId
                  ? [
                      {
                        key: 'close',
                        danger: true,
                        icon: <StopOutlined />,
                        label: t('units.closeAction'),
                        onClick: () => setClosing(u),
                      },
                    ]
                  : []),
              ],
            }}
          >
            <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
          </Dropdown>
        ) : null,
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('units.title')}
        </Typography.Title>
      }
      extra={<Typography.Text type="secondary">{t('units.count', { count: shown.length })}</Typography.Text>}
    >
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Input.Search
            allowClear
            placeholder={t('units.searchPlaceholder')}
            onSearch={(v) => setQ(v.trim())}
            onChange={(e) => !e.target.value && setQ('')}
            style={{ width: 300, maxWidth: '100%' }}
            data-testid="unit-search"
          />
          <Flex gap={8} align="center">
            <Switch size="small" id="units-include-closed" checked={includeClosed} onChange={setIncludeClosed} />
            <label htmlFor="units-include-closed" style={{ cursor: 'pointer' }}>
              {t('units.includeClosed')}
            </label>
          </Flex>
        </Flex>
        <Flex wrap gap={8}>
          <Button icon={<DownloadOutlined />} href={apiUrl('/units/export', { format: 'xlsx' })} download>
            {t('units.exportXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={apiUrl('/units/export', { format: 'csv' })} download>
            {t('units.exportCsv')}
          </Button>
          {adminOn.size > 0 && <UnitImport />}
        </Flex>
      </Flex>
      <Table<UnitNode>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={tree}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded, indentSize: 20 }}
        locale={{ emptyText: t('units.empty') }}
        data-testid="unit-tree"
      />
      <UnitFormModal target={form} onClose={() => setForm(null)} />
      <UnitCloseModal unit={closing} units={units} onClose={() => setClosing(null)} />
    </Card>
  );
}
