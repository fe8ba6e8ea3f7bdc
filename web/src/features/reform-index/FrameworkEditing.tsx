import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { LunarDatePicker } from '../calendar/index.ts';
import { PointsInput } from './PointsInput.tsx';
import type { FrameworkDetail } from './reformIndex.api.ts';

type Crit = FrameworkDetail['criteria'][number];
const METHODS = ['appraisal', 'survey', 'computed'] as const;
const LEAF_RULES = ['tiered', 'proportional', 'threshold', 'yesNo', 'deduction', 'free'] as const;

interface NodeValues {
  name: string;
  maxPoints: number | null;
  method: Crit['method'];
  ruleKind: string;
  levels?: string;
  threshold?: number | null;
  evidenceRequired: boolean;
  allowNotApplicable: boolean;
}

const levelsText = (c: Crit) => (c.rule.levels ?? []).map((l) => `${l.points}=${l.label}`).join('; ');
/** "2.5=Tốt; 2=Đạt; 0=Không" → levels (entries without a number are left out; the server checks the rest). */
function parseLevels(text: string) {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [pts = '', ...label] = s.split('=');
      const points = Number(pts.trim().replace(',', '.'));
      return { points, label: label.join('=').trim() || pts.trim() };
    })
    .filter((l) => Number.isFinite(l.points));
}

function toCriterion(c: Crit, v: NodeValues, leaf: boolean): Partial<Crit> {
  const base = { name: v.name, maxPoints: v.maxPoints ?? 0 };
  if (!leaf) return base;
  const rule: Crit['rule'] & { threshold?: number } =
    v.ruleKind === 'tiered'
      ? { kind: 'tiered', levels: parseLevels(v.levels ?? '') }
      : v.ruleKind === 'threshold'
        ? { kind: 'threshold', threshold: v.threshold ?? 1 }
        : { kind: v.ruleKind };
  return {
    ...base,
    method: v.method,
    rule,
    evidenceRequired: v.evidenceRequired,
    allowNotApplicable: v.allowNotApplicable,
    ...(v.method === 'computed' ? {} : { metricKey: undefined }),
    ...(c.metricKey && v.method === 'computed' ? { metricKey: c.metricKey } : {}),
  };
}

/** The fields of one criterion of a draft framework; every change goes to the editor's working copy. */
export function CriterionForm({
  criterion,
  leaf,
  onChange,
}: {
  criterion: Crit;
  leaf: boolean;
  onChange(patch: Partial<Crit>): void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<NodeValues>();
  const ruleKind = Form.useWatch('ruleKind', form);
  const initial: NodeValues = {
    name: criterion.name,
    maxPoints: criterion.maxPoints,
    method: criterion.method,
    ruleKind: criterion.rule.kind,
    levels: levelsText(criterion),
    threshold: (criterion.rule as { threshold?: number }).threshold ?? null,
    evidenceRequired: criterion.evidenceRequired,
    allowNotApplicable: criterion.allowNotApplicable,
  };
  return (
    <Form<NodeValues>
      form={form}
      layout="vertical"
      size="small"
      name="ri-criterion"
      initialValues={initial}
      onValuesChange={(_, all) => onChange(toCriterion(criterion, { ...initial, ...all }, leaf))}
    >
      <Form.Item label={t('reformIndex.criterion')}>
        <Input value={criterion.code} disabled />
      </Form.Item>
      <Form.Item name="name" label={t('reformIndex.name')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="maxPoints" label={t('reformIndex.max')}>
        <PointsInput style={{ width: 140 }} />
      </Form.Item>
      {leaf && (
        <>
          <Form.Item name="method" label={t('reformIndex.method')}>
            <Select options={METHODS.map((m) => ({ value: m, label: t(`reformIndex.method_${m}`) }))} />
          </Form.Item>
          <Form.Item name="ruleKind" label={t('reformIndex.rule')}>
            <Select options={LEAF_RULES.map((r) => ({ value: r, label: t(`reformIndex.rule_${r}`) }))} />
          </Form.Item>
          {ruleKind === 'tiered' && (
            <Form.Item name="levels" label={t('reformIndex.levels')} extra={t('reformIndex.levelsHelp')}>
              <Input />
            </Form.Item>
          )}
          {ruleKind === 'threshold' && (
            <Form.Item name="threshold" label={t('reformIndex.threshold')}>
              <InputNumber min={0} max={1} step={0.05} decimalSeparator="," style={{ width: 140 }} />
            </Form.Item>
          )}
          <Form.Item name="evidenceRequired" label={t('reformIndex.evidenceRequired')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="allowNotApplicable" label={t('reformIndex.notApplicable')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    </Form>
  );
}

interface CycleValues {
  name: string;
  deadline: Dayjs;
  periodFrom: Dayjs;
  periodTo: Dayjs;
}

/** Opens the assessment cycle of a draft framework (which freezes it) and goes to the work screen. */
export function OpenCycleModal({
  open,
  framework,
  onClose,
}: {
  open: boolean;
  framework: FrameworkDetail;
  onClose(): void;
}) {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<CycleValues>();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        name: `Kỳ đánh giá ${framework.name}`,
        deadline: dayjs(`${framework.year}-11-30`),
        periodFrom: dayjs(`${framework.year}-01-01`),
        periodTo: dayjs(`${framework.year}-12-31`),
      });
  }, [open, framework, form]);
  const save = useMutation({
    mutationFn: (v: CycleValues) =>
      api.post('/reform-index/cycles', {
        frameworkId: framework.id,
        name: v.name.trim(),
        deadline: v.deadline.format('YYYY-MM-DD'),
        periodFrom: v.periodFrom.format('YYYY-MM-DD'),
        periodTo: v.periodTo.format('YYYY-MM-DD'),
      }),
    meta: { silent: true },
    onSuccess: async () => {
      notifySuccess(t('reformIndex.cycleOpened'));
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['ri-framework', framework.id] }),
        qc.invalidateQueries({ queryKey: ['ri-frameworks'] }),
        qc.invalidateQueries({ queryKey: ['ri-work'] }),
      ]);
      onClose();
      navigate('/reform-index');
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open={open}
      title={t('reformIndex.openCycle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('reformIndex.openCycle')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Alert type="warning" showIcon title={t('reformIndex.openCycleHelp')} style={{ marginBottom: 16 }} />
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
      <Form<CycleValues> form={form} name="ri-open-cycle" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('reformIndex.cycleName')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="deadline" label={t('reformIndex.deadline')} rules={required}>
          <LunarDatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="periodFrom" label={t('reformIndex.periodFrom')} rules={required}>
          <LunarDatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="periodTo" label={t('reformIndex.periodTo')} rules={required}>
          <LunarDatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
