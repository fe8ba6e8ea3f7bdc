import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { SolarLunarDate } from '../calendar/index.ts';
import { feedbackApi, type TrackingView } from './feedback.api.ts';

/** Where an item stands, as the citizen sees it (0 received … 3 published). */
function stepOf(status: string): number {
  if (['sent'].includes(status)) return 2;
  if (status === 'published') return 3;
  if (['received', 'rejected'].includes(status)) return 0;
  return 1;
}

/**
 * The citizen follows their item with its code and tracking key (mobile-friendly): status and
 * timeline, the request for more information and their reply, the answer, the rating and — when
 * not satisfied and still in time — reopening.
 */
export default function FeedbackTrackPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  // the key comes from the submit screen in the navigation state, never in the address
  const state = useLocation().state as { code?: string; key?: string } | null;
  const [creds, setCreds] = useState<{ code: string; key: string } | null>(
    state?.code && state.key ? { code: state.code, key: state.key } : null,
  );
  const item = useQuery({
    queryKey: ['feedback', 'track', creds?.code, creds?.key],
    queryFn: () => feedbackApi.track(creds!.code, creds!.key),
    enabled: !!creds,
    meta: { silent: true },
    retry: false,
  });
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('feedbackUi.trackTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('feedbackUi.trackIntro')}</Typography.Paragraph>
      <Form
        layout="vertical"
        data-testid="track-form"
        initialValues={{ code: creds?.code ?? params.get('code') ?? '', key: creds?.key ?? '' }}
        onFinish={(v: { code: string; key: string }) => setCreds({ code: v.code.trim(), key: v.key.trim() })}
      >
        <Space.Compact block style={{ flexWrap: 'wrap', gap: 8 }}>
          <Form.Item
            name="code"
            label={t('feedbackUi.trackCode')}
            rules={[{ required: true, message: t('common.required') }]}
            style={{ flex: '1 1 200px', marginBottom: 8 }}
          >
            <Input placeholder="PAKN-2024-000123" maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="key"
            label={t('feedbackUi.trackKey')}
            rules={[{ required: true, message: t('common.required') }]}
            style={{ flex: '1 1 200px', marginBottom: 8 }}
          >
            <Input.Password maxLength={100} autoComplete="off" />
          </Form.Item>
        </Space.Compact>
        <Button type="primary" htmlType="submit" loading={item.isFetching} block>
          {t('feedbackUi.trackLookup')}
        </Button>
      </Form>
      {item.error && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          data-testid="track-error"
          title={(item.error as Error).message}
        />
      )}
      {item.data && creds && <ItemView item={item.data} code={creds.code} trackingKey={creds.key} />}
    </div>
  );
}

