import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Grid, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { allowed, type Role } from '../lib/roles.ts';
import { Brand } from './Brand.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { FullPageSpin } from './RequireAuth.tsx';
import { routes } from './routes.tsx';
import { useMe } from './session.ts';
import { useLogout } from './useLogout.ts';

const { Header, Sider, Content, Footer } = Layout;

/** The signed-in layout: menu by role on the left, who-am-I + language + sign-out on top. */
export function AppLayout() {
  const { t } = useT();
  const { data: me } = useMe();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();

  const items = useMemo(
    () =>
      routes
        .filter((r) => r.menu && !r.public && allowed(me, r.roles))
        .map((r) => ({ key: r.path, icon: r.menu!.icon, label: t(r.menu!.labelKey) })),
    [me, t],
  );
  const selected = items.filter((i) => location.pathname.startsWith(i.key)).map((i) => i.key);
  const roles = [...new Set((me?.grants ?? []).map((g) => g.role as Role))];
  const narrow = !screens.md;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsedWidth={narrow ? 0 : 64}
        collapsible
        zeroWidthTriggerStyle={{ top: 14 }}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={232}
        theme="light"
        // On phones the menu slides over the page instead of squeezing it.
        style={{
          borderRight: '1px solid #f0f0f0',
          ...(narrow ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 20 } : {}),
        }}
      >
        <div style={{ padding: '16px 16px 8px', overflow: 'hidden' }}>
          <Brand to="/home" iconOnly={collapsed} />
        </div>
        <Menu
          mode="inline"
          aria-label={t('nav.menu')}
          selectedKeys={selected}
          items={items}
          onClick={(e) => {
            navigate(e.key);
            if (narrow) setCollapsed(true);
          }}
          style={{ borderInlineEnd: 0 }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
            height: 'auto',
            minHeight: 64,
            lineHeight: 1.3,
          }}
        >
          {narrow && (
            <div style={{ paddingInlineStart: 40 }}>
              <Brand to="/home" iconOnly />
            </div>
          )}
          <Flex
            align="center"
            gap={10}
            style={{ minWidth: 0, flex: 1, justifyContent: 'flex-end' }}
            data-testid="whoami"
          >
            <Avatar icon={<UserOutlined />} style={{ background: '#0b4f9c', flex: 'none' }} />
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {me?.user.fullName}
              </Typography.Text>
              {!narrow && (
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  {me?.user.unit?.name ?? t('home.noUnit')}
                  {roles.length > 0 && ' · '}
                  {roles.map((r) => t(`roles.${r}`)).join(', ')}
                </Typography.Text>
              )}
            </Flex>
          </Flex>
          <LangSwitch />
          <Tooltip title={t('nav.logout')}>
            <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
              {narrow ? null : t('nav.logout')}
            </Button>
          </Tooltip>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer style={{ textAlign: 'center', color: '#888', padding: '12px 24px' }}>
          {t('app.footer')} · <Tag bordered={false}>v0.1</Tag>
        </Footer>
      </Layout>
    </Layout>
  );
}
