import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Result,
  Select,
  Steps,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifyError } from '../../lib/notify.tsx';
import { SolarLunarDate } from '../calendar/index.ts';
import type { Dossier, Procedure } from './dossiers.api.ts';

interface Applicant {
  name: string;
  phone: string;
  email?: string;
  address?: string;
  receivingUnitId: string;
}

/** Citizen: choose a procedure → details → one file per document → review → submit → code and due date. */
export default function SubmitWizard() {
  const { t } = useT();
  const [step, setStep] = useState(0);
  const [procedureId, setProcedureId] = useState<string>();
  const [applicant, setApplicant] = useState<Applicant>();
  const [files, setFiles] = useState<Record<string, File>>({});
  const [done, setDone] = useState<Dossier>();
  const [form] = Form.useForm<Applicant>();
  const procs = useQuery({ queryKey: ['procedures'], queryFn: () => api.get<Procedure[]>('/procedures') });
  const online = (procs.data ?? []).filter((p) => p.onlineLevel !== 'none');
  const proc = online.find((p) => p.id === procedureId);
  const units = useQuery({
    queryKey: ['procedures', procedureId, 'units'],
    queryFn: () => api.get<{ id: string; name: string }[]>(`/procedures/${procedureId}/receiving-units`),
    enabled: !!procedureId,
  });
  const missing = proc?.components.filter((c) => c.mandatory && !files[c.key]) ?? [];
  const submit = useMutation({
    mutationFn: () => {
      const fd = new FormData();
      const { receivingUnitId, ...who } = applicant!;
      fd.set(
        'metadata',
        JSON.stringify({
          procedureId,
          receivingUnitId,
          applicant: Object.fromEntries(Object.entries(who).filter(([, v]) => v)),
        }),
      );
      for (const [k, f] of Object.entries(files)) fd.set(k, f, f.name);
      return api.upload<Dossier>('/dossiers', fd);
    },
    onSuccess: (d) => {
      setDone(d);
      setStep(4);
    },
    onError: notifyError,
  });
  const days = (n: number) => (n === 0 ? t('dossiers.sameDay') : t('dossiers.days', { n }));

  return (
    <Card title={t('dossiers.navSubmit')}>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          t('dossiers.stepProcedure'),
          t('dossiers.stepForm'),
          t('dossiers.stepUpload'),
          t('dossiers.stepReview'),
          t('dossiers.stepDone'),
        ].map((title) => ({ title }))}
      />
      {step === 0 && (
        <Flex vertical gap={16}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('dossiers.procedure')}
            value={procedureId}
            onChange={(v) => {
              setProcedureId(v);
              setFiles({});
            }}
            options={online.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
            style={{ maxWidth: 720 }}
          />
          {proc && (
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={t('dossiers.procedureCode')}>{proc.code}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.processingDays')}>{days(proc.processingDays)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.onlineLevel')}>
                {t(`dossiers.online_${proc.onlineLevel}` as never)}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossiers.fees')}>
                {proc.fees.map((f) => `${f.name}: ${f.amount.toLocaleString('vi-VN')} đ`).join('; ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossiers.legalBasis')}>
                {proc.legalBasis.map((l) => (
                  <div key={l}>{l}</div>
                ))}
              </Descriptions.Item>
            </Descriptions>
          )}
          <div>
            <Button type="primary" disabled={!proc} onClick={() => setStep(1)}>
              {t('dossiers.next')}
            </Button>
          </div>
        </Flex>
      )}
      {step === 1 && (
        <Form
          form={form}
          name="dossier-applicant"
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={applicant}
          onFinish={(v) => {
            setApplicant(v);
            setStep(2);
          }}
        >
          <Form.Item name="receivingUnitId" label={t('dossiers.receivingUnit')} rules={[{ required: true }]}>
            <Select
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              loading={units.isLoading}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="name" label={t('dossiers.applicantName')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('dossiers.phone')}
            rules={[{ required: true, pattern: /^\+?[0-9 .-]{9,15}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('dossiers.email')} rules={[{ type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t('dossiers.address')}>
            <Input />
          </Form.Item>
          <Flex gap={8}>
            <Button onClick={() => setStep(0)}>{t('dossiers.back')}</Button>
            <Button type="primary" htmlType="submit">
              {t('dossiers.next')}
            </Button>
          </Flex>
        </Form>
      )}
      {step === 2 && proc && (
        <Flex vertical gap={12}>
          <List
            bordered
            dataSource={proc.components}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Upload
                    key="u"
                    maxCount={1}
                    accept={c.fileTypes.map((x) => (x === 'jpeg' ? '.jpg,.jpeg' : `.${x}`)).join(',')}
                    beforeUpload={(f) => {
                      setFiles((s) => ({ ...s, [c.key]: f }));
                      return false;
                    }}
                    onRemove={() => setFiles(({ [c.key]: _, ...rest }) => rest)}
                    fileList={files[c.key] ? [{ uid: c.key, name: files[c.key]!.name, status: 'done' }] : []}
                  >
                    <Button icon={<InboxOutlined />}>{t('dossiers.chooseFile')}</Button>
                  </Upload>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {c.name}{' '}
                      {c.mandatory ? (
                        <Tag color="red">{t('dossiers.mandatory')}</Tag>
                      ) : (
                        <Tag>{t('dossiers.optional')}</Tag>
                      )}
                    </span>
                  }
                  description={t('dossiers.fileTypes', { types: c.fileTypes.join(', ') })}
                />
              </List.Item>
            )}
          />
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('dossiers.missingFiles', { list: missing.map((c) => c.name).join('; ') })}
            />
          )}
          <Flex gap={8}>
            <Button onClick={() => setStep(1)}>{t('dossiers.back')}</Button>
            <Button type="primary" disabled={missing.length > 0} onClick={() => setStep(3)}>
              {t('dossiers.next')}
            </Button>
          </Flex>
        </Flex>
      )}
      {step === 3 && proc && applicant && (
        <Flex vertical gap={12}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('dossiers.procedure')}>{proc.name}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.receivingUnit')}>
              {units.data?.find((u) => u.id === applicant.receivingUnitId)?.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('dossiers.applicantName')}>{applicant.name}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.phone')}>{applicant.phone}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.files')}>
              {Object.entries(files).map(([k, f]) => (
                <div key={k}>
                  {proc.components.find((c) => c.key === k)?.name}: <Typography.Text code>{f.name}</Typography.Text>
                </div>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={8}>
            <Button onClick={() => setStep(2)}>{t('dossiers.back')}</Button>
            <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>
              {t('dossiers.submit')}
            </Button>
          </Flex>
        </Flex>
      )}
      {step === 4 && done && (
        <Result
          status="success"
          title={t('dossiers.submitted')}
          subTitle={
            <>
              <div>
                <Typography.Text strong copyable>
                  {t('dossiers.yourCode', { code: done.code })}
                </Typography.Text>
              </div>
              <div>
                {t('dossiers.expectedDueLabel')}:{' '}
                <SolarLunarDate date={done.dueDate} strong provisional={done.dueDateProvisional} />
              </div>
              <div>{t('dossiers.expectedDueNote')}</div>
              <div>{t('dossiers.lookupHint')}</div>
            </>
          }
          extra={<Link to={`/dossiers/${done.id}`}>{t('common.details')}</Link>}
        />
      )}
    </Card>
  );
}
