import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { SurveyProblem } from '../../../../src/modules/reform-index/reform-index.survey.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError, api, apiUrl } from '../../lib/api.ts';
import { PointsInput } from './PointsInput.tsx';

interface SurveySheet {
  editable: boolean;
  criteria: { code: string; name: string; maxPoints: number }[];
  units: { unitCode: string; unitName: string; points: Record<string, number | null> }[];
}
const cell = (unitCode: string, code: string) => `${unitCode}\u0000${code}`;

/**
 * The coordinator's survey results (điều tra XHH) of a cycle: download the template, upload it
 * filled in. A file with errors imports nothing; its problems are listed row by row.
 */
export function SurveyImportModal({ cycle, onClose }: { cycle: { id: string; name: string } | null; onClose(): void }) {
  const { t, tx } = useT();
  const qc = useQueryClient();
  const sheetKey = ['ri-survey', cycle?.id];
  const sheet = useQuery({
    queryKey: sheetKey,
    enabled: !!cycle,
    queryFn: ({ signal }) => api.get<SurveySheet>(`/reform-index/cycles/${cycle!.id}/survey`, undefined, signal),
  });
  // typed points not saved yet, by unit and criterion
  const [edits, setEdits] = useState<Map<string, number | null>>(new Map());
  const enter = useMutation({
    mutationFn: () =>
      api.post<{ saved: number }>(`/reform-index/cycles/${cycle!.id}/survey`, {
        scores: [...edits]
          .filter(([, v]) => v !== null)
          .map(([k, points]) => {
            const [unitCode = '', criterionCode = ''] = k.split('\u0000');
            return { unitCode, criterionCode, points };
          }),
      }),
    meta: { silent: true },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: sheetKey });
      setEdits(new Map());
    },
  });
  const enterProblems: SurveyProblem[] =
    enter.error instanceof ApiError ? ((enter.error.problem.errors as SurveyProblem[] | undefined) ?? []) : [];
  const badCells = new Set(enterProblems.map((p) => cell(p.unitCode ?? '', p.criterionCode ?? '')));
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<{ saved: number }>(`/reform-index/cycles/${cycle!.id}/survey/import`, form);
    },
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: sheetKey }),
  });
  const err = upload.error;
  const problems: SurveyProblem[] =
    err instanceof ApiError ? ((err.problem.problems as SurveyProblem[] | undefined) ?? []) : [];
  const close = () => {
    upload.reset();
    enter.reset();
    setEdits(new Map());
    onClose();
  };
  const s = sheet.data;
  return (
    <Modal
      open={!!cycle}
      title={t('reformIndex.surveyTitle', { name: cycle?.name ?? '' })}
      onCancel={close}
      footer={<Button onClick={close}>{t('common.close')}</Button>}
      width={860}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('reformIndex.surveyHelp')}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button
            icon={<DownloadOutlined />}
            href={cycle ? apiUrl(`/reform-index/cycles/${cycle.id}/survey/template.xlsx`) : undefined}
            data-testid="ri-survey-template"
          >
            {t('reformIndex.surveyTemplate')}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="ri-survey-upload">
              {t('reformIndex.surveyUpload')}
            </Button>
          </Upload>
        </Flex>
        {upload.data && (
          <Alert
            type="success"
            showIcon
            title={t('reformIndex.surveyDone', upload.data)}
            data-testid="ri-survey-done"
          />
        )}
        {err && (
          <Alert
            type="error"
            showIcon
            data-testid="ri-survey-problems"
            title={problems.length ? t('reformIndex.surveyProblems', { count: problems.length }) : err.message}
          />
        )}
        {problems.length > 0 && (
          <Table<SurveyProblem & { key: number }>
            size="small"
            pagination={problems.length > 10 ? { pageSize: 10 } : false}
            dataSource={problems.map((p, i) => ({ ...p, key: i }))}
            columns={[
              { title: t('units.row'), dataIndex: 'row', width: 70 },
              {
                title: t('reformIndex.column'),
                dataIndex: 'column',
                width: 130,
                render: (c?: string) => c ?? t('common.none'),
              },
              {
                title: t('reformIndex.problem'),
                render: (_: unknown, p) => (
                  <>
                    {tx(`reformIndex.problem_${p.code}`, p.code)}
                    <Typography.Text type="secondary"> — {p.problem}</Typography.Text>
                  </>
                ),
              },
            ]}
          />
        )}
        <Divider style={{ margin: '4px 0' }} />
        <Table<SurveySheet['units'][number]>
          rowKey="unitCode"
          size="small"
          loading={sheet.isLoading}
          data-testid="ri-survey-sheet"
          pagination={(s?.units.length ?? 0) > 10 ? { pageSize: 10 } : false}
          dataSource={s?.units ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('reformIndex.unit'), dataIndex: 'unitName', fixed: 'left', width: 220 },
            ...(s?.criteria ?? []).map((k) => ({
              title: (
                <span title={k.name}>
                  {k.code} <Typography.Text type="secondary">({k.maxPoints})</Typography.Text>
                </span>
              ),
              key: k.code,
              width: 120,
              render: (_: unknown, u: SurveySheet['units'][number]) => {
                const key = cell(u.unitCode, k.code);
                const value = edits.has(key) ? edits.get(key) : u.points[k.code];
                return s?.editable ? (
                  <PointsInput
                    size="small"
                    max={k.maxPoints}
                    status={badCells.has(key) ? 'error' : undefined}
                    aria-label={`${u.unitCode} ${k.code}`}
                    value={value ?? null}
                    onChange={(v) => setEdits((m) => new Map(m).set(key, v === null ? null : Number(v)))}
                  />
                ) : (
                  (value ?? '—')
                );
              },
            })),
          ]}
        />
        {enter.error && (
          <Alert
            type="error"
            showIcon
            title={enter.error.message}
            description={enterProblems.map((p) => (
              <div key={`${p.row}-${p.code}`}>
                {p.unitCode} · {p.criterionCode}: {tx(`reformIndex.problem_${p.code}`, p.code)}
              </div>
            ))}
          />
        )}
        {s?.editable && (
          <Flex gap={8} justify="end">
            <Button
              type="primary"
              disabled={![...edits.values()].some((v) => v !== null)}
              loading={enter.isPending}
              onClick={() => enter.mutate()}
              data-testid="ri-survey-save"
            >
              {t('reformIndex.surveySave')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}
