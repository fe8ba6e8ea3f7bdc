import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { LunarDatePicker } from '../calendar/index.ts';
import type { Unit } from './units.api.ts';

interface Values {
  validTo: Dayjs;
  successorId?: string;
  reason: string;
}

/** Merge (with a successor) or abolish a unit; its history is kept. */
export function UnitCloseModal({ unit, units, onClose }: { unit: Unit | null; units: Unit[]; onClose(): void }) {
  const { t } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (unit) {
      form.resetFields();
      form.setFieldsValue({ validTo: dayjs() });
    }
  }, [unit, form]);

  // A successor must be open and not the unit itself or one of its descendants.
  const successors = useMemo(() => {
    if (!unit) return [];
    const byParent = new Map<string, Unit[]>();
    for (const u of units) if (u.parentId) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
    const excluded = new Set<string>();
    const walk = (id: string) => {
      excluded.add(id);
      for (const c of byParent.get(id) ?? []) walk(c.id);
    };
    walk(unit.id);
    return units.filter((u) => !u.validTo && !excluded.has(u.id));
  }, [unit, units]);

  const close = useMutation({
    mutationFn: (v: Values) =>
      api.post<Unit>(`/units/${unit!.id}/close`, {
        version: unit!.version,
        validTo: v.validTo.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
        ...(v.successorId ? { successorId: v.successorId } : {}),
      }),
    onSuccess: () => {
      notifySuccess(t('units.closedOk'));
      qc.invalidateQueries({ queryKey: ['units'] });
      done();
    },
    meta: { silent: true },
  });
  const done = () => {
    close.reset();
    onClose();
  };

  return (
    <Modal
      open={!!unit}
      title={t('units.closeTitle', { name: unit?.name ?? '' })}
      onCancel={done}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      forceRender
    >
      {close.error && <Alert type="error" showIcon title={close.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="unit-close" layout="vertical" onFinish={(v) => close.mutate(v)}>
        <Form.Item
          name="validTo"
          label={t('units.validTo')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <LunarDatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="successorId" label={t('units.successor')} extra={t('units.successorHelp')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={successors.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('units.reason')}
          rules={[{ required: true, min: 3, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
