import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifyError, notifySuccess } from '../../lib/notify.tsx';
import { type Dossier, vnDateTime } from './dossiers.api.ts';

const METHODS = ['cash', 'bank_transfer', 'online', 'pos'] as const;
const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;

/** Fees of the dossier's procedure: what is due, whether it is paid, and (one-stop shop) recording the payment. */
export default function FeeCard({ d }: { d: Dossier }) {
  const { t } = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const pay = useMutation({
    mutationFn: (v: { amount: number; method: string; receiptNo: string }) =>
      api.post<Dossier>(`/dossiers/${d.id}/fee`, { ...v, version: d.version }),
    onSuccess: (nd) => {
      qc.setQueryData(['dossier', d.id], nd);
      qc.invalidateQueries({ queryKey: ['dossiers'] });
      setOpen(false);
      notifySuccess(t('dossiers.feeRecorded'));
    },
    onError: (e) => {
      notifyError(e);
      qc.invalidateQueries({ queryKey: ['dossier', d.id] });
    },
  });
  const fee = d.fee;
  if (!fee) return null;
  return (
    <Card
      title={t('dossiers.feeTitle')}
      size="small"
      extra={
        fee.paid ? (
          <Tag color="green">{t('dossiers.feePaid')}</Tag>
        ) : fee.awaiting ? (
          <Tag color="orange">{t('dossiers.feeAwaiting')}</Tag>
        ) : (
          <Tag>{t('dossiers.feeUnpaid')}</Tag>
        )
      }
    >
      {fee.items.map((f) => (
        <Flex key={f.name} justify="space-between" gap={8}>
          <Typography.Text type="secondary">{f.name}</Typography.Text>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {vnd(f.amount)}
          </Typography.Text>
        </Flex>
      ))}
      {fee.items.length > 1 && (
        <Flex justify="space-between">
          <Typography.Text>{t('dossiers.feeTotal')}</Typography.Text>
          <Typography.Text strong>{vnd(fee.total)}</Typography.Text>
        </Flex>
      )}
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        {fee.paid && (
          <>
            <Descriptions.Item label={t('dossiers.feeAmount')}>{vnd(fee.paid.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.feeMethod')}>
              {t(`dossiers.feeMethod_${fee.paid.method}` as never)}
            </Descriptions.Item>
            <Descriptions.Item label={t('dossiers.feeReceiptNo')}>{fee.paid.receiptNo}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.feePaidAt')}>{vnDateTime(fee.paid.at)}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {fee.canRecord && (
        <Button
          type={fee.awaiting ? 'primary' : 'default'}
          onClick={() => {
            form.setFieldsValue({ amount: fee.total, method: 'cash', receiptNo: '' });
            setOpen(true);
          }}
        >
          {t('dossiers.feeRecord')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('dossiers.feeRecord')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={pay.isPending}
      >
        <Form form={form} name="dossier-fee" layout="vertical" onFinish={(v) => pay.mutate(v)}>
          <Form.Item name="amount" label={t('dossiers.feeAmount')} rules={[{ required: true }]}>
            <InputNumber<number>
              min={0}
              step={1000}
              style={{ width: '100%' }}
              formatter={(v) => new Intl.NumberFormat('vi-VN').format(Number(v ?? 0))}
              parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
            />
          </Form.Item>
          <Form.Item name="method" label={t('dossiers.feeMethod')} rules={[{ required: true }]}>
            <Select options={METHODS.map((m) => ({ value: m, label: t(`dossiers.feeMethod_${m}` as never) }))} />
          </Form.Item>
          <Form.Item
            name="receiptNo"
            label={t('dossiers.feeReceiptNo')}
            rules={[{ required: true, whitespace: true, max: 50 }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
