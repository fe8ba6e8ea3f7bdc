import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Static } from '@sinclair/typebox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Popconfirm, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { ImportResult } from '../../../../src/modules/calendar/calendar.schemas.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api, apiUrl, isApiError } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import {
  calendarApi,
  DAY_OFF_KINDS,
  type DayOffKind,
  type ScheduleInput,
  type ScheduleProblem,
  scheduleProblems,
} from './calendar.api.ts';
import { LunarDatePicker } from './LunarDatePicker.tsx';

/** A refused import or save: the server's message, and every problem it listed (year, date or row, problem). */
function ProblemsAlert({
  title,
  problems,
  onClose,
  testId,
}: {
  title: string;
  problems: ScheduleProblem[];
  onClose: () => void;
  testId: string;
}) {
  const { t } = useT();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={title}
      description={
        problems.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 280, overflowY: 'auto' }} data-testid={`${testId}-list`}>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered
              <li key={i} data-problem={p.problem}>
                {p.year !== undefined && (
                  <Tag style={{ marginInlineEnd: 6 }}>{t('calendar.problemYear', { year: p.year })}</Tag>
                )}
                {p.message}
              </li>
            ))}
          </ul>
        )
      }
      data-testid={testId}
    />
  );
}

interface Values {
  daysOff: { date: Dayjs; kind: DayOffKind; name: string }[];
  workingSaturdays: { date: Dayjs; name?: string }[];
  sources: string[];
}

