import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { nowInVietnam } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { calendarApi } from './calendar.api.ts';
import { LunarDatePicker } from './LunarDatePicker.tsx';
import { SolarLunarDate } from './SolarLunarDate.tsx';

interface Values {
  receivedAt: Dayjs;
  workingDays: number;
}

/** Receipt date-time + N working days → effective receipt date and due date (public API). */
export function DueDateCalculator() {
  const { t } = useT();
  const [form] = Form.useForm<Values>();
  const compute = useMutation({
    mutationFn: (v: Values) =>
      // the wall-clock time the user picked, in Vietnam time
      calendarApi.dueDate(`${v.receivedAt.format('YYYY-MM-DDTHH:mm')}:00+07:00`, v.workingDays),
  });
  return (
    <Card title={t('calendar.dueTitle')} data-testid="calendar-due">
      <Typography.Paragraph type="secondary">{t('calendar.dueIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ receivedAt: dayjs(nowInVietnam()), workingDays: 10 }}
        onFinish={(v) => compute.mutate(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="receivedAt"
          label={t('calendar.receivedAt')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <LunarDatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            allowClear={false}
            // antd's "Now" reads the browser's clock; receipts are counted in Vietnam time
            showNow={false}
            renderExtraFooter={() => (
              <Button
                size="small"
                type="link"
                onClick={() => form.setFieldValue('receivedAt', dayjs(nowInVietnam()))}
                data-testid="calendar-now-vn"
              >
                {t('calendar.nowInVietnam')}
              </Button>
            )}
          />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label={t('calendar.workingDays')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={compute.isPending}>
            {t('calendar.compute')}
          </Button>
        </Form.Item>
      </Form>
      {compute.data && (
        <Descriptions column={1} size="small" style={{ marginTop: 16 }} data-testid="calendar-due-result">
          <Descriptions.Item label={t('calendar.effectiveReceipt')}>
            <SolarLunarDate date={compute.data.effectiveReceiptDate} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('calendar.dueDate')}>
            <SolarLunarDate date={compute.data.dueDate} strong provisional={compute.data.provisional} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
