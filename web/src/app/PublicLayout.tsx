import { LoginOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { Brand } from './Brand.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { FullPageSpin } from './RequireAuth.tsx';
import { useMe } from './session.ts';

const { Header, Content, Footer } = Layout;

/** Layout of the pages anyone may open: brand, language switch and sign-in (or "my workspace"). */
export function PublicLayout() {
  const { t } = useT();
  const { data: me } = useMe();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.sm;
  const onLogin = useLocation().pathname === '/login';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          background: '#fff',
          borderBottom: '3px solid #c8102e',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: narrow ? '0 12px' : '0 32px',
        }}
      >
        <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', height: '100%' }}>
          <Brand compact={narrow} />
        </div>
        <LangSwitch />
        {me ? (
          <Link to="/home">
            <Button type="primary" icon={<UserOutlined />}>
              {narrow ? null : t('public.goHome')}
            </Button>
          </Link>
        ) : onLogin ? null : (
          <Link to="/login">
            <Button type="primary" icon={<LoginOutlined />}>
              {t('nav.login')}
            </Button>
          </Link>
        )}
      </Header>
      <Content style={{ padding: narrow ? 12 : 32, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </Content>
      <Footer style={{ textAlign: 'center', padding: '16px 24px' }}>
        <Flex vertical gap={4} align="center">
          <Typography.Text strong>{t('app.name')}</Typography.Text>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.footer')}
          </Typography.Text>
        </Flex>
      </Footer>
    </Layout>
  );
}
