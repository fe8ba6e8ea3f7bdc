import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { LunarDatePicker } from '../calendar/index.ts';
import { CategoryAreaCols, PhotosField, ReporterCard, type ReportValues } from './FeedbackFormParts.tsx';
import { feedbackApi, type IntakeReply, type Similar } from './feedback.api.ts';

const CHANNELS = ['hotline', 'counter', 'letter', 'email'] as const;

interface Values extends ReportValues {
  channel: (typeof CHANNELS)[number];
  receivedAt?: Dayjs | null;
}

/** Waits until `value` has not changed for `ms` (duplicate suggestions while typing). */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * Staff intake for the hotline, the counter and letters: the officer records the item with its
 * channel and the citizen's identity (Decree 20/2008), sees similar open items of the same ward and
 * category while typing, and after recording may link the new item to one of them as a duplicate.
 */
export default function FeedbackIntakePage() {
  const { t, tx } = useT();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<IntakeReply | null>(null);
  const [linkedTo, setLinkedTo] = useState<string | null>(null);
  const categoryCode = Form.useWatch('categoryCode', form);
  const areaUnitId = Form.useWatch('areaUnitId', form);
  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const text = useDebounced(`${title} ${content}`.trim(), 400);
  const ready = !!categoryCode && !!areaUnitId && text.length >= 8;
  const similar = useQuery({
    queryKey: ['feedback', 'similar', areaUnitId, categoryCode, text],
    queryFn: () => feedbackApi.similar({ areaUnitId, categoryCode, text: text.slice(0, 4000) }),
    enabled: ready && !done,
  });
  const record = useMutation({
    mutationFn: (v: Values) => {
      const fd = new FormData();
      for (const [k, val] of Object.entries(v)) {
        if (!val) continue;
        // the officer keys in Hà Nội time (UTC+7)
        fd.append(k, k === 'receivedAt' ? `${(val as Dayjs).format('YYYY-MM-DDTHH:mm')}:00+07:00` : String(val));
      }
      for (const f of files) fd.append('photos', f, f.name);
      return feedbackApi.intake(fd);
    },
    onSuccess: (r) => {
      setDone(r);
      setLinkedTo(null);
    },
  });
  const link = useMutation({
    mutationFn: (s: Similar) =>
      feedbackApi.act(done!.id, { action: 'link_duplicate', version: 1, duplicateOfCode: s.code }),
    onSuccess: (d) => setLinkedTo(d.duplicateOfCode),
  });
  const req = [{ required: true, message: t('common.required') }];

  const suggestions = (list: Similar[], canLink: boolean) =>
    list.length ? (
      <List
        size="small"
        dataSource={list}
        data-testid="intake-similar"
        renderItem={(s) => (
          <List.Item
            actions={
              canLink && !linkedTo
                ? [
                    <Button
                      key="link"
                      size="small"
                      onClick={() => link.mutate(s)}
                      loading={link.isPending && link.variables?.code === s.code}
                    >
                      {t('feedbackUi.linkDuplicate')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag>{s.code}</Tag>
                  <span>{s.title}</span>
                </Space>
              }
              description={
                <Space wrap>
                  <Tag>{tx(`feedback.status.${s.status}`, s.status)}</Tag>
                  <Tag color={s.score >= 0.6 ? 'orange' : 'gold'}>
                    {t('feedbackUi.similarity', { pct: Math.round(s.score * 100) })}
                  </Tag>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('feedbackUi.noDuplicates')} />
    );

  if (done) {
    return (
      <Card title={t('feedbackUi.intakeTitle')}>
        <Alert
          type="success"
          showIcon
          data-testid="intake-done"
          title={t('feedbackUi.recorded', { code: done.code })}
          description={
            <>
              <p>{t('feedbackUi.recordedText', { due: done.answerDue.split('-').reverse().join('/') })}</p>
              <p>
                {t('feedback.trackingKey')}:{' '}
                <Typography.Text code copyable data-testid="intake-key">
                  {done.trackingKey}
                </Typography.Text>
              </p>
            </>
          }
        />
        <Card size="small" style={{ marginTop: 16 }} title={t('feedbackUi.duplicates')}>
          {linkedTo && (
            <Alert
              type="info"
              showIcon
              data-testid="intake-linked"
              style={{ marginBottom: 12 }}
              title={t('feedbackUi.linked', { code: linkedTo })}
            />
          )}
          {suggestions(done.similar, true)}
        </Card>
        <Space style={{ marginTop: 16 }} wrap>
          <Button
            type="primary"
            onClick={() => {
              setDone(null);
              setFiles([]);
              form.resetFields();
            }}
          >
            {t('feedbackUi.recordAnother')}
          </Button>
          <Link to="/feedback/inbox">{t('feedbackUi.openInInbox')}</Link>
        </Space>
      </Card>
    );
  }

  return (
    <Card title={t('feedbackUi.intakeTitle')}>
      <Typography.Paragraph type="secondary">{t('feedbackUi.intakeIntro')}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} lg={15}>
          <Form
            form={form}
            layout="vertical"
            data-testid="intake-form"
            initialValues={{ channel: 'hotline' }}
            onFinish={(v) => record.mutate(v)}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="channel" label={t('feedbackUi.channel')} rules={req}>
                  <Select options={CHANNELS.map((c) => ({ value: c, label: t(`feedbackUi.channels.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="receivedAt" label={t('feedbackUi.receivedAt')} extra={t('feedbackUi.receivedAtHint')}>
                  <LunarDatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="DD/MM/YYYY HH:mm"
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isAfter(new Date())}
                  />
                </Form.Item>
              </Col>
              <CategoryAreaCols />
            </Row>
            <Form.Item name="address" label={t('feedback.place')} rules={req}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="title" label={t('feedback.title')} rules={[...req, { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="content" label={t('feedback.content')} rules={[...req, { max: 4000 }]}>
              <Input.TextArea rows={5} maxLength={4000} showCount />
            </Form.Item>
            <Form.Item name="dossierCode" label={t('feedback.dossierCode')}>
              <Input maxLength={60} />
            </Form.Item>
            <PhotosField setFiles={setFiles} />
            <ReporterCard own={false} />
            <Button type="primary" htmlType="submit" loading={record.isPending} size="large">
              {t('feedbackUi.navIntake')}
            </Button>
          </Form>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('feedbackUi.duplicates')} data-testid="intake-suggestions">
            {!ready ? (
              <Typography.Text type="secondary">{t('feedbackUi.duplicatesHint')}</Typography.Text>
            ) : (
              suggestions(similar.data ?? [], false)
            )}
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
