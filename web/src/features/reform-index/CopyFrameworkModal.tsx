import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import type { FrameworkRow } from './reformIndex.api.ts';

interface GroupRow {
  id: string;
  code: string;
  year: number;
  name: string;
}
interface Values {
  sourceId: string;
  groupId: string;
  code: string;
  name?: string;
}

/**
 * "Copy from last year": a new draft framework for a peer group with the tree of an earlier one
 * (POST /reform-index/frameworks/:id/copy). The source proposed first is last year's framework of
 * the group with the same code.
 */
export function CopyFrameworkModal({
  open,
  frameworks,
  groupId,
  onClose,
  onCopied,
}: {
  open: boolean;
  frameworks: FrameworkRow[];
  groupId?: string;
  onClose(): void;
  onCopied(id: string): void;
}) {
  const { t } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const groups = useQuery({
    queryKey: ['ri-groups'],
    enabled: open,
    queryFn: ({ signal }) => api.get<GroupRow[]>('/reform-index/groups', undefined, signal),
  });
  const target = Form.useWatch('groupId', form);
  // a target group proposes last year's framework of its code, and a code of its own
  useEffect(() => {
    const g = groups.data?.find((x) => x.id === target);
    if (!g) return;
    const last = frameworks.filter((f) => f.groupCode === g.code && f.year < g.year).sort((a, b) => b.year - a.year)[0];
    form.setFieldsValue({
      code: `${g.code}-${g.year}`,
      ...(last && !form.getFieldValue('sourceId') ? { sourceId: last.id } : {}),
    });
  }, [target, groups.data, frameworks, form]);
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (groupId) form.setFieldsValue({ groupId });
    }
  }, [open, groupId, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<FrameworkRow>(`/reform-index/frameworks/${v.sourceId}/copy`, {
        groupId: v.groupId,
        code: v.code.trim(),
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
      }),
    meta: { silent: true },
    onSuccess: async (f) => {
      notifySuccess(t('reformIndex.copied'));
      await qc.invalidateQueries({ queryKey: ['ri-frameworks'] });
      onCopied(f.id);
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
      title={t('reformIndex.copyFromLastYear')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('reformIndex.copyFromLastYear')}
      okButtonProps={{ 'data-testid': 'ri-copy-ok' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('reformIndex.copyHelp')} style={{ marginBottom: 16 }} />
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="ri-copy" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="groupId" label={t('reformIndex.copyTarget')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.year} · ${g.name} (${g.code})` }))}
          />
        </Form.Item>
        <Form.Item name="sourceId" label={t('reformIndex.copySource')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={frameworks.map((f) => ({ value: f.id, label: `${f.year} · ${f.name} (${f.code})` }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('reformIndex.copyCode')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="name" label={t('reformIndex.copyName')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
