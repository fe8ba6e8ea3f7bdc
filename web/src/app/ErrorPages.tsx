import { Button, Result } from 'antd';
import { Link, useRouteError } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';

export function NotFound() {
  const { t } = useT();
  return (
    <Result
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function Forbidden() {
  const { t } = useT();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenText')}
      extra={
        <Link to="/home">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A render error or a chunk that failed to load (e.g. after a deploy). */
export function RouteError() {
  const { t } = useT();
  const err = useRouteError() as Error | undefined;
  const chunk = /dynamically imported module|Importing a module script failed/i.test(err?.message ?? '');
  return (
    <Result
      status="error"
      title={t('errors.title')}
      subTitle={chunk ? t('errors.chunkFailed') : err?.message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.refresh')}
        </Button>
      }
    />
  );
}
