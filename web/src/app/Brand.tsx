import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';

interface BrandProps {
  to?: string;
  /** the short name only (narrow screens) */
  compact?: boolean;
  /** the logo only (collapsed menu) */
  iconOnly?: boolean;
}

/** Logo mark + name. */
export function Brand({ to = '/', compact = false, iconOnly = false }: BrandProps) {
  const { t } = useT();
  return (
    <Link
      to={to}
      style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0, height: '100%', lineHeight: 1.2 }}
    >
      <img src="/favicon.svg" alt={t('app.shortName')} width={30} height={30} style={{ flex: 'none' }} />
      {!iconOnly && (
        <Typography.Text strong style={{ color: '#c8102e', fontSize: compact ? 16 : 15 }}>
          {compact ? t('app.shortName') : t('app.name')}
        </Typography.Text>
      )}
    </Link>
  );
}