function ItemView({ item, code, trackingKey }: { item: TrackingView; code: string; trackingKey: string }) {
  const { t, tx, formatDate, formatDateTime } = useT();
  const qc = useQueryClient();
  const put = (v: TrackingView) => qc.setQueryData(['feedback', 'track', code, trackingKey], v);
  const supply = useMutation({
    mutationFn: (text: string) => feedbackApi.supplyInfo(code, trackingKey, text),
    onSuccess: put,
  });
  const rate = useMutation({
    mutationFn: (r: 'satisfied' | 'unsatisfied') => feedbackApi.rate(code, trackingKey, r),
    onSuccess: put,
  });
  const reopen = useMutation({
    mutationFn: (text: string) => feedbackApi.reopen(code, trackingKey, text),
    onSuccess: put,
  });
  const answered = ['sent', 'published'].includes(item.status);
  const canReopen =
    answered && item.rating === 'unsatisfied' && !!item.reopenUntil && new Date(item.reopenUntil) > new Date();
  const reopenDate = item.reopenUntil ? formatDate(item.reopenUntil) : '';
  return (
    <Card style={{ marginTop: 16 }} data-testid="track-item" title={item.title} extra={<Tag>{item.code}</Tag>}>
      <Steps
        size="small"
        titlePlacement="vertical"
        current={stepOf(item.status)}
        status={item.status === 'rejected' ? 'error' : undefined}
        style={{ marginBottom: 16 }}
        items={[
          { title: item.status === 'rejected' ? t('feedbackUi.stepRejected') : t('feedbackUi.stepReceived') },
          { title: t('feedbackUi.stepProcessing') },
          { title: t('feedbackUi.stepAnswered') },
          { title: t('feedbackUi.stepPublished') },
        ]}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('feedback.statusLabel')}>
          <Tag color={answered ? 'green' : item.status === 'rejected' ? 'red' : 'blue'} data-testid="track-status">
            {tx(`feedback.status.${item.status}`, item.status)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.ward')}>{`${item.address} · ${item.areaName ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('feedback.unit')}>{item.responsibleUnitName}</Descriptions.Item>
        {!answered && item.status !== 'rejected' && (
          <Descriptions.Item label={t('feedback.answerDue')}>
            <SolarLunarDate date={item.answerDue} provisional={item.answerDueProvisional} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
        {item.content}
      </Typography.Paragraph>

      {item.status === 'rejected' && (
        <Alert type="error" showIcon title={t('feedbackUi.rejected')} description={item.rejectReason} />
      )}

      {item.status === 'info_requested' && (
        <Card
          size="small"
          type="inner"
          title={t('feedbackUi.infoAsked')}
          data-testid="track-info"
          style={{ marginTop: 12 }}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.infoRequest}</Typography.Paragraph>
          <Form layout="vertical" onFinish={(v: { text: string }) => supply.mutate(v.text)}>
            <Form.Item
              name="text"
              label={t('feedbackUi.infoReply')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={supply.isPending} block>
              {t('feedbackUi.infoSend')}
            </Button>
          </Form>
        </Card>
      )}
      {item.infoReply && item.status !== 'info_requested' && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          title={`${t('feedbackUi.infoAsked')}: ${item.infoRequest ?? ''}`}
          description={`${t('feedbackUi.yourReply')}: ${item.infoReply}`}
        />
      )}

      {/* after a reopen the earlier answer stays readable until the new one replaces it */}
      {(answered || item.reopenCount > 0) && item.answerText && (
        <Card
          size="small"
          type="inner"
          style={{ marginTop: 12 }}
          data-testid={answered ? 'track-answer' : 'track-previous-answer'}
          title={t(answered ? 'feedbackUi.answerTitle' : 'feedbackUi.previousAnswerTitle', {
            unit: item.responsibleUnitName ?? '',
          })}
          extra={item.sentAt ? formatDate(item.sentAt) : null}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.answerText}</Typography.Paragraph>
          {item.answeredBy && (
            <Typography.Text type="secondary">{t('feedbackUi.answeredBy', { name: item.answeredBy })}</Typography.Text>
          )}
        </Card>
      )}

      {answered && !item.rating && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="track-rate">
          <Typography.Paragraph strong>{t('feedbackUi.rateAsk')}</Typography.Paragraph>
          <Space wrap>
            <Button type="primary" onClick={() => rate.mutate('satisfied')} loading={rate.isPending}>
              {t('feedbackUi.satisfied')}
            </Button>
            <Button danger onClick={() => rate.mutate('unsatisfied')} loading={rate.isPending}>
              {t('feedbackUi.unsatisfied')}
            </Button>
          </Space>
        </Card>
      )}
      {answered && item.rating === 'satisfied' && (
        <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('feedbackUi.ratedSatisfied')} />
      )}
      {answered && item.rating === 'unsatisfied' && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="track-reopen">
          <Typography.Paragraph>
            {t('feedbackUi.ratedUnsatisfied')}{' '}
            {canReopen
              ? t('feedbackUi.reopenAsk', { date: reopenDate })
              : t('feedbackUi.reopenClosed', { date: reopenDate })}
          </Typography.Paragraph>
          {canReopen && (
            <Form layout="vertical" onFinish={(v: { text: string }) => reopen.mutate(v.text)}>
              <Form.Item
                name="text"
                label={t('feedbackUi.reopenReason')}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              >
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <Button danger htmlType="submit" loading={reopen.isPending} block>
                {t('feedbackUi.reopen')}
              </Button>
            </Form>
          )}
        </Card>
      )}
      {item.reopenCount > 0 && !answered && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="track-reopened"
          title={t('feedbackUi.reopened', { date: formatDate(item.answerDue) })}
        />
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('feedbackUi.timeline')}
      </Typography.Title>
      <Timeline
        data-testid="track-timeline"
        items={item.events.map((e) => ({
          content: (
            <>
              <Typography.Text strong>{tx(`feedback.action.${e.action}`, e.action)}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            </>
          ),
        }))}
      />
      <Link to="/feedback">{t('feedback.publicTitle')}</Link>
    </Card>
  );
}
