import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { notifySuccess } from '../../lib/notify.tsx';
import { ACTIONS_FROM, type Detail, feedbackApi, STATUSES, type StaffView } from './feedback.api.ts';

const DEADLINE_COLOR: Record<string, string> = { ok: 'green', near: 'orange', overdue: 'red' };

/** Items that still need work: everything but rejected and published ones. */
const OPEN_STATUSES = STATUSES.filter((s) => s !== 'rejected' && s !== 'published');

/** Staff inbox: items of the actor's units, sorted by answer date, with filters and a detail drawer. */
export default function FeedbackInboxPage() {
  const { t, tx, formatDate } = useT();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  // an inbox shows what still needs work unless asked for everything (or for one status)
  const [openOnly, setOpenOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const status = filters.status ?? (openOnly ? OPEN_STATUSES.join(',') : undefined);
  const list = useQuery({
    queryKey: ['feedback', 'inbox', filters, openOnly, page],
    queryFn: () => feedbackApi.inbox({ ...filters, status, limit: 20, offset: (page - 1) * 20 }),
  });
  return (
    <Card title={t('feedback.inboxTitle')}>
      <Form
        layout="inline"
        onFinish={(v) => {
          setFilters(v);
          setPage(1);
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input.Search placeholder={t('feedback.searchHint')} allowClear style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('feedback.statusLabel')}
            style={{ width: 200 }}
            options={STATUSES.map((s) => ({ value: s, label: tx(`feedback.status.${s}`, s) }))}
          />
        </Form.Item>
        <Form.Item name="deadlineState">
          <Select
            allowClear
            placeholder={t('feedback.deadline')}
            style={{ width: 160 }}
            options={['ok', 'near', 'overdue'].map((s) => ({ value: s, label: tx(`feedback.deadlineState.${s}`, s) }))}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={openOnly}
            onChange={(e) => {
              setOpenOnly(e.target.checked);
              setPage(1);
            }}
          >
            {t('feedback.openOnly')}
          </Checkbox>
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('common.filter')}
        </Button>
      </Form>
      <Table<StaffView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('feedback.code'), dataIndex: 'code', width: 160 },
          { title: t('feedback.title'), dataIndex: 'title', ellipsis: true },
          { title: t('feedback.ward'), dataIndex: 'areaName', width: 170, ellipsis: true },
          { title: t('feedback.unit'), dataIndex: 'responsibleUnitName', width: 190, ellipsis: true },
          {
            title: t('feedback.statusLabel'),
            dataIndex: 'status',
            width: 150,
            render: (s: string) => <Tag>{tx(`feedback.status.${s}`, s)}</Tag>,
          },
          {
            title: t('feedback.answerDue'),
            dataIndex: 'answerDue',
            width: 130,
            render: (d: string, r) => (
              <>
                <Tag color={DEADLINE_COLOR[r.deadlineState]}>{formatDate(d)}</Tag>
                <EscalationTag level={r.escalationLevel} />
              </>
            ),
          },
        ]}
      />
      <Drawer
        open={!!openId}
        onClose={() => setOpenId(null)}
        size="large"
        title={t('feedback.detailTitle')}
        destroyOnHidden
      >
        {openId && <ItemDetail id={openId} />}
      </Drawer>
    </Card>
  );
}

