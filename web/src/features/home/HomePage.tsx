import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { routes } from '../../app/routes.tsx';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { allowed } from '../../lib/roles.ts';

/** "Xin chào, <name>": the user's unit and roles, and a card per feature they may open. */
export default function HomePage() {
  const { t, tx } = useT();
  const { data: me } = useMe();
  if (!me) return null;
  const features = routes.filter((r) => r.menu?.descriptionKey && !r.public && allowed(me, r.roles));
  return (
    <Flex vertical gap={24}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="greeting">
          {t('home.greeting', { name: me.user.fullName })}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'unit',
              label: t('home.unit'),
              children: <span data-testid="home-unit">{me.user.unit?.name ?? t('home.noUnit')}</span>,
            },
            {
              key: 'roles',
              label: t('home.roles'),
              children: (
                <Flex wrap gap={4} data-testid="home-roles">
                  {me.grants.map((g) => (
                    <Tag key={g.id} color="red">
                      {tx(`roles.${g.role}`, g.role)}
                      {g.unitName ? ` · ${g.unitName}` : ''}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <div>
        <Typography.Title level={4}>{t('home.features')}</Typography.Title>
        {features.length === 0 ? (
          <Empty />
        ) : (
          <Row gutter={[16, 16]}>
            {features.map((r) => (
              <Col key={r.path} xs={24} sm={12} lg={8}>
                <Link to={r.path}>
                  <Card hoverable style={{ height: '100%' }}>
                    <Card.Meta
                      avatar={<span style={{ fontSize: 28, color: '#0b4f9c' }}>{r.menu!.icon}</span>}
                      title={
                        <Flex justify="space-between">
                          {t(r.menu!.labelKey)} <RightOutlined />
                        </Flex>
                      }
                      description={t(r.menu!.descriptionKey!)}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </div>
    </Flex>
  );
}
