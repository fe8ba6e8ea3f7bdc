import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError, api, apiUrl } from '../../lib/api.ts';

type SurveyProblem = { row: number; column?: string; code: string; problem: string };

/**
 * The coordinator's survey results (điều tra XHH) of a cycle: download the template, upload it
 * filled in. A file with errors imports nothing; its problems are listed row by row.
 */
export function SurveyImportModal({ cycle, onClose }: { cycle: { id: string; name: string } | null; onClose(): void }) {
  const { t, tx } = useT();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<{ saved: number }>(`/reform-index/cycles/${cycle!.id}/survey/import`, form);
    },
    meta: { silent: true },
  });
  const err = upload.error;
  const problems: SurveyProblem[] =
    err instanceof ApiError ? ((err.problem.problems as SurveyProblem[] | undefined) ?? []) : [];
  const close = () => {
    upload.reset();
    onClose();
  };
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
      </Flex>
    </Modal>
  );
}
