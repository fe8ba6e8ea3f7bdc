import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { todayInVietnam } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api, apiUrl } from '../../lib/api.ts';
import { notifyError, notifySuccess } from '../../lib/notify.tsx';
import { LunarDatePicker, SolarLunarDate, useWorkingDays } from '../calendar/index.ts';
import { type Dossier, STATUS_COLOURS, vnDate, vnDateTime } from './dossiers.api.ts';
import FeeCard from './FeeCard.tsx';

const NEEDS = {
  reason: ['refuse_intake', 'return_step', 'refuse', 'stop', 'apologise'],
  missing: ['request_supplement'],
  date: ['apologise'],
};

/** One dossier: facts, workflow with the current step's due date, history, files, forms and the actions I may take. */
export default function DossierDetail() {
  const { id } = useParams();
  const { t } = useT();
  const qc = useQueryClient();
  const [action, setAction] = useState<string | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['dossier', id], queryFn: () => api.get<Dossier>(`/dossiers/${id}`) });
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const isWorking = useWorkingDays([thisYear, thisYear + 1]);
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Dossier>(`/dossiers/${id}/transitions`, body),
    onSuccess: (d) => {
      qc.setQueryData(['dossier', id], d);
      qc.invalidateQueries({ queryKey: ['dossiers'] });
      setAction(null);
      notifySuccess(t('dossiers.actionDone'));
    },
    onError: (e) => {
      notifyError(e);
      qc.invalidateQueries({ queryKey: ['dossier', id] });
    },
  });
  const d = q.data;
  if (!d) return <Card loading={q.isLoading} />;
  const run = (a: string) => {
    if (NEEDS.reason.includes(a) || NEEDS.missing.includes(a)) {
      form.resetFields();
      setAction(a);
    } else act.mutate({ action: a, version: d.version });
  };
  const current = d.steps?.findIndex((s) => s.state === 'current') ?? -1;
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{t('dossiers.detailTitle', { code: d.code })}</Typography.Text>
            <Tag color={STATUS_COLOURS[d.status]}>
              {d.statusName} ({d.nationalCode})
            </Tag>
            {d.overdue && <Tag color="red">{t('dossiers.overdue')}</Tag>}
            {d.dueSoon && <Tag color="orange">{t('dossiers.dueSoon')}</Tag>}
          </Flex>
        }
        extra={
          <Space wrap>
            {d.allowedActions.map((a) => (
              <Button
                key={a}
                type={['accept', 'transfer', 'approve', 'return_result'].includes(a) ? 'primary' : 'default'}
                danger={['refuse_intake', 'refuse', 'stop'].includes(a)}
                onClick={() => run(a)}
                loading={act.isPending}
              >
                {t(`dossiers.action_${a}` as never)}
              </Button>
            ))}
          </Space>
        }
      >
        {d.dueDateOnDayOff && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="due-on-day-off"
            title={t('dossiers.dueOnDayOffStaff', { date: vnDate(d.dueDate) })}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('dossiers.procedure')} span={3}>
            {d.procedure.name} ({d.procedure.code})
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.applicant')}>{d.applicant.name}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.phone')}>{d.applicant.phone}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.channel')}>
            {t(`dossiers.channel_${d.channel}` as never)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.receivingUnit')}>{d.receivingUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.holder')}>{d.holderUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.submittedAt')}>{vnDateTime(d.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.receivedAt')}>{vnDateTime(d.receivedAt)}</Descriptions.Item>
          {d.effectiveReceiptDate && (
            <Descriptions.Item label={t('dossiers.countedFrom')}>
              <SolarLunarDate date={d.effectiveReceiptDate} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('dossiers.dueDate')}>
            <SolarLunarDate date={d.dueDate} strong provisional={d.dueDateProvisional} />
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.originalDueDate')}>
            {d.originalDueDate ? <SolarLunarDate date={d.originalDueDate} /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.stepDue')}>{vnDate(d.stepDueDate)}</Descriptions.Item>
          {d.reason && <Descriptions.Item label={t('dossiers.reason')}>{d.reason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('dossiers.steps')} size="small">
        <Steps
          size="small"
          current={current < 0 ? d.steps?.length : current}
          items={d.steps?.map((s) => ({
            title: s.name,
            description: s.dueDate
              ? `${t('dossiers.dueDate')}: ${vnDate(s.dueDate)}`
              : s.days
                ? t('dossiers.days', { n: s.days })
                : undefined,
            status: s.state === 'done' ? 'finish' : s.state === 'current' ? 'process' : 'wait',
          }))}
        />
      </Card>
      <Flex gap={16} wrap>
        <Card title={t('dossiers.history')} size="small" style={{ flex: 2, minWidth: 360 }}>
          <Timeline
            items={d.history?.map((h) => ({
              children: (
                <>
                  <Typography.Text strong>{t(`dossiers.action_${h.action}` as never)}</Typography.Text> —{' '}
                  {vnDateTime(h.at)} {h.actorName ? `· ${h.actorName}` : ''}
                  <div style={{ color: '#666' }}>{[h.stepName, h.unitName, h.note].filter(Boolean).join(' · ')}</div>
                </>
              ),
            }))}
          />
        </Card>
        <Flex vertical gap={16} style={{ flex: 1, minWidth: 280 }}>
          <FeeCard d={d} />
          <Card title={t('dossiers.files')} size="small">
            {d.files?.length
              ? d.files.map((f) => (
                  <div key={f.id}>
                    <a href={apiUrl(`/dossiers/${d.id}/files/${f.id}`)}>{f.fileName}</a>{' '}
                    <Tag>{t(`dossiers.fileKind_${f.kind}` as never)}</Tag>
                  </div>
                ))
              : '—'}
          </Card>
          <Card title={t('dossiers.forms')} size="small">
            {d.forms.length
              ? d.forms.map((f) => (
                  <div key={f}>
                    <a href={apiUrl(`/dossiers/${d.id}/forms/${f}`)} target="_blank" rel="noreferrer">
                      {t(`dossiers.form_${f}` as never)}
                    </a>
                  </div>
                ))
              : '—'}
          </Card>
        </Flex>
      </Flex>
      <Modal
        open={!!action}
        title={action ? t(`dossiers.action_${action}` as never) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
      >
        <Form
          form={form}
          name="dossier-action"
          layout="vertical"
          onFinish={(v: { reason?: string; missing?: string; newDueDate?: { format(f: string): string } }) =>
            act.mutate({
              action,
              version: d.version,
              ...(v.reason ? { reason: v.reason } : {}),
              ...(v.missing
                ? {
                    missing: v.missing
                      .split('\n')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  }
                : {}),
              ...(v.newDueDate ? { newDueDate: v.newDueDate.format('YYYY-MM-DD') } : {}),
            })
          }
        >
          {action && NEEDS.missing.includes(action) && (
            <Form.Item name="missing" label={t('dossiers.missing')} rules={[{ required: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          )}
          {action && NEEDS.reason.includes(action) && (
            <Form.Item name="reason" label={t('dossiers.reason')} rules={[{ required: true, min: 3 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {action && NEEDS.date.includes(action) && (
            <Form.Item name="newDueDate" label={t('dossiers.newDueDate')} rules={[{ required: true }]}>
              <LunarDatePicker
                format="DD/MM/YYYY"
                // a new date is a working day after today (Vietnam time)
                disabledDate={(day) => day.format('YYYY-MM-DD') <= todayInVietnam() || !isWorking(day)}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Flex>
  );
}
