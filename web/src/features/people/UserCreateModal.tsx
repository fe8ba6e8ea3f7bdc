import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { ALL_ROLES, type Role } from '../../lib/roles.ts';
import { type User, usersKey } from './people.api.ts';
import { UnitSelect } from './UnitSelect.tsx';

interface Values {
  fullName: string;
  email?: string;
  phone?: string;
  title?: string;
  unitId?: string;
  password: string;
  grants?: { role: Role; unitId?: string }[];
}

export function UserCreateModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) => {
      const grants = (v.grants ?? []).filter((g) => g?.role).map((g) => ({ role: g.role, unitId: g.unitId ?? null }));
      // Staff belong to a unit: when none is chosen, the unit of their first role is taken.
      const unitId = v.unitId ?? grants.find((g) => g.unitId)?.unitId ?? undefined;
      return api.post<User>('/users', {
        fullName: v.fullName.trim(),
        password: v.password,
        ...(v.email?.trim() ? { email: v.email.trim() } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
        ...(unitId ? { unitId } : {}),
        grants,
      });
    },
    onSuccess: () => {
      notifySuccess(t('people.saved'));
      qc.invalidateQueries({ queryKey: usersKey });
      done();
    },
    meta: { silent: true },
  });
  const done = () => {
    create.reset();
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('people.createTitle')}
      onCancel={done}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={720}
      forceRender
    >
      {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="user-create"
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        requiredMark="optional"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="fullName"
              label={t('people.fullName')}
              rules={[{ required: true, min: 2, message: t('common.required') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('people.jobTitle')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('people.email')} rules={[{ type: 'email' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('people.phone')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label={t('people.unit')}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="password"
              label={t('people.password')}
              extra={t('auth.passwordHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('people.grants')}</div>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col xs={24} md={9}>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('common.required') }]}>
                      <Select
                        placeholder={t('people.role')}
                        options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={21} md={13}>
                    <Form.Item name={[f.name, 'unitId']}>
                      <UnitSelect placeholder={t('people.grantUnit')} />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={2}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('people.removeGrant')}
                    />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
                {t('people.addGrant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
