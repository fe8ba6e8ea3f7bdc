import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, List, Row, Select, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { CategoryAreaCols, PhotosField, ReporterCard, type ReportValues } from './FeedbackFormParts.tsx';
import { feedbackApi, type IntakeReply, STATUSES } from './feedback.api.ts';

/** Public feedback page: send an item (mobile-friendly), search published answers. */
export default function FeedbackPublicPage() {
  const { t } = useT();
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('feedback.publicTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('feedback.publicIntro')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Link to="/feedback/track">{t('feedbackUi.trackHaveCode')}</Link>
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'send', label: t('feedback.tabSend'), children: <SubmitForm /> },
          { key: 'search', label: t('feedback.tabSearch'), children: <PublicSearch /> },
        ]}
      />
    </div>
  );
}

function SubmitForm() {
  const { t } = useT();
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<File[]>([]);
  const [point, setPoint] = useState<{ lat: number; long: number } | null>(null);
  const [done, setDone] = useState<IntakeReply | null>(null);
  const navigate = useNavigate();
  const submit = useMutation({
    mutationFn: (v: ReportValues) => {
      const fd = new FormData();
      for (const [k, val] of Object.entries(v)) if (val) fd.append(k, String(val));
      if (point) {
        fd.append('lat', String(point.lat));
        fd.append('long', String(point.long));
      }
      for (const f of files) fd.append('photos', f, f.name);
      return feedbackApi.submit(fd);
    },
    onSuccess: (r) => setDone(r),
  });
  if (done) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="feedback-done"
        title={t('feedback.sentTitle', { code: done.code })}
        description={
          <>
            <p>{t('feedback.sentText', { due: done.answerDue.split('-').reverse().join('/') })}</p>
            <p>
              {t('feedback.trackingKey')}:{' '}
              <Typography.Text code copyable>
                {done.trackingKey}
              </Typography.Text>
            </p>
            {done.similar.length > 0 && (
              <List
                size="small"
                header={t('feedback.similar')}
                dataSource={done.similar}
                renderItem={(s) => <List.Item>{`${s.code} — ${s.title}`}</List.Item>}
              />
            )}
            <Button
              type="primary"
              style={{ marginInlineEnd: 8 }}
              onClick={() => navigate('/feedback/track', { state: { code: done.code, key: done.trackingKey } })}
            >
              {t('feedbackUi.trackOpen')}
            </Button>
            <Button
              onClick={() => {
                setDone(null);
                form.resetFields();
                setFiles([]);
              }}
            >
              {t('feedback.sendAnother')}
            </Button>
          </>
        }
      />
    );
  }
  const req = [{ required: true, message: t('common.required') }];
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} data-testid="feedback-form">
      <Row gutter={16}>
        <CategoryAreaCols />
      </Row>
      <Form.Item name="title" label={t('feedback.title')} rules={[...req, { max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="content" label={t('feedback.content')} rules={[...req, { max: 4000 }]}>
        <Input.TextArea rows={5} maxLength={4000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="address" label={t('feedback.place')} rules={req}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('feedback.mapPoint')}>
            <Button
              block
              onClick={() =>
                navigator.geolocation?.getCurrentPosition((p) =>
                  setPoint({
                    lat: Math.round(p.coords.latitude * 1e6) / 1e6,
                    long: Math.round(p.coords.longitude * 1e6) / 1e6,
                  }),
                )
              }
            >
              {point ? `${point.lat}, ${point.long}` : t('feedback.useLocation')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="dossierCode" label={t('feedback.dossierCode')}>
        <Input maxLength={60} />
      </Form.Item>
      <PhotosField setFiles={setFiles} />
      <ReporterCard own={true} />
      <Button type="primary" htmlType="submit" loading={submit.isPending} block size="large">
        {t('feedback.submit')}
      </Button>
    </Form>
  );
}

function PublicSearch() {
  const { t, tx, formatDate } = useT();
  const [q, setQ] = useState<Record<string, string | undefined>>({});
  const cats = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const areas = useQuery({ queryKey: ['feedback', 'areas'], queryFn: feedbackApi.areas });
  const res = useQuery({
    queryKey: ['feedback', 'public', q],
    queryFn: () => feedbackApi.publicSearch({ ...q, limit: 20 }),
  });
  const catName = new Map((cats.data ?? []).map((c) => [c.code, c.name]));
  return (
    <>
      <Form layout="vertical" onFinish={(v) => setQ(v)} data-testid="feedback-search">
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="q" label={t('common.search')}>
              <Input.Search
                placeholder={t('feedback.searchHint')}
                allowClear
                onSearch={(v) => setQ((x) => ({ ...x, q: v }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="areaUnitId" label={t('feedback.ward')}>
              <Select allowClear options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.shortName }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="categoryCode" label={t('feedback.category')}>
              <Select allowClear options={(cats.data ?? []).map((c) => ({ value: c.code, label: c.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="from" label={t('feedback.from')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="to" label={t('feedback.to')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit" type="primary">
          {t('common.filter')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t('common.total', { count: res.data?.total ?? 0 })}
      </Typography.Paragraph>
      <List
        loading={res.isLoading}
        dataSource={res.data?.items ?? []}
        renderItem={(i) => (
          <List.Item key={i.code}>
            <Card size="small" style={{ width: '100%' }} title={i.title} extra={<Tag>{i.code}</Tag>}>
              <Typography.Paragraph type="secondary">
                {catName.get(i.categoryCode) ?? i.categoryCode} · {i.areaName} · {formatDate(i.receivedAt)} ·{' '}
                {tx(`feedback.status.${i.status}`, i.status)}
              </Typography.Paragraph>
              <Typography.Paragraph>{i.content}</Typography.Paragraph>
              {i.answerText && (
                <Alert
                  type="info"
                  title={`${t('feedback.answer')} — ${i.responsibleUnitName ?? ''}${i.answeredBy ? ` (${i.answeredBy})` : ''}`}
                  description={i.answerText}
                />
              )}
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}

export { STATUSES };
