import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError, api, isApiError } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { UNIT_KIND_LIST } from '../../lib/roles.ts';
import { LunarDatePicker } from '../calendar/index.ts';
import type { Unit } from './units.api.ts';

export type UnitFormTarget = { mode: 'create'; parent: Unit } | { mode: 'edit'; unit: Unit };

interface Values {
  code?: string;
  name: string;
  nameEn?: string;
  shortName: string;
  kind: string;
  block?: string;
  agencyCode?: string;
  validFrom?: Dayjs;
  sortOrder?: number;
}

const orNull = (s?: string) => (s?.trim() ? s.trim() : null);
const BLOCKS = ['districts', 'departments', 'wards'];

/** Create a sub-unit or edit a unit (with its version: a concurrent edit answers 409). */
export function UnitFormModal({ target, onClose }: { target: UnitFormTarget | null; onClose(): void }) {
  const { t, tx } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.unit;
      setVersion(u.version);
      form.setFieldsValue({
        name: u.name,
        nameEn: u.nameEn ?? undefined,
        shortName: u.shortName,
        kind: u.kind,
        block: u.block ?? undefined,
        agencyCode: u.agencyCode ?? undefined,
      });
    } else {
      form.setFieldsValue({ block: target.parent.block ?? undefined });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (target?.mode === 'edit') {
        return api.patch<Unit>(`/units/${target.unit.id}`, {
          version,
          name: v.name.trim(),
          nameEn: orNull(v.nameEn),
          shortName: v.shortName.trim(),
          kind: v.kind,
          block: orNull(v.block),
          agencyCode: orNull(v.agencyCode),
          ...(v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {}),
        });
      }
      return api.post<Unit>('/units', {
        code: v.code!.trim(),
        name: v.name.trim(),
        shortName: v.shortName.trim(),
        kind: v.kind,
        parentId: target!.mode === 'create' ? target!.parent.id : null,
        ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}),
        ...(v.block?.trim() ? { block: v.block.trim() } : {}),
        ...(v.agencyCode?.trim() ? { agencyCode: v.agencyCode.trim() } : {}),
        ...(v.validFrom ? { validFrom: v.validFrom.format('YYYY-MM-DD') } : {}),
        ...(v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {}),
      });
    },
    onSuccess: () => {
      notifySuccess(t('units.saved'));
      qc.invalidateQueries({ queryKey: ['units'] });
      close();
    },
    meta: { silent: true },
  });

  const close = () => {
    save.reset();
    onClose();
  };

  /** 409: take the record as it is now (the problem's `current`) and let the user re-apply. */
  const reloadCurrent = () => {
    const current = save.error instanceof ApiError ? (save.error.problem.current as Unit | undefined) : undefined;
    if (current) {
      setVersion(current.version);
      form.setFieldsValue({
        name: current.name,
        nameEn: current.nameEn ?? undefined,
        shortName: current.shortName,
        kind: current.kind,
        block: current.block ?? undefined,
        agencyCode: current.agencyCode ?? undefined,
      });
    }
    qc.invalidateQueries({ queryKey: ['units'] });
    save.reset();
  };

  const title =
    target?.mode === 'edit'
      ? t('units.editTitle', { name: target.unit.name })
      : t('units.createTitle', { parent: target?.parent.name ?? '' });

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
      width={640}
    >
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={isApiError(save.error, 'VERSION_CONFLICT') ? t('units.conflictTitle') : save.error.message}
          description={isApiError(save.error, 'VERSION_CONFLICT') ? save.error.message : undefined}
          action={
            isApiError(save.error, 'VERSION_CONFLICT') ? (
              <Button size="small" onClick={reloadCurrent}>
                {t('common.refresh')}
              </Button>
            ) : undefined
          }
          data-testid="unit-form-error"
        />
      )}
      <Form<Values>
        form={form}
        name="unit-form"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        requiredMark="optional"
      >
        {target?.mode === 'create' && (
          <Form.Item
            name="code"
            label={t('units.code')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: t('common.required') }]}
          >
            <Input placeholder={`${target.parent.code}-…`} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, min: 2, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('units.shortName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('units.nameEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={UNIT_KIND_LIST.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="block"
          label={t('units.block')}
          extra={t('units.blockHelp')}
          rules={[{ pattern: /^[a-z][a-z0-9_-]{0,39}$/, message: t('units.blockHelp') }]}
        >
          <Select allowClear showSearch options={BLOCKS.map((b) => ({ value: b, label: tx(`blocks.${b}`, b) }))} />
        </Form.Item>
        <Form.Item name="agencyCode" label={t('units.agencyCode')}>
          <Input />
        </Form.Item>
        {target?.mode === 'create' && (
          <Form.Item name="validFrom" label={t('units.validFrom')}>
            <LunarDatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label={t('units.sortOrder')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
