import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { type Me, useMe, useSetMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { AuthCard } from './AuthCard.tsx';

interface LoginForm {
  login: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/home');

export default function LoginPage() {
  const { t } = useT();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const login = useMutation({
    mutationFn: (v: LoginForm) => api.post<Me>('/auth/login', { login: v.login.trim(), password: v.password }),
    onSuccess: (user) => {
      setMe(user);
      navigate(next, { replace: true });
    },
    // 401 wrong password / 429 throttled: the server's message is shown in the form.
    meta: { silent: true },
  });
  if (me && !login.isPending) return <Navigate to={next} replace />;
  return (
    <AuthCard title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      {login.error && (
        <Alert
          type="error"
          showIcon
          title={login.error.message}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form<LoginForm>
        name="login"
        layout="vertical"
        onFinish={(v) => login.mutate(v)}
        requiredMark={false}
        size="large"
      >
        <Form.Item name="login" label={t('auth.login')} rules={[{ required: true, message: t('common.required') }]}>
          <Input prefix={<UserOutlined />} placeholder={t('auth.loginPlaceholder')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('auth.noAccount')} <Link to="/register">{t('auth.registerLink')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
