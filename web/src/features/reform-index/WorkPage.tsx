import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifyError, notifySuccess } from '../../lib/notify.tsx';
import { CorrectionsDrawer } from './Corrections.tsx';
import type { WorkItem } from './reformIndex.api.ts';
import { SurveyImportModal } from './SurveyImport.tsx';

const CYCLE_COLOURS: Record<string, string> = {
  open: 'blue',
  appraisal: 'orange',
  closed: 'purple',
  published: 'green',
};
const STATUS_COLOURS: Record<string, string> = {
  DRAFT: 'default',
  SUBMITTED: 'blue',
  RETURNED: 'red',
  APPRAISED: 'orange',
  APPROVED: 'green',
};

/** Cycles in the actor's scope: coordinators move them on, focal points and appraisers open assessments. */
export default function WorkPage() {
  const { t, tx, formatDate } = useT();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['ri-work'],
    queryFn: ({ signal }) => api.get<WorkItem[]>('/reform-index/work', undefined, signal),
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: string }) => api.post(`/reform-index/cycles/${id}/${action}`),
    onSuccess: () => {
      notifySuccess(t('reformIndex.saved'));
      qc.invalidateQueries({ queryKey: ['ri-work'] });
    },
    onError: notifyError,
  });
  const items = q.data ?? [];
  const [survey, setSurvey] = useState<{ id: string; name: string } | null>(null);
  const [corrections, setCorrections] = useState<WorkItem | null>(null);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reformIndex.work')}
      </Typography.Title>
      {!q.isLoading && !items.length && <Empty />}
      {items.map((w) => (
        <Card
          key={w.cycle.id}
          loading={q.isLoading}
          title={
            <Flex gap={8} align="center" wrap>
              <span>{w.framework.name}</span>
              <Tag color={CYCLE_COLOURS[w.cycle.status]}>{tx(`reformIndex.cycle_${w.cycle.status}`)}</Tag>
            </Flex>
          }
          extra={
            (w.role.manage || w.cycle.status === 'published') && (
              <Flex gap={8} wrap>
                {w.role.manage && ['appraisal', 'closed'].includes(w.cycle.status) && (
                  <Button
                    onClick={() => setSurvey({ id: w.cycle.id, name: w.framework.name })}
                    data-testid="ri-survey-open"
                  >
                    {t('reformIndex.survey')}
                  </Button>
                )}
                {w.cycle.status === 'published' && (
                  <Button onClick={() => setCorrections(w)} data-testid="ri-corrections-open">
                    {t('reformIndex.corrections')}
                  </Button>
                )}
                {w.role.manage && w.cycle.status === 'open' && (
                  <Button onClick={() => act.mutate({ id: w.cycle.id, action: 'start-appraisal' })}>
                    {t('reformIndex.startAppraisal')}
                  </Button>
                )}
                {w.role.manage && w.cycle.status === 'appraisal' && (
                  <Button onClick={() => act.mutate({ id: w.cycle.id, action: 'close-appraisal' })}>
                    {t('reformIndex.closeAppraisal')}
                  </Button>
                )}
                {w.role.manage && w.cycle.status === 'closed' && (
                  <Popconfirm
                    title={t('reformIndex.publish')}
                    onConfirm={() => act.mutate({ id: w.cycle.id, action: 'publish' })}
                  >
                    <Button type="primary">{t('reformIndex.publish')}</Button>
                  </Popconfirm>
                )}
                {w.role.manage && w.cycle.status !== 'published' && (
                  <Button onClick={() => act.mutate({ id: w.cycle.id, action: 'recompute' })}>
                    {t('reformIndex.recompute')}
                  </Button>
                )}
                {w.role.manage && (
                  <Link to={`/reform-index/frameworks?id=${w.framework.id}`}>
                    <Button type="link">{t('reformIndex.framework')}</Button>
                  </Link>
                )}
              </Flex>
            )
          }
        >
          <Typography.Paragraph type="secondary">
            {w.group.name} · {t('reformIndex.deadline')}: {formatDate(w.cycle.deadline)}
            {w.cycle.publishedOn ? ` · ${t('reformIndex.cycle_published')}: ${formatDate(w.cycle.publishedOn)}` : ''}
          </Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={w.assessments.length > 15 ? { pageSize: 15 } : false}
            dataSource={w.assessments}
            columns={[
              { title: t('reformIndex.unit'), dataIndex: 'unitName' },
              {
                title: t('reformIndex.status'),
                dataIndex: 'status',
                render: (s: string, a) => (
                  <Flex gap={4}>
                    <Tag color={STATUS_COLOURS[s]}>{tx(`reformIndex.${s}`)}</Tag>
                    {a.round > 1 && <Tag>{t('reformIndex.round', { n: a.round })}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('common.actions'),
                render: (_: unknown, a) => (
                  <Link to={`/reform-index/assessments/${a.id}${w.role.appraise ? '?mode=appraise' : ''}`}>
                    {t('common.open')}
                  </Link>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <SurveyImportModal cycle={survey} onClose={() => setSurvey(null)} />
      <CorrectionsDrawer work={corrections} onClose={() => setCorrections(null)} />
    </Flex>
  );
}
