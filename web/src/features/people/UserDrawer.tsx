import { DeleteOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Col,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Select,
  Tag,
} from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { ALL_ROLES, type Role } from '../../lib/roles.ts';
import { type User, usersKey } from './people.api.ts';
import { UnitSelect } from './UnitSelect.tsx';

interface EditValues {
  fullName: string;
  title?: string;
  unitId?: string;
}

/** One person: edit, enable/disable, reset the password, grant and revoke roles. */
export function UserDrawer({
  userId,
  canManage,
  onClose,
}: {
  userId: string | null;
  canManage: boolean;
  onClose(): void;
}) {
  const { t, tx } = useT();
  const qc = useQueryClient();
  const key = [...usersKey, 'one', userId] as const;
  const { data: user } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<User>(`/users/${userId}`, undefined, signal),
    enabled: !!userId,
  });
  const [editForm] = Form.useForm<EditValues>();
  const [grantForm] = Form.useForm<{ role: Role; unitId?: string }>();
  const [pwForm] = Form.useForm<{ password: string }>();
  useEffect(() => {
    if (user)
      editForm.setFieldsValue({
        fullName: user.fullName,
        title: user.title ?? undefined,
        unitId: user.unitId ?? undefined,
      });
  }, [user, editForm]);

  const changed = (u: User) => {
    qc.setQueryData(key, u);
    qc.invalidateQueries({ queryKey: usersKey, exact: false, refetchType: 'active' });
  };
  const update = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.patch<User>(`/users/${userId}`, { version: user!.version, ...body }),
    onSuccess: (u) => {
      changed(u);
      notifySuccess(t('people.saved'));
    },
    // someone else changed the person: show the record as it is now (the error is notified)
    onError: (err) => {
      if (isApiError(err, 'VERSION_CONFLICT')) qc.invalidateQueries({ queryKey: key });
    },
  });
  const addGrant = useMutation({
    mutationFn: (v: { role: Role; unitId?: string }) =>
      api.post<User>(`/users/${userId}/grants`, { role: v.role, unitId: v.unitId ?? null }),
    onSuccess: (u) => {
      changed(u);
      grantForm.resetFields();
    },
  });
  const removeGrant = useMutation({
    mutationFn: (grantId: string) => api.delete<User>(`/users/${userId}/grants/${grantId}`),
    onSuccess: changed,
  });
  const resetPw = useMutation({
    mutationFn: (v: { password: string }) =>
      api.post<void>(`/users/${userId}/reset-password`, { password: v.password }),
    onSuccess: () => {
      pwForm.resetFields();
      notifySuccess(t('people.passwordReset'));
      // the reset bumps the record's version: reload it before the next edit
      qc.invalidateQueries({ queryKey: key });
    },
    meta: { silent: true },
  });

  return (
    <Drawer
      open={!!userId}
      onClose={onClose}
      title={user ? t('people.editTitle', { name: user.fullName }) : ''}
      size="large"
      destroyOnHidden
      extra={
        user && canManage ? (
          user.active ? (
            <Popconfirm
              title={t('people.confirmDeactivate', { name: user.fullName })}
              onConfirm={() => update.mutate({ active: false })}
              okText={t('common.yes')}
              cancelText={t('common.no')}
            >
              <Button danger icon={<LockOutlined />}>
                {t('people.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button icon={<UnlockOutlined />} onClick={() => update.mutate({ active: true })}>
              {t('people.activate')}
            </Button>
          )
        ) : null
      }
    >
      {user && (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'email', label: t('people.email'), children: user.email ?? t('common.none') },
              { key: 'phone', label: t('people.phone'), children: user.phone ?? t('common.none') },
              {
                key: 'status',
                label: t('people.status'),
                children: user.active ? (
                  <Tag color="green">{t('people.active')}</Tag>
                ) : (
                  <Tag>{t('people.inactive')}</Tag>
                ),
              },
            ]}
          />
          <Divider />
          <Form<EditValues>
            form={editForm}
            name="user-edit"
            layout="vertical"
            disabled={!canManage}
            onFinish={(v) =>
              update.mutate({ fullName: v.fullName.trim(), title: v.title?.trim() || null, unitId: v.unitId ?? null })
            }
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
            </Row>
            <Form.Item name="unitId" label={t('people.unit')}>
              <UnitSelect />
            </Form.Item>
            {canManage && (
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Form>
          <Divider titlePlacement="start">{t('people.grants')}</Divider>
          <List
            size="small"
            bordered
            dataSource={user.grants}
            locale={{ emptyText: t('people.noGrants') }}
            renderItem={(g) => (
              <List.Item
                actions={
                  canManage
                    ? [
                        <Popconfirm
                          key="rm"
                          title={t('people.confirmRemoveGrant', { role: tx(`roles.${g.role}`, g.role) })}
                          onConfirm={() => removeGrant.mutate(g.id)}
                          okText={t('common.yes')}
                          cancelText={t('common.no')}
                        >
                          <Button size="small" danger type="text" icon={<DeleteOutlined />}>
                            {t('people.removeGrant')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Flex gap={8} wrap>
                  <Tag color="red">{tx(`roles.${g.role}`, g.role)}</Tag>
                  {g.unitName ?? ''}
                </Flex>
              </List.Item>
            )}
          />
          {canManage && (
            <Form
              form={grantForm}
              name="user-grant"
              layout="vertical"
              onFinish={(v) => addGrant.mutate(v)}
              style={{ marginTop: 16 }}
            >
              <Row gutter={8} align="bottom">
                <Col xs={24} md={8}>
                  <Form.Item
                    name="role"
                    label={t('people.role')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={11}>
                  <Form.Item name="unitId" label={t('people.grantUnit')}>
                    <UnitSelect />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item>
                    <Button htmlType="submit" block loading={addGrant.isPending}>
                      {t('people.addGrant')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          )}
          {canManage && (
            <>
              <Divider titlePlacement="start">{t('people.resetPassword')}</Divider>
              {resetPw.error && (
                <Alert type="error" showIcon title={resetPw.error.message} style={{ marginBottom: 12 }} />
              )}
              <Form form={pwForm} name="user-password" layout="inline" onFinish={(v) => resetPw.mutate(v)}>
                <Form.Item
                  name="password"
                  rules={[{ required: true, message: t('common.required') }]}
                  extra={t('auth.passwordHint')}
                >
                  <Input.Password placeholder={t('people.newPassword')} autoComplete="new-password" />
                </Form.Item>
                <Button htmlType="submit" icon={<KeyOutlined />} loading={resetPw.isPending}>
                  {t('people.resetPassword')}
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
