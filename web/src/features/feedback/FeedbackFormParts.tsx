import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Select, Typography, Upload } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { feedbackApi } from './feedback.api.ts';

/** Up to 5 photos, kept by the form until it is sent (the server checks their content). */
/** What a report's form holds, filled in by a citizen or by staff taking it down. */
export interface ReportValues {
  categoryCode: string;
  areaUnitId: string;
  title: string;
  content: string;
  address: string;
  dossierCode?: string;
  reporterName: string;
  reporterAddress: string;
  reporterPhone?: string;
  reporterEmail?: string;
}

export function PhotosField({ setFiles }: { setFiles: Dispatch<SetStateAction<File[]>> }) {
  const { t } = useT();
  return (
    <Form.Item label={t('feedback.photos')} extra={t('feedback.photosHint')}>
      <Upload
        accept="image/*"
        multiple
        listType="picture"
        beforeUpload={(f) => {
          setFiles((xs) => [...xs, f].slice(0, 5));
          return false;
        }}
        onRemove={(f) => setFiles((xs) => xs.filter((x) => x.name !== f.name))}
      >
        <Button>{t('feedback.addPhotos')}</Button>
      </Upload>
    </Form.Item>
  );
}

/**
 * Who sends the item, as Decree 20/2008 requires (never shown publicly). `own`: the citizen fills
 * in their own details, so the browser may offer to fill them; an officer keys in someone else's.
 */
export function ReporterCard({ own }: { own: boolean }) {
  const { t } = useT();
  const req = [{ required: true, message: t('common.required') }];
  const auto = (v: string) => (own ? v : undefined);
  return (
    <Card size="small" title={t('feedback.identity')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('feedback.identityHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="reporterName" label={t('feedback.name')} rules={req}>
            <Input maxLength={120} autoComplete={auto('name')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reporterAddress" label={t('feedback.address')} rules={req}>
            <Input maxLength={300} autoComplete={auto('street-address')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reporterPhone" label={t('feedback.phone')}>
            <Input maxLength={20} inputMode="tel" autoComplete={auto('tel')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reporterEmail" label={t('feedback.email')}>
            <Input maxLength={200} type="email" autoComplete={auto('email')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Category (hot ones marked; only those in use) and ward of an item: two columns of a form row. */
export function CategoryAreaCols() {
  const { t, lang } = useT();
  const req = [{ required: true, message: t('common.required') }];
  const cats = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const areas = useQuery({ queryKey: ['feedback', 'areas'], queryFn: feedbackApi.areas });
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="categoryCode" label={t('feedback.category')} rules={req}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(cats.data ?? [])
              .filter((c) => c.active)
              .map((c) => ({
                value: c.code,
                label: `${lang === 'en' ? c.nameEn : c.name}${c.hot ? ` — ${t('feedback.hot')}` : ''}`,
              }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="areaUnitId" label={t('feedback.ward')} rules={req}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
      </Col>
    </>
  );
}
