import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { notifySuccess } from '../../lib/notify.tsx';
import { UnitSelect } from '../people/UnitSelect.tsx';
import { type Category, feedbackApi, type Rule } from './feedback.api.ts';

const DAYS = ['rejectDays', 'infoDays', 'answerDays', 'publishDays', 'reopenDays'] as const;
const MAX: Record<(typeof DAYS)[number], number> = {
  rejectDays: 60,
  infoDays: 60,
  answerDays: 120,
  publishDays: 60,
  reopenDays: 365,
};

/** Administrators: feedback categories (deadlines, "hot") and routing rules (category × area → unit). */
export default function FeedbackSettingsPage() {
  const { t } = useT();
  return (
    <Card title={t('feedbackUi.settingsTitle')}>
      <Tabs
        items={[
          { key: 'rules', label: t('feedbackUi.tabRules'), children: <Rules /> },
          { key: 'categories', label: t('feedbackUi.tabCategories'), children: <Categories /> },
        ]}
      />
    </Card>
  );
}

function Categories() {
  const { t, tx, lang } = useT();
  const qc = useQueryClient();
  const cats = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing === 'new'
        ? feedbackApi.createCategory(v)
        : feedbackApi.updateCategory((editing as Category).code, {
            ...Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'code')),
            version: (editing as Category).version,
          }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['feedback', 'categories'] });
      setEditing(null);
      notifySuccess(t('feedbackUi.saved'));
    },
  });
  const open = (c: Category | 'new') => {
    setEditing(c);
    form.setFieldsValue(
      c === 'new'
        ? { kind: 'field', hot: false, rejectDays: 2, infoDays: 5, answerDays: 15, publishDays: 2, reopenDays: 10 }
        : c,
    );
  };
  return (
    <>
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 12 }}>
        {t('feedbackUi.addCategory')}
      </Button>
      <Table<Category>
        rowKey="code"
        size="small"
        data-testid="categories-table"
        loading={cats.isLoading}
        dataSource={cats.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('feedbackUi.catName'),
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <span>{lang === 'en' ? c.nameEn : c.name}</span>
                <Typography.Text type="secondary">{c.code}</Typography.Text>
              </Space>
            ),
          },
          { title: t('feedbackUi.catKind'), dataIndex: 'kind', render: (k: string) => tx(`feedbackUi.kinds.${k}`, k) },
          {
            title: t('feedbackUi.hot'),
            dataIndex: 'hot',
            render: (h: boolean) => (h ? <Tag color="red">{t('feedbackUi.hotHint')}</Tag> : null),
          },
          ...DAYS.map((d) => ({ title: t(`feedbackUi.${d}`), dataIndex: d, width: 110, align: 'right' as const })),
          {
            title: t('feedbackUi.active'),
            dataIndex: 'active',
            render: (a: boolean) => (a ? t('common.yes') : t('common.no')),
          },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <Button size="small" onClick={() => open(c)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={
          editing === 'new'
            ? t('feedbackUi.addCategory')
            : t('feedbackUi.editCategory', { code: (editing as Category | null)?.code ?? '' })
        }
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="category-form">
          <Form.Item
            name="code"
            label={t('feedbackUi.catCode')}
            rules={[{ required: true, pattern: /^[a-z0-9_-]{2,40}$/, message: 'a-z 0-9 _ -' }]}
          >
            <Input disabled={editing !== 'new'} maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label={t('feedbackUi.catName')} rules={[{ required: true, max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('feedbackUi.catNameEn')} rules={[{ required: true, max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={t('feedbackUi.catKind')} rules={[{ required: true }]}>
            <Select
              options={['procedure', 'officer', 'field'].map((k) => ({
                value: k,
                label: tx(`feedbackUi.kinds.${k}`, k),
              }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="hot" label={t('feedbackUi.hot')} valuePropName="checked" extra={t('feedbackUi.hotHint')}>
              <Switch />
            </Form.Item>
            <Form.Item name="active" label={t('feedbackUi.active')} valuePropName="checked" initialValue>
              <Switch />
            </Form.Item>
          </Space>
          <Space wrap>
            {DAYS.map((d) => (
              <Form.Item key={d} name={d} label={t(`feedbackUi.${d}`)} rules={[{ required: true }]}>
                <InputNumber min={d === 'answerDays' ? 1 : 0} max={MAX[d]} precision={0} />
              </Form.Item>
            ))}
          </Space>
        </Form>
      </Modal>
    </>
  );
}

const HEAD_OPTIONS = ['inherit', 'yes', 'no'] as const;
const headValue = (h: boolean | null) => (h === null ? 'inherit' : h ? 'yes' : 'no');
const headFrom = (v: string) => (v === 'inherit' ? null : v === 'yes');

function Rules() {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ['feedback', 'rules'], queryFn: feedbackApi.rules });
  const cats = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const catName = new Map((cats.data ?? []).map((c) => [c.code, lang === 'en' ? c.nameEn : c.name]));
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const [form] = Form.useForm();
  const fold = (x: string) =>
    x
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
  const shown = (rules.data ?? []).filter((r) => {
    if (!filter.trim()) return true;
    const text = fold(
      [
        r.categoryCode ? catName.get(r.categoryCode) : t('feedbackUi.anyCategory'),
        r.areaName ?? t('feedbackUi.anyArea'),
        r.responsibleUnitName,
        r.note,
      ].join(' '),
    );
    return fold(filter)
      .split(/\s+/)
      .every((w) => text.includes(w));
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['feedback', 'rules'] });
  const save = useMutation({
    mutationFn: (v: {
      categoryCode?: string;
      areaUnitId?: string;
      responsibleUnitId: string;
      head: string;
      note?: string;
    }) =>
      editing === 'new'
        ? feedbackApi.createRule({
            categoryCode: v.categoryCode ?? null,
            areaUnitId: v.areaUnitId ?? null,
            responsibleUnitId: v.responsibleUnitId,
            headAnswers: headFrom(v.head),
            note: v.note ?? '',
          })
        : feedbackApi.updateRule((editing as Rule).id, {
            responsibleUnitId: v.responsibleUnitId,
            headAnswers: headFrom(v.head),
            note: v.note ?? '',
            version: (editing as Rule).version,
          }),
    onSuccess: async () => {
      await refresh();
      setEditing(null);
      notifySuccess(t('feedbackUi.saved'));
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => feedbackApi.deleteRule(id), onSuccess: () => refresh() });
  const open = (r: Rule | 'new') => {
    setEditing(r);
    form.resetFields();
    if (r !== 'new')
      form.setFieldsValue({
        categoryCode: r.categoryCode ?? undefined,
        areaUnitId: r.areaUnitId ?? undefined,
        responsibleUnitId: r.responsibleUnitId,
        head: headValue(r.headAnswers),
        note: r.note ?? '',
      });
    else form.setFieldsValue({ head: 'inherit' });
  };
  const headLabel = (v: string) =>
    v === 'inherit' ? t('feedbackUi.headInherit') : v === 'yes' ? t('feedbackUi.headYes') : t('feedbackUi.headNo');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('feedbackUi.rulesIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => open('new')} data-testid="add-rule">
          {t('feedbackUi.addRule')}
        </Button>
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t('feedbackUi.rulesFilter')}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="rules-filter"
        />
      </Space>
      <Table<Rule>
        rowKey="id"
        size="small"
        data-testid="rules-table"
        loading={rules.isLoading}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('feedbackUi.ruleCategory'),
            dataIndex: 'categoryCode',
            render: (c: string | null) =>
              c ? (
                (catName.get(c) ?? c)
              ) : (
                <Typography.Text type="secondary">{t('feedbackUi.anyCategory')}</Typography.Text>
              ),
          },
          {
            title: t('feedbackUi.ruleArea'),
            dataIndex: 'areaName',
            render: (a: string | null) =>
              a ?? <Typography.Text type="secondary">{t('feedbackUi.anyArea')}</Typography.Text>,
          },
          { title: t('feedbackUi.ruleUnit'), dataIndex: 'responsibleUnitName' },
          {
            title: t('feedbackUi.ruleHead'),
            dataIndex: 'headAnswers',
            render: (h: boolean | null) => (
              <Tag color={h ? 'red' : h === false ? 'blue' : undefined} style={{ whiteSpace: 'normal' }}>
                {headLabel(headValue(h))}
              </Tag>
            ),
          },
          { title: t('feedbackUi.ruleNote'), dataIndex: 'note', ellipsis: true },
          {
            title: t('common.actions'),
            width: 170,
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => open(r)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('feedbackUi.deleteRuleConfirm')} onConfirm={() => remove.mutate(r.id)}>
                  <Button size="small" danger>
                    {t('feedbackUi.deleteRule')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('feedbackUi.addRule') : t('feedbackUi.editRule')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="rule-form">
          <Form.Item name="categoryCode" label={t('feedbackUi.ruleCategory')}>
            <Select
              allowClear
              disabled={editing !== 'new'}
              placeholder={t('feedbackUi.anyCategory')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(cats.data ?? []).map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.name }))}
            />
          </Form.Item>
          <Form.Item name="areaUnitId" label={t('feedbackUi.ruleArea')}>
            <UnitSelect disabled={editing !== 'new'} placeholder={t('feedbackUi.anyArea')} />
          </Form.Item>
          <Form.Item
            name="responsibleUnitId"
            label={t('feedbackUi.ruleUnit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitSelect />
          </Form.Item>
          <Form.Item name="head" label={t('feedbackUi.ruleHead')} rules={[{ required: true }]}>
            <Select options={HEAD_OPTIONS.map((v) => ({ value: v, label: headLabel(v) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('feedbackUi.ruleNote')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
