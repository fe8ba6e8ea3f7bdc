import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Table,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { allowed } from '../../lib/roles.ts';
import { UnitSelect } from '../people/UnitSelect.tsx';
import { buildTree, type UnitNode } from '../units/tree.ts';
import { type Unit, useUnits } from '../units/units.api.ts';

interface GroupRow {
  id: string;
  code: string;
  year: number;
  name: string;
  ownerUnitCode: string;
}
interface GroupView extends GroupRow {
  nameEn: string | null;
  labelVi: string;
  labelEn: string | null;
  units: { unitCode: string; unitName: string; block: string | null }[];
  frozen: boolean;
  version: string;
}
interface Values {
  code: string;
  year: number;
  name: string;
  labelVi: string;
  ownerUnitId: string;
}
type Member = { unitCode: string; block: string };

const KNOWN_BLOCKS = ['districts', 'departments', 'wards'];

/**
 * Peer groups (nhóm xếp hạng) of the coordinator's scope: name, year, member units picked on the
 * unit tree under the owner unit, and the block of each member (for block averages).
 */
export default function PeerGroupsPage() {
  const { t, tx } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  // appraisers and leaders see the groups; coordinators (and administrators) make and edit them
  const manager = allowed(useMe().data, ['reform_coordinator', 'admin']);
  const creating = params.get('new') === '1';
  const list = useQuery({
    queryKey: ['ri-groups'],
    queryFn: ({ signal }) => api.get<GroupRow[]>('/reform-index/groups', undefined, signal),
  });
  const one = useQuery({
    queryKey: ['ri-group', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<GroupView>(`/reform-index/groups/${id}`, undefined, signal),
  });
  const { data: units = [] } = useUnits();
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const [form] = Form.useForm<Values>();
  const [members, setMembers] = useState<Member[]>([]);
  const ownerId = Form.useWatch('ownerUnitId', form);
  const group = id ? one.data : undefined;
  const frozen = !!group?.frozen;

  // the form follows the selected group, or starts empty (owner: the first unit of the scope)
  useEffect(() => {
    if (group) {
      form.setFieldsValue({
        code: group.code,
        year: group.year,
        name: group.name,
        labelVi: group.labelVi,
        ownerUnitId: byCode.get(group.ownerUnitCode)?.id,
      });
      setMembers(group.units.map((m) => ({ unitCode: m.unitCode, block: m.block ?? '' })));
    } else if (creating) {
      form.resetFields();
      form.setFieldsValue({ year: new Date().getFullYear(), ownerUnitId: units[0]?.id });
      setMembers([]);
    }
  }, [group, creating, form, byCode, units]);

  const owner = ownerId ? byId.get(ownerId) : undefined;
  // the owner's subtree without the owner itself: the units that may be members
  const tree = useMemo<TreeDataNode[]>(() => {
    if (!owner) return [];
    const inside = new Set([owner.id]);
    // parents come before children in the list: one pass collects the subtree
    const under = units.filter((u) => {
      if (u.parentId && inside.has(u.parentId)) inside.add(u.id);
      return u.id !== owner.id && inside.has(u.id);
    });
    const toNode = (n: UnitNode): TreeDataNode => ({
      key: n.code,
      title: `${n.name} (${n.code})`,
      children: n.children?.map(toNode),
    });
    return buildTree(under).map(toNode);
  }, [owner, units]);

  // quick picks: every unit of one block under the owner (e.g. the 13 wards of a district, the 30 districts of the city)
  const byBlock = useMemo(() => {
    const out = new Map<string, string[]>();
    const walk = (ns: TreeDataNode[]) => {
      for (const n of ns) {
        const b = byCode.get(String(n.key))?.block;
        if (b) out.set(b, [...(out.get(b) ?? []), String(n.key)]);
        if (n.children) walk(n.children);
      }
    };
    walk(tree);
    return [...out.entries()];
  }, [tree, byCode]);

  const pick = (codes: string[]) => {
    const kept = members.filter((m) => codes.includes(m.unitCode));
    const added = codes
      .filter((c) => !members.some((m) => m.unitCode === c))
      .map((c) => ({ unitCode: c, block: (byCode.get(c) as Unit | undefined)?.block ?? '' }));
    setMembers([...kept, ...added]);
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        labelVi: v.labelVi.trim(),
        units: members.map((m) => ({ unitCode: m.unitCode, ...(m.block ? { block: m.block } : {}) })),
      };
      return group
        ? api.patch<GroupView>(`/reform-index/groups/${group.id}`, { ...body, version: group.version })
        : api.post<GroupView>('/reform-index/groups', {
            ...body,
            code: v.code.trim(),
            year: v.year,
            ownerUnitCode: byId.get(v.ownerUnitId)?.code,
          });
    },
    meta: { silent: true },
    onSuccess: async (saved) => {
      notifySuccess(t('reformIndex.groupSaved'));
      await qc.invalidateQueries({ queryKey: ['ri-groups'] });
      await qc.invalidateQueries({ queryKey: ['ri-group', saved.id] });
      setParams({ id: saved.id });
    },
  });

  const required = [{ required: true, message: t('common.required') }];
  const editing = !!group || creating;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card
          title={t('reformIndex.navGroups')}
          extra={
            manager && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setParams({ new: '1' })}
                data-testid="ri-new-group"
              >
                {t('reformIndex.newGroup')}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('reformIndex.groupsText')}</Typography.Paragraph>
          <Table<GroupRow>
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            onRow={(r) => ({ onClick: () => setParams({ id: r.id }), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.id === id ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('reformIndex.year'), dataIndex: 'year', width: 70 },
              { title: t('reformIndex.groupName'), dataIndex: 'name' },
              { title: t('reformIndex.ownerUnit'), dataIndex: 'ownerUnitCode', width: 110 },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={group ? t('reformIndex.editGroup') : t('reformIndex.newGroup')}
          loading={!!id && one.isLoading}
          extra={
            group && (
              <Button onClick={() => navigate(`/reform-index/frameworks?copyTo=${group.id}`)}>
                {t('reformIndex.frameworkForGroup')}
              </Button>
            )
          }
        >
          {!editing ? (
            <Empty description={t('reformIndex.groupsText')} />
          ) : (
            <Form<Values> form={form} name="ri-group" layout="vertical" onFinish={(v) => save.mutate(v)}>
              {frozen && (
                <Alert type="info" showIcon title={t('reformIndex.groupFrozen')} style={{ marginBottom: 12 }} />
              )}
              {save.error && (
                <Alert
                  type="error"
                  showIcon
                  title={save.error.message}
                  style={{ marginBottom: 12 }}
                  data-testid="ri-group-error"
                />
              )}
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="code" label={t('reformIndex.groupCode')} rules={required}>
                    <Input disabled={!!group} maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="year" label={t('reformIndex.year')} rules={required}>
                    <InputNumber disabled={!!group} min={2000} max={2100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="ownerUnitId" label={t('reformIndex.ownerUnit')} rules={required}>
                    <UnitSelect disabled={!!group} onChange={() => setMembers([])} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="name" label={t('reformIndex.groupName')} rules={required}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item name="labelVi" label={t('reformIndex.groupLabel')} rules={required}>
                <Input maxLength={120} placeholder="quận, huyện, thị xã" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={11}>
                  <Typography.Text strong>{t('reformIndex.pickMembers')}</Typography.Text>
                  <Flex gap={4} wrap style={{ marginTop: 6 }} data-testid="ri-group-quick-picks">
                    {byBlock.map(([b, codes]) => (
                      <Button
                        key={b}
                        size="small"
                        disabled={frozen}
                        icon={<PlusOutlined />}
                        onClick={() => pick([...new Set([...members.map((m) => m.unitCode), ...codes])])}
                      >
                        {tx(`reformIndex.block_${b}`, b)} ({codes.length})
                      </Button>
                    ))}
                  </Flex>
                  <div
                    style={{ maxHeight: 380, overflow: 'auto', border: '1px solid #f0f0f0', marginTop: 6, padding: 4 }}
                    data-testid="ri-group-unit-tree"
                  >
                    <Tree
                      key={owner?.id}
                      checkable
                      checkStrictly
                      selectable={false}
                      disabled={frozen}
                      defaultExpandAll
                      treeData={tree}
                      checkedKeys={members.map((m) => m.unitCode)}
                      onCheck={(keys) => pick((Array.isArray(keys) ? keys : keys.checked).map(String))}
                    />
                  </div>
                </Col>
                <Col xs={24} md={13}>
                  <Typography.Text strong>{t('reformIndex.memberUnits', { count: members.length })}</Typography.Text>
                  <Table<Member>
                    style={{ marginTop: 6 }}
                    size="small"
                    rowKey="unitCode"
                    data-testid="ri-group-members"
                    dataSource={members}
                    pagination={false}
                    scroll={{ y: 340 }}
                    locale={{ emptyText: t('reformIndex.noMembers') }}
                    columns={[
                      {
                        title: t('reformIndex.unit'),
                        dataIndex: 'unitCode',
                        render: (c: string) => byCode.get(c)?.shortName ?? c,
                      },
                      {
                        title: t('reformIndex.block'),
                        dataIndex: 'block',
                        width: 190,
                        render: (b: string, m) => (
                          <AutoComplete
                            size="small"
                            style={{ width: '100%' }}
                            value={b}
                            disabled={frozen}
                            aria-label={`${t('reformIndex.block')} ${m.unitCode}`}
                            options={KNOWN_BLOCKS.map((k) => ({ value: k, label: tx(`reformIndex.block_${k}`, k) }))}
                            onChange={(v) =>
                              setMembers(members.map((x) => (x.unitCode === m.unitCode ? { ...x, block: v } : x)))
                            }
                          />
                        ),
                      },
                    ]}
                  />
                  <Flex gap={4} wrap style={{ marginTop: 8 }}>
                    {[...new Set(members.map((m) => m.block).filter(Boolean))].map((b) => (
                      <Tag key={b}>
                        {tx(`reformIndex.block_${b}`, b)}: {members.filter((m) => m.block === b).length}
                      </Tag>
                    ))}
                  </Flex>
                </Col>
              </Row>
              <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
                <Button onClick={() => setParams({})}>{t('common.cancel')}</Button>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={save.isPending}
                  disabled={!members.length || !manager}
                  data-testid="ri-save-group"
                >
                  {t('common.save')}
                </Button>
              </Flex>
            </Form>
          )}
        </Card>
      </Col>
    </Row>
  );
}
