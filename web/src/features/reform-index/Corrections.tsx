import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Flex, Form, Input, Select, Switch, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { PointsInput } from './PointsInput.tsx';
import type { FrameworkDetail, WorkItem } from './reformIndex.api.ts';

type Field = 'appraisedScore' | 'surveyPoints' | 'notApplicable';
export interface Correction {
  id: string;
  unitCode: string;
  unitName: string;
  criterionCode: string;
  field: Field;
  oldValue: number | boolean | null;
  newValue: number | boolean | null;
  reason: string;
  actorName: string;
  at: string;
}
interface Values {
  unitCode: string;
  criterionCode: string;
  field: Field;
  value?: number;
  flag?: boolean;
  reason: string;
}

/**
 * Corrections of a published cycle: the list (who, why, old → new) for the group's staff, and the
 * form for its coordinator. The server recomputes this cycle's and later years' results.
 */
export function CorrectionsDrawer({ work, onClose }: { work: WorkItem | null; onClose(): void }) {
  const { t, tx, formatDateTime, formatNumber } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const cycleId = work?.cycle.id;
  const list = useQuery({
    queryKey: ['ri-corrections', cycleId],
    enabled: !!cycleId,
    queryFn: ({ signal }) => api.get<Correction[]>(`/reform-index/cycles/${cycleId}/corrections`, undefined, signal),
  });
  const fw = useQuery({
    queryKey: ['ri-framework', work?.framework.id],
    enabled: !!work?.role.manage,
    queryFn: ({ signal }) =>
      api.get<FrameworkDetail>(`/reform-index/frameworks/${work!.framework.id}`, undefined, signal),
  });
  const leaves = useMemo(() => {
    const crit = fw.data?.criteria ?? [];
    const parents = new Set(crit.map((c) => c.parentCode));
    return crit.filter((c) => !parents.has(c.code));
  }, [fw.data]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<{ recomputed: string[] }>(`/reform-index/cycles/${cycleId}/corrections`, {
        unitCode: v.unitCode,
        criterionCode: v.criterionCode,
        field: v.field,
        value: v.field === 'notApplicable' ? !!v.flag : (v.value ?? null),
        reason: v.reason.trim(),
      }),
    meta: { silent: true },
    onSuccess: (r) => {
      notifySuccess(t('reformIndex.correctionDone', { count: r.recomputed.length }));
      form.resetFields(['value', 'flag', 'reason']);
      qc.invalidateQueries({ queryKey: ['ri-corrections', cycleId] });
      qc.invalidateQueries({ queryKey: ['ri-results'] });
      qc.invalidateQueries({ queryKey: ['ri-profile'] });
    },
  });
  const field = Form.useWatch('field', form);
  const value = (v: number | boolean | null) =>
    v === null ? '—' : typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : formatNumber(v);
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Drawer
      open={!!work}
      onClose={close}
      size={760}
      title={t('reformIndex.correctionsTitle', { name: work?.framework.name ?? '' })}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('reformIndex.correctionHelp')}
        </Typography.Paragraph>
        {work?.role.manage && (
          <Form<Values>
            form={form}
            layout="vertical"
            name="ri-correction"
            initialValues={{ field: 'appraisedScore' }}
            onFinish={(v) => save.mutate(v)}
          >
            <Flex gap={12} wrap>
              <Form.Item
                name="unitCode"
                label={t('reformIndex.unit')}
                rules={[{ required: true, message: t('common.required') }]}
                style={{ minWidth: 280, flex: 1 }}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={work.assessments.map((a) => ({ value: a.unitCode, label: a.unitName }))}
                />
              </Form.Item>
              <Form.Item
                name="criterionCode"
                label={t('reformIndex.criterion')}
                rules={[{ required: true, message: t('common.required') }]}
                style={{ minWidth: 280, flex: 1 }}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={fw.isLoading}
                  options={leaves.map((c) => ({ value: c.code, label: `${c.code}. ${c.name}` }))}
                />
              </Form.Item>
            </Flex>
            <Flex gap={12} wrap>
              <Form.Item name="field" label={t('reformIndex.field')} style={{ minWidth: 200 }}>
                <Select
                  options={(['appraisedScore', 'surveyPoints', 'notApplicable'] as const).map((f) => ({
                    value: f,
                    label: t(`reformIndex.field_${f}`),
                  }))}
                />
              </Form.Item>
              {field === 'notApplicable' ? (
                <Form.Item name="flag" label={t('reformIndex.newValue')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              ) : (
                <Form.Item
                  name="value"
                  label={t('reformIndex.newValue')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <PointsInput style={{ width: 140 }} />
                </Form.Item>
              )}
            </Flex>
            <Form.Item
              name="reason"
              label={t('reformIndex.reason')}
              rules={[{ required: true, min: 3, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ri-correction-save">
              {t('reformIndex.correctionNew')}
            </Button>
          </Form>
        )}
        <Table<Correction>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          data-testid="ri-corrections"
          locale={{ emptyText: t('reformIndex.noCorrections') }}
          pagination={(list.data?.length ?? 0) > 10 ? { pageSize: 10 } : false}
          dataSource={list.data ?? []}
          columns={[
            { title: t('reformIndex.when'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
            { title: t('reformIndex.who'), dataIndex: 'actorName', width: 140 },
            { title: t('reformIndex.unit'), dataIndex: 'unitName' },
            {
              title: t('reformIndex.criterion'),
              render: (_: unknown, c) => (
                <>
                  {c.criterionCode} · {tx(`reformIndex.field_${c.field}`, c.field)}
                </>
              ),
            },
            {
              title: t('reformIndex.oldNew'),
              width: 110,
              render: (_: unknown, c) => `${value(c.oldValue)} → ${value(c.newValue)}`,
            },
            { title: t('reformIndex.reason'), dataIndex: 'reason' },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