function ItemDetail({ id }: { id: string }) {
  const { t, tx, formatDate, formatDateTime } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [action, setAction] = useState<string | null>(null);
  const d = useQuery({ queryKey: ['feedback', 'item', id], queryFn: () => feedbackApi.detail(id) });
  const cats = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const act = useMutation({
    mutationFn: (v: Record<string, unknown>) => feedbackApi.act(id, { ...v, action, version: d.data!.version }),
    onSuccess: (next: Detail) => {
      qc.setQueryData(['feedback', 'item', id], next);
      qc.invalidateQueries({ queryKey: ['feedback', 'inbox'] });
      notifySuccess(tx(`feedback.action.${action}`, action ?? ''));
      setAction(null);
      form.resetFields();
    },
  });
  // one click on a suggestion links this item to it (one answer will close both)
  const linkTo = useMutation({
    mutationFn: (code: string) =>
      feedbackApi.act(id, { action: 'link_duplicate', version: d.data!.version, duplicateOfCode: code }),
    onSuccess: (next: Detail) => {
      qc.setQueryData(['feedback', 'item', id], next);
      qc.invalidateQueries({ queryKey: ['feedback', 'inbox'] });
      notifySuccess(tx('feedback.action.link_duplicate', 'link_duplicate'));
    },
  });
  if (!d.data) return null;
  const i = d.data;
  const actions = ACTIONS_FROM[i.status] ?? [];
  return (
    <>
      <Typography.Title level={4}>{i.title}</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('feedback.code')}>{i.code}</Descriptions.Item>
        <Descriptions.Item label={t('feedback.statusLabel')}>
          <Tag>{tx(`feedback.status.${i.status}`, i.status)}</Tag>
          {i.headAnswers && <Tag color="volcano">{t('feedback.hot')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.category')}>
          {cats.data?.find((c) => c.code === i.categoryCode)?.name ?? i.categoryCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.channel')}>
          {tx(`feedback.channels.${i.channel}`, i.channel)}
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.place')}>{`${i.address} (${i.areaName ?? ''})`}</Descriptions.Item>
        <Descriptions.Item label={t('feedback.unit')}>{i.responsibleUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('feedback.sender')}>
          {[i.reporter.name, i.reporter.address, i.reporter.phone, i.reporter.email].filter(Boolean).join(' · ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.answerDue')}>
          <Tag color={DEADLINE_COLOR[i.deadlineState]}>{formatDate(i.answerDue)}</Tag>
          {i.answerDueOnDayOff && (
            <Tooltip title={t('feedbackUi.dueOnDayOffHint')}>
              <Tag color="red">{t('feedbackUi.dueOnDayOff')}</Tag>
            </Tooltip>
          )}
          {i.answerDueProvisional && (
            <Tooltip title={t('calendar.provisionalHint')}>
              <Tag color="orange">{t('calendar.provisional')}</Tag>
            </Tooltip>
          )}
          <EscalationTag level={i.escalationLevel} /> {formatDateTime(i.receivedAt)}
        </Descriptions.Item>
        {i.dossierCode && <Descriptions.Item label={t('feedback.dossierCode')}>{i.dossierCode}</Descriptions.Item>}
        {i.duplicateOfCode && (
          <Descriptions.Item label={t('feedback.duplicateOf')}>{i.duplicateOfCode}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{i.content}</Typography.Paragraph>
      {i.answerText && (
        <Card size="small" title={t('feedback.answer')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{i.answerText}</Typography.Paragraph>
        </Card>
      )}
      {i.similar.length > 0 && (
        <Card size="small" title={t('feedback.similar')} style={{ marginBottom: 12 }}>
          {i.similar.map((s) => (
            <Space key={s.id} style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
              <span>{`${s.code} — ${s.title} (${Math.round(s.score * 100)}%)`}</span>
              {actions.includes('link_duplicate') && (
                <Button
                  size="small"
                  onClick={() => linkTo.mutate(s.code)}
                  loading={linkTo.isPending && linkTo.variables === s.code}
                  data-testid={`link-${s.code}`}
                >
                  {t('feedbackUi.linkDuplicate')}
                </Button>
              )}
            </Space>
          ))}
        </Card>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        {actions.map((a) => (
          <Button
            key={a}
            type={action === a ? 'primary' : 'default'}
            onClick={() => setAction(a)}
            data-testid={`action-${a}`}
          >
            {tx(`feedback.action.${a}`, a)}
          </Button>
        ))}
      </Space>
      {action && (
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          {action === 'draft_answer' && (
            <Form.Item
              name="answer"
              label={t('feedback.answer')}
              initialValue={i.answerText ?? ''}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={5} />
            </Form.Item>
          )}
          {action === 'recategorise' && (
            <Form.Item name="categoryCode" label={t('feedback.category')} rules={[{ required: true }]}>
              <Select options={(cats.data ?? []).map((c) => ({ value: c.code, label: c.name }))} />
            </Form.Item>
          )}
          {action === 'link_duplicate' && (
            <Form.Item name="duplicateOfCode" label={t('feedback.duplicateOf')} rules={[{ required: true }]}>
              <Input placeholder="PAKN-2024-000001" />
            </Form.Item>
          )}
          {action === 'transfer' && (
            <Form.Item name="unitId" label={t('feedback.unit')} rules={[{ required: true }]}>
              <Input placeholder="unit id" />
            </Form.Item>
          )}
          {['reject', 'request_info', 'supply_info', 'transfer', 'recategorise', 'return_draft'].includes(action) && (
            <Form.Item name="note" label={t('feedback.reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            {t('common.confirm')}
          </Button>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('feedback.history')}
      </Typography.Title>
      <Timeline
        items={i.events.map((e) => ({
          content: `${formatDateTime(e.at)} — ${tx(`feedback.action.${e.action}`, e.action)}${e.actorName ? ` (${e.actorName})` : ''}${e.note ? `: ${e.note}` : ''}`,
        }))}
      />
    </>
  );
}

/** Overdue items are reported up: 1 = to the unit head, 2 = to the leader. */
function EscalationTag({ level }: { level: number }) {
  const { t } = useT();
  if (!level) return null;
  return (
    <Tag color="volcano" data-testid="escalation-tag">
      {level >= 2 ? t('feedback.escalatedLeader') : t('feedback.escalatedHead')}
    </Tag>
  );
}