/** Administrators: replace a year's days off and make-up Saturdays (PUT with the version). */
export function ScheduleEditor({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t, tx, formatDateTime } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const schedule = useQuery({
    queryKey: ['calendar', 'schedule', year],
    queryFn: ({ signal }) => calendarApi.schedule(year, signal),
    enabled: open,
  });
  const data = schedule.data;
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      daysOff: data.daysOff.map((d) => ({ date: dayjs(d.date), kind: d.kind, name: d.name })),
      workingSaturdays: data.workingSaturdays.map((w) => ({ date: dayjs(w.date), name: w.name || undefined })),
      sources: data.sources,
    });
  }, [data, form]);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['calendar'] });
  };
  const save = useMutation({
    mutationFn: (body: ScheduleInput) => calendarApi.saveSchedule(year, body),
    meta: { silent: true },
    onSuccess: (next) => {
      qc.setQueryData(['calendar', 'schedule', year], next);
      refresh();
      notifySuccess(t('calendar.saved', { year }));
      onClose();
    },
  });
  // All or nothing: the server lists every problem of the file and then imports nothing; the
  // drawer shows that list until the next action (another import, save, revert, close).
  const importFile = useMutation({
    meta: { silent: true },
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.upload<Static<typeof ImportResult>>('/calendar/schedules/import', body);
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['calendar'] });
      // name the years written and those the file left as they were
      const list = (unchanged: boolean) =>
        r.years
          .filter((y) => !!y.unchanged === unchanged)
          .map((y) => y.year)
          .join(', ');
      notifySuccess(
        [
          list(false) && t('calendar.imported', { years: list(false) }),
          list(true) && t('calendar.importedUnchanged', { years: list(true) }),
        ]
          .filter(Boolean)
          .join('. '),
      );
    },
  });
  const revert = useMutation({
    mutationFn: (version: number) => calendarApi.deleteSchedule(year, version),
    onSuccess: () => {
      refresh();
      notifySuccess(t('calendar.reverted', { year }));
    },
  });

  /** the previous action's errors go when the next action starts */
  const clearErrors = () => {
    save.reset();
    importFile.reset();
  };
  const close = () => {
    clearErrors();
    onClose();
  };

  const submit = (v: Values) => {
    const body: ScheduleInput = {
      daysOff: (v.daysOff ?? [])
        .map((d) => ({ date: d.date.format('YYYY-MM-DD'), kind: d.kind, name: d.name.trim() }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      workingSaturdays: (v.workingSaturdays ?? [])
        .map((w) => ({ date: w.date.format('YYYY-MM-DD'), ...(w.name?.trim() ? { name: w.name.trim() } : {}) }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      sources: (v.sources ?? []).map((s) => s.trim()).filter(Boolean),
    };
    if (data?.version) body.version = data.version;
    importFile.reset();
    save.mutate(body);
  };

  const importProblems = scheduleProblems(importFile.error);
  const savedProblems = scheduleProblems(save.error);

  const inYear = (d: Dayjs) => d.year() !== year;
  const uniqueDates = (list: 'daysOff' | 'workingSaturdays') => ({
    validator: async (_: unknown, value: Dayjs | undefined) => {
      if (!value) return;
      const all = (form.getFieldValue(list) as { date?: Dayjs }[] | undefined) ?? [];
      if (all.filter((x) => x?.date?.isSame(value, 'day')).length > 1)
        throw new Error(t('calendar.duplicateDate', { date: value.format('DD/MM/YYYY') }));
    },
  });

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('calendar.editTitle', { year })}
      size="large"
      destroyOnHidden
      // actions in the footer, wrapping: in the header they pushed "Lưu" off a phone's screen
      footer={
        <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
          {data?.version && (
            <Popconfirm
              title={t('calendar.revertConfirm', { year })}
              onConfirm={() => {
                clearErrors();
                revert.mutate(data.version!);
              }}
              okButtonProps={{ danger: true }}
            >
              <Button danger loading={revert.isPending}>
                {t('calendar.revert')}
              </Button>
            </Popconfirm>
          )}
          <Upload
            accept=".xlsx,.json"
            showUploadList={false}
            beforeUpload={(file) => {
              clearErrors();
              importFile.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importFile.isPending}>
              {t('calendar.importFile')}
            </Button>
          </Upload>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {importFile.error && (
        <ProblemsAlert
          title={
            importProblems.length
              ? t('calendar.importProblems', { file: importFile.variables?.name ?? '', count: importProblems.length })
              : `${t('calendar.importFailed', { file: importFile.variables?.name ?? '' })}: ${importFile.error.message}`
          }
          problems={importProblems}
          onClose={() => importFile.reset()}
          testId="calendar-import-problems"
        />
      )}
      {schedule.isLoading || !data ? (
        <Spin />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={data.origin === 'provisional' ? 'orange' : data.origin === 'edited' ? 'blue' : 'green'}>
              {tx(`calendar.origin.${data.origin}`, data.origin)}
            </Tag>
            {(['xlsx', 'json'] as const).map((format) => (
              <Button
                key={format}
                size="small"
                icon={<DownloadOutlined />}
                href={apiUrl(`/calendar/schedules/${year}/export`, { format })}
                data-testid={`calendar-export-${format}`}
              >
                {t('calendar.exportFile', { format: format === 'xlsx' ? 'xlsx' : 'JSON' })}
              </Button>
            ))}
            {data.version && (
              <Typography.Text type="secondary">
                {t('calendar.versionInfo', {
                  version: data.version,
                  at: formatDateTime(data.updatedAt),
                })}
              </Typography.Text>
            )}
          </Space>
          {save.error && savedProblems.length > 0 && (
            <ProblemsAlert
              title={t('calendar.saveProblems', { year, count: savedProblems.length })}
              problems={savedProblems}
              onClose={() => save.reset()}
              testId="calendar-save-error"
            />
          )}
          {save.error && savedProblems.length === 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={isApiError(save.error, 'VERSION_CONFLICT') ? t('calendar.conflictTitle') : save.error.message}
              description={isApiError(save.error, 'VERSION_CONFLICT') ? save.error.message : undefined}
              action={
                isApiError(save.error, 'VERSION_CONFLICT') ? (
                  <Button
                    size="small"
                    onClick={() => {
                      save.reset();
                      void schedule.refetch();
                    }}
                  >
                    {t('calendar.conflictReload')}
                  </Button>
                ) : undefined
              }
              data-testid="calendar-save-error"
            />
          )}
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item
              name="sources"
              label={t('calendar.sourcesLabel')}
              rules={[{ required: true, type: 'array', min: 1, message: t('calendar.sourcesRequired') }]}
            >
              <Select mode="tags" open={false} placeholder={t('calendar.sourcesPlaceholder')} tokenSeparators={[';']} />
            </Form.Item>
            <Typography.Title level={5}>{t('calendar.daysOff')}</Typography.Title>
            <Form.List name="daysOff">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Form.Item
                        name={[f.name, 'date']}
                        rules={[{ required: true, message: t('common.required') }, uniqueDates('daysOff')]}
                        style={{ marginBottom: 8 }}
                      >
                        <LunarDatePicker format="DD/MM/YYYY" disabledDate={inYear} placeholder={t('calendar.date')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                        <Select
                          style={{ width: 180 }}
                          options={DAY_OFF_KINDS.map((k) => ({ value: k, label: tx(`calendar.kinds.${k}`, k) }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ required: true, whitespace: true, max: 200, message: t('common.required') }]}
                        style={{ marginBottom: 8 }}
                      >
                        <Input placeholder={t('calendar.name')} style={{ width: 260 }} maxLength={200} />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('calendar.remove')}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: 'holiday', name: '' })}
                    style={{ marginBottom: 16 }}
                  >
                    {t('calendar.addDayOff')}
                  </Button>
                </>
              )}
            </Form.List>
            <Typography.Title level={5}>{t('calendar.workingSaturdays')}</Typography.Title>
            <Form.List name="workingSaturdays">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Form.Item
                        name={[f.name, 'date']}
                        rules={[
                          { required: true, message: t('common.required') },
                          {
                            validator: async (_, v: Dayjs | undefined) => {
                              if (v && v.day() !== 6) throw new Error(t('calendar.notSaturday'));
                            },
                          },
                          uniqueDates('workingSaturdays'),
                        ]}
                        style={{ marginBottom: 8 }}
                      >
                        <LunarDatePicker
                          format="DD/MM/YYYY"
                          disabledDate={(d) => inYear(d) || d.day() !== 6}
                          placeholder={t('calendar.date')}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']} rules={[{ max: 200 }]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('calendar.name')} style={{ width: 340 }} maxLength={200} />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('calendar.remove')}
                      />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('calendar.addWorkingSaturday')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form>
        </>
      )}
    </Drawer>
  );
}
