import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Grid, Input, Rate, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifyError, notifySuccess } from '../../lib/notify.tsx';
import { SolarLunarDate } from '../calendar/index.ts';
import { type PublicLookup, STATUS_COLOURS, vnDate, vnDateTime } from './dossiers.api.ts';

/** Public: dossier code + last 4 phone digits → status, due date, history (nothing personal). */
export default function LookupPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const [q, setQ] = useState<{ code: string; phone4: string }>();
  const [stars, setStars] = useState(5);
  const look = useMutation({
    mutationFn: (v: { code: string; phone4: string }) => api.get<PublicLookup>('/public/dossiers/lookup', v),
    onError: notifyError,
  });
  const rate = useMutation({
    mutationFn: () => api.post('/public/dossiers/rating', { ...q, rating: stars }),
    onSuccess: () => {
      notifySuccess(t('dossiers.rateThanks'));
      if (q) look.mutate(q);
    },
    onError: notifyError,
  });
  const d = look.data;
  const screens = Grid.useBreakpoint();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880, margin: '0 auto', width: '100%' }}>
      <Card title={t('dossiers.lookupTitle')}>
        <Form
          name="dossier-lookup"
          // one line on a desk, stacked on a phone (inline, the code field ran off a 390 px screen)
          layout={screens.md ? 'inline' : 'vertical'}
          initialValues={{ code: params.get('code') ?? '', phone4: '' }}
          onFinish={(v: { code: string; phone4: string }) => {
            setQ(v);
            look.mutate(v);
          }}
        >
          <Form.Item name="code" label={t('dossiers.code')} rules={[{ required: true, min: 8 }]}>
            <Input style={{ width: 300, maxWidth: '100%' }} placeholder="HN-BTL-P-TC-231002-0001" />
          </Form.Item>
          <Form.Item name="phone4" label={t('dossiers.lookupPhone4')} rules={[{ required: true, pattern: /^\d{4}$/ }]}>
            <Input style={{ width: 90 }} maxLength={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={look.isPending}>
            {t('dossiers.lookupButton')}
          </Button>
        </Form>
      </Card>
      {d && (
        <Card
          title={
            <Flex gap={8} align="center">
              <Typography.Text strong>{d.code}</Typography.Text>
              <Tag color={STATUS_COLOURS[d.status]}>{d.statusName}</Tag>
              {d.overdue && <Tag color="red">{t('dossiers.overdue')}</Tag>}
            </Flex>
          }
        >
          {d.dueDateOnDayOff && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="due-on-day-off"
              title={t('dossiers.dueOnDayOffCitizen', { date: vnDate(d.dueDate) })}
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('dossiers.procedure')} span={2}>
              {d.procedureName}
            </Descriptions.Item>
            <Descriptions.Item label={t('dossiers.receivingUnit')}>{d.receivingUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.nationalCode')}>{d.nationalCode}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.submittedAt')}>{vnDateTime(d.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('dossiers.dueDate')}>
              <SolarLunarDate date={d.dueDate} strong provisional={d.dueDateProvisional} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('dossiers.history')}
          </Typography.Title>
          <Timeline
            items={d.history.map((h) => ({
              color: STATUS_COLOURS[h.toStatus] === 'red' ? 'red' : 'blue',
              children: (
                <>
                  <Typography.Text strong>{t(`dossiers.action_${h.action}` as never)}</Typography.Text> —{' '}
                  {vnDateTime(h.at)}
                  <div style={{ color: '#666' }}>
                    {[h.stepName, h.unitName].filter(Boolean).join(' · ')}
                    {h.dueDate ? ` · ${t('dossiers.dueDate')}: ${vnDate(h.dueDate)}` : ''}
                  </div>
                </>
              ),
            }))}
          />
          {d.canRate && (
            <Alert
              type="info"
              message={t('dossiers.rateTitle')}
              description={
                <Flex gap={12} align="center">
                  <Rate value={stars} onChange={setStars} />
                  <Button onClick={() => rate.mutate()} loading={rate.isPending}>
                    {t('dossiers.rateSend')}
                  </Button>
                </Flex>
              }
            />
          )}
        </Card>
      )}
    </Flex>
  );
}
