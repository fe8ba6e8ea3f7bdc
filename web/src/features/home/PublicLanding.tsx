import { LoginOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Grid, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { publicLinks } from '../../app/routes.tsx';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';

/** The page anonymous visitors see at '/': what the portal offers, sign-in and registration. */
export default function PublicLanding() {
  const { t } = useT();
  const { data: me } = useMe();
  const screens = Grid.useBreakpoint();
  return (
    <Flex vertical gap={24}>
      <div
        style={{
          background: 'linear-gradient(135deg, #0b3d7a 0%, #0b4f9c 55%, #1f6fc5 100%)',
          borderTop: '4px solid #c8102e',
          color: '#fff',
          borderRadius: 12,
          padding: screens.md ? '48px 40px' : '28px 20px',
        }}
      >
        <Typography.Title level={screens.md ? 1 : 3} style={{ color: '#fff', marginTop: 0 }}>
          {t('public.heroTitle')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: '#fff', fontSize: screens.md ? 17 : 15, maxWidth: 720 }}>
          {t('public.heroText')}
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          {me ? (
            <Link to="/home">
              <Button size="large">{t('public.goHome')}</Button>
            </Link>
          ) : (
            <>
              <Link to="/login">
                <Button size="large" icon={<LoginOutlined />}>
                  {t('public.staffLogin')}
                </Button>
              </Link>
              <Link to="/register">
                <Button size="large" ghost icon={<UserAddOutlined />}>
                  {t('public.citizenRegister')}
                </Button>
              </Link>
            </>
          )}
        </Flex>
      </div>
      <Row gutter={[16, 16]}>
        {publicLinks.map((l) => (
          <Col key={l.to} xs={24} md={8}>
            <Link to={l.to}>
              <Card hoverable style={{ height: '100%' }}>
                <Flex gap={16} align="flex-start">
                  <span style={{ fontSize: 32, color: '#0b4f9c' }}>{l.icon}</span>
                  <div>
                    <Typography.Title level={4} style={{ marginTop: 0 }}>
                      {t(l.titleKey)}
                    </Typography.Title>
                    <Typography.Text type="secondary">{t(l.textKey)}</Typography.Text>
                  </div>
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
