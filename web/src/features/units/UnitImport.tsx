import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Table, Tooltip, Upload } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';

type RowProblem = { row: number; column?: string; problem: string };

/** Upload an .xlsx/.csv; a 422 answer lists the problems per row (nothing is imported then). */
export function UnitImport() {
  const { t } = useT();
  const qc = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<{ created: number; updated: number }>('/units/import', form);
    },
    onSuccess: (r) => {
      notifySuccess(t('units.importDone', r));
      qc.invalidateQueries({ queryKey: ['units'] });
    },
    meta: { silent: true },
  });
  const err = upload.error;
  const problems: RowProblem[] = err instanceof ApiError ? (err.problem.problems ?? []) : [];
  return (
    <>
      <Tooltip title={t('units.importHelp')}>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="unit-import">
            {t('units.import')}
          </Button>
        </Upload>
      </Tooltip>
      <Modal
        open={!!err}
        title={problems.length ? t('units.importProblems') : t('errors.title')}
        onCancel={() => upload.reset()}
        footer={<Button onClick={() => upload.reset()}>{t('common.close')}</Button>}
        width={720}
      >
        <Alert type="error" showIcon title={err?.message} style={{ marginBottom: 16 }} />
        {problems.length > 0 && (
          <Table<RowProblem & { key: number }>
            size="small"
            pagination={problems.length > 10 ? { pageSize: 10 } : false}
            dataSource={problems.map((p, i) => ({ ...p, key: i }))}
            columns={[
              { title: t('units.row'), dataIndex: 'row', width: 80 },
              {
                title: t('units.column'),
                dataIndex: 'column',
                width: 140,
                render: (c?: string) => c ?? t('common.none'),
              },
              { title: t('units.problem'), dataIndex: 'problem' },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
