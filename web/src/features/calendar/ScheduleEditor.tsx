import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Popconfirm, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api, apiUrl, isApiError } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { calendarApi, DAY_OFF_KINDS, type DayOffKind, type ScheduleInput } from './calendar.api.ts';
import { LunarDatePicker } from './LunarDatePicker.tsx';

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
  // All or nothing: the server lists every bad row of the file and then imports nothing.
  const importFile = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.upload<{ years: { year: number; version: number }[] }>('/calendar/schedules/import', body);
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['calendar'] });
      notifySuccess(t('calendar.imported', { years: r.years.map((y) => y.year).join(', ') }));
    },
  });
  const revert = useMutation({
    mutationFn: (version: number) => calendarApi.deleteSchedule(year, version),
    onSuccess: () => {
      refresh();
      notifySuccess(t('calendar.reverted', { year }));
    },
  });

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
    save.mutate(body);
  };

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
      onClose={onClose}
      title={t('calendar.editTitle', { year })}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          {data?.version && (
            <Popconfirm
              title={t('calendar.revertConfirm', { year })}
              onConfirm={() => revert.mutate(data.version!)}
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
              importFile.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importFile.isPending}>
              {t('calendar.importFile')}
            </Button>
          </Upload>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
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
          {save.error && (
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
