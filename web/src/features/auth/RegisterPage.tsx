import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.tsx';
import { AuthCard } from './AuthCard.tsx';

interface RegisterForm {
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  confirm: string;
}

/** Citizens create their own account (email or phone); staff accounts are made by administrators. */
export default function RegisterPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const register = useMutation({
    mutationFn: (v: RegisterForm) =>
      api.post('/auth/register', {
        fullName: v.fullName.trim(),
        ...(v.email?.trim() ? { email: v.email.trim() } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        password: v.password,
      }),
    onSuccess: () => {
      notifySuccess(t('auth.registered'));
      navigate('/login');
    },
    meta: { silent: true },
  });
  return (
    <AuthCard title={t('auth.registerTitle')} subtitle={t('auth.registerSubtitle')}>
      {register.error && <Alert type="error" showIcon title={register.error.message} style={{ marginBottom: 16 }} />}
      <Form<RegisterForm>
        name="register"
        layout="vertical"
        onFinish={(v) => register.mutate(v)}
        requiredMark="optional"
      >
        <Form.Item
          name="fullName"
          label={t('auth.fullName')}
          rules={[{ required: true, min: 2, message: t('common.required') }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('auth.email')} rules={[{ type: 'email' }]}>
          <Input autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('auth.phone')}
          dependencies={['email']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value) =>
                value?.trim() || getFieldValue('email')?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.contactRequired'))),
            }),
          ]}
        >
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_r, value) =>
                value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={register.isPending}>
          {t('auth.registerSubmit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('auth.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
