import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';

/** Logo mark + name; `compact` shows the short name only (narrow screens). */
export function Brand({
  to = '/',
  compact = false,
  light = false,
}: {
  to?: string;
  compact?: boolean;
  light?: boolean;
}) {
  const { t } = useT();
  return (
    <Link
      to={to}
      style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0, height: '100%', lineHeight: 1.2 }}
    >
      <img src="/favicon.svg" alt="" width={30} height={30} style={{ flex: 'none' }} />
      <Flex vertical style={{ lineHeight: 1.15, minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ color: light ? '#fff' : '#c8102e', fontSize: 16 }}>
          {compact ? t('app.shortName') : t('app.name')}
        </Typography.Text>
      </Flex>
    </Link>
  );
}
