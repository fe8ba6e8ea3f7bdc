import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { notifyError, notifySuccess } from '../../lib/notify.tsx';
import { PointsInput } from './PointsInput.tsx';
import type { Score, Sheet, SheetCriterion } from './reformIndex.api.ts';

type Filter = 'all' | 'changed' | 'noEvidence';

/**
 * One unit's assessment sheet. The focal point self-scores (tier levels or a number, note,
 * "không áp dụng", evidence upload) with a progress bar and running total; in appraisal mode the
 * appraiser sees self vs appraised side by side, filters "changed" / "no evidence", and accepts or
 * adjusts each score with a reason (a 409 shows the other appraiser's value).
 */
export default function AssessmentPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, tx, formatNumber } = useT();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [conflict, setConflict] = useState<string>();
  const key = ['ri-sheet', id];
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Sheet>(`/reform-index/assessments/${id}`, undefined, signal),
  });
  const sheet = q.data;
  const appraise = params.get('mode') === 'appraise' || (!!sheet?.can.appraise && !sheet?.can.selfScore);
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const saveSelf = useMutation({
    mutationFn: ({ code, body }: { code: string; body: Record<string, unknown> }) =>
      api.put<Score>(`/reform-index/assessments/${id}/scores/${encodeURIComponent(code)}`, body),
    onSuccess: refresh,
    onError: notifyError,
  });
  const saveAppraisal = useMutation({
    mutationFn: ({ code, body }: { code: string; body: Record<string, unknown> }) =>
      api.put<Score>(`/reform-index/assessments/${id}/appraisals/${encodeURIComponent(code)}`, body),
    meta: { silent: true },
    onSuccess: () => {
      setConflict(undefined);
      refresh();
    },
    onError: (err) => {
      if (isApiError(err, 'VERSION_CONFLICT')) {
        const cur = err.problem.current as Score | null;
        setConflict(
          t('reformIndex.conflict', { value: cur?.appraisedScore ?? '—', reason: cur?.appraisalReason ?? '' }),
        );
        refresh();
      } else notifyError(err);
    },
  });
  const action = useMutation({
    mutationFn: (a: 'submit' | 'complete' | 'return') =>
      api.post(
        `/reform-index/assessments/${id}/${a}`,
        a === 'return' ? { reason: 'Đề nghị giải trình các tiêu chí đã điều chỉnh' } : {},
      ),
    onSuccess: () => {
      notifySuccess(t('reformIndex.saved'));
      refresh();
    },
    onError: notifyError,
  });
  const upload = useMutation({
    mutationFn: ({ code, file }: { code: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`/reform-index/assessments/${id}/evidence/${encodeURIComponent(code)}`, form);
    },
    onSuccess: refresh,
    onError: notifyError,
  });

  const rows = useMemo(() => {
    const list = sheet?.criteria ?? [];
    return list.filter((c) => {
      if (filter === 'changed')
        return c.leaf && c.score?.appraisedScore != null && c.score.appraisedScore !== c.score.selfScore;
      if (filter === 'noEvidence') return c.leaf && c.method !== 'survey' && c.evidence.length === 0;
      return true;
    });
  }, [sheet, filter]);
  if (!sheet) return <Card loading />;
  const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n));
  const depth = (c: SheetCriterion) => {
    let d = 0;
    let p = c.parentCode;
    while (p) {
      d++;
      p = sheet.criteria.find((x) => x.code === p)?.parentCode ?? null;
    }
    return d;
  };

  const selfInput = (c: SheetCriterion) => {
    if (!c.leaf) return null;
    if (c.method === 'survey') return <Typography.Text type="secondary">{fmt(c.score?.surveyPoints)}</Typography.Text>;
    const disabled = !sheet.can.selfScore || !!c.score?.notApplicable;
    const save = (v: number | null) =>
      saveSelf.mutate({
        code: c.code,
        body: { selfScore: v, selfNote: c.score?.selfNote ?? undefined, version: c.score?.version },
      });
    return (
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        {c.rule.kind === 'tiered' ? (
          <Select
            size="small"
            style={{ width: 210 }}
            disabled={disabled}
            value={c.score?.selfScore ?? undefined}
            placeholder={t('reformIndex.selfScore')}
            onChange={save}
            options={c.rule.levels?.map((l) => ({ value: l.points, label: `${fmt(l.points)} — ${l.label}` }))}
          />
        ) : (
          <PointsInput
            size="small"
            max={c.maxPoints}
            disabled={disabled}
            defaultValue={c.score?.selfScore ?? undefined}
            onBlur={(e) => save(e.target.value === '' ? null : Number(e.target.value.replace(',', '.')))}
          />
        )}
        {c.method === 'computed' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.score?.computedValue != null
              ? t('reformIndex.measured', { value: fmt(c.score.computedValue) })
              : c.score?.metricSnapshot?.status === 'metric_not_registered'
                ? t('reformIndex.metricMissing')
                : c.metricKey}
          </Typography.Text>
        )}
        {c.allowNotApplicable && (
          <Checkbox
            disabled={!sheet.can.selfScore}
            checked={!!c.score?.notApplicable}
            onChange={(e) =>
              saveSelf.mutate({
                code: c.code,
                body: { selfScore: null, notApplicable: e.target.checked, version: c.score?.version },
              })
            }
          >
            {t('reformIndex.notApplicable')}
          </Checkbox>
        )}
      </Space>
    );
  };

  const appraiseInput = (c: SheetCriterion) => {
    if (!c.leaf || c.method === 'survey') return null;
    const s = c.score;
    const changed = s?.appraisedScore != null && s.appraisedScore !== s.selfScore;
    if (!sheet.can.appraise)
      return (
        <Typography.Text type={changed ? 'danger' : undefined}>
          {fmt(s?.appraisedScore)} {s?.appraisalReason ? <i>({s.appraisalReason})</i> : null}
        </Typography.Text>
      );
    return (
      <AppraiseControls
        key={`${c.code}-${s?.version ?? 0}`}
        criterion={c}
        changed={changed}
        onSave={(appraisedScore, reason) =>
          saveAppraisal.mutate({ code: c.code, body: { appraisedScore, reason, version: s?.version ?? 1 } })
        }
      />
    );
  };

  const evidenceCell = (c: SheetCriterion) =>
    c.leaf && c.method !== 'survey' ? (
      <Space direction="vertical" size={2}>
        {c.evidence.map((e) => (
          <a key={e.id} href={`/api/v1/reform-index/evidence/${e.id}/file`}>
            <PaperClipOutlined /> {e.fileName ?? e.linkRef}
          </a>
        ))}
        {c.evidenceRequired && !c.evidence.length && <Tag color="red">{t('reformIndex.evidenceRequired')}</Tag>}
        {sheet.can.selfScore && (
          <Upload
            showUploadList={false}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
            beforeUpload={(file) => {
              upload.mutate({ code: c.code, file });
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('reformIndex.upload')}
            </Button>
          </Upload>
        )}
      </Space>
    ) : null;

  const pct = sheet.progress.total ? Math.round((100 * sheet.progress.scored) / sheet.progress.total) : 0;
  return (
    <Flex vertical gap={16}>
      <Card
        title={`${sheet.unit.name} — ${sheet.framework.name}`}
        extra={
          <Flex gap={8}>
            <Tag>{tx(`reformIndex.${sheet.assessment.status}`)}</Tag>
            {sheet.can.selfScore && (
              <Button type="primary" onClick={() => action.mutate('submit')}>
                {t('reformIndex.submit')}
              </Button>
            )}
            {sheet.can.appraise && sheet.assessment.status === 'SUBMITTED' && (
              <>
                {sheet.assessment.returnCount === 0 && (
                  <Button onClick={() => action.mutate('return')}>{t('reformIndex.return')}</Button>
                )}
                <Button type="primary" onClick={() => action.mutate('complete')}>
                  {t('reformIndex.complete')}
                </Button>
              </>
            )}
          </Flex>
        }
      >
        <Flex gap={24} wrap align="center">
          <div style={{ minWidth: 320 }}>
            <Typography.Text>{t('reformIndex.progress', sheet.progress)}</Typography.Text>
            <Progress percent={pct} data-testid="ri-progress" />
          </div>
          <Typography.Text strong>
            {t('reformIndex.runningTotal', { self: fmt(sheet.totals.self), max: fmt(sheet.totals.max) })}
          </Typography.Text>
          {appraise && (
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: t('reformIndex.filterAll') },
                { value: 'changed', label: t('reformIndex.filterChanged') },
                { value: 'noEvidence', label: t('reformIndex.filterNoEvidence') },
              ]}
            />
          )}
        </Flex>
        {sheet.lackingEvidence.length > 0 && sheet.can.selfScore && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            message={t('reformIndex.lacking', { list: sheet.lackingEvidence.join(', ') })}
          />
        )}
        {sheet.assessment.returnReason && sheet.assessment.status === 'RETURNED' && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon message={sheet.assessment.returnReason} />
        )}
        {conflict && <Alert style={{ marginTop: 12 }} type="error" showIcon closable message={conflict} />}
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<SheetCriterion>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: appraise ? 1400 : 1100 }}
          rowClassName={(c) => (c.leaf ? '' : 'ri-parent-row')}
          onRow={(c) => ({ style: c.leaf ? undefined : { background: '#f5f8fc', fontWeight: 600 } })}
          columns={[
            {
              title: t('reformIndex.criterion'),
              width: 360,
              render: (_: unknown, c) => (
                <div style={{ paddingLeft: depth(c) * 16 }}>
                  <Typography.Text strong={!c.leaf}>
                    {c.code}. {c.name}
                  </Typography.Text>
                  {c.leaf && (
                    <div>
                      <Tag style={{ fontSize: 11 }}>{tx(`reformIndex.method_${c.method}`)}</Tag>
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('reformIndex.max'),
              dataIndex: 'maxPoints',
              align: 'right',
              width: 60,
              render: (v: number) => fmt(v),
            },
            {
              title: appraise ? t('reformIndex.self') : t('reformIndex.selfScore'),
              width: 230,
              render: (_: unknown, c) =>
                appraise ? (
                  c.leaf ? (
                    <span>
                      {c.score?.notApplicable
                        ? t('reformIndex.notApplicable')
                        : fmt(c.score?.selfScore ?? c.score?.surveyPoints)}
                    </span>
                  ) : null
                ) : (
                  selfInput(c)
                ),
            },
            ...(appraise
              ? [
                  {
                    title: t('reformIndex.appraised'),
                    width: 300,
                    render: (_: unknown, c: SheetCriterion) => appraiseInput(c),
                  },
                ]
              : []),
            {
              title: t('reformIndex.selfNote'),
              width: 220,
              render: (_: unknown, c) =>
                c.leaf && c.method !== 'survey' ? (
                  sheet.can.selfScore ? (
                    <Input.TextArea
                      autoSize
                      defaultValue={c.score?.selfNote ?? ''}
                      onBlur={(e) =>
                        e.target.value !== (c.score?.selfNote ?? '') &&
                        saveSelf.mutate({
                          code: c.code,
                          body: {
                            selfScore: c.score?.selfScore ?? null,
                            selfNote: e.target.value,
                            version: c.score?.version,
                          },
                        })
                      }
                    />
                  ) : (
                    <Typography.Text type="secondary">{c.score?.selfNote}</Typography.Text>
                  )
                ) : null,
            },
            { title: t('reformIndex.evidence'), width: 220, render: (_: unknown, c) => evidenceCell(c) },
          ]}
        />
      </Card>
    </Flex>
  );
}

/** The appraiser's score and reason for one criterion; the button says "accept" while the self-score is kept. */
function AppraiseControls({
  criterion: c,
  changed,
  onSave,
}: {
  criterion: SheetCriterion;
  changed: boolean;
  onSave(value: number, reason: string): void;
}) {
  const { t } = useT();
  const s = c.score;
  const [value, setValue] = useState<number | null>(s?.appraisedScore ?? s?.selfScore ?? null);
  const [reason, setReason] = useState(s?.appraisalReason ?? '');
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space>
        {changed && <Tag color="red">Δ</Tag>}
        <PointsInput
          size="small"
          max={c.maxPoints}
          value={value}
          onChange={(v) => setValue(v === null ? null : Number(v))}
        />
        <Button size="small" disabled={value === null} onClick={() => value !== null && onSave(value, reason)}>
          {s?.appraisedScore == null && value === s?.selfScore ? t('reformIndex.accept') : t('common.save')}
        </Button>
      </Space>
      <Input
        size="small"
        placeholder={t('reformIndex.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Space>
  );
}
