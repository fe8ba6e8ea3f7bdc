import { Segmented } from 'antd';
import type { Lang } from '../i18n/catalogue.ts';
import { useT } from '../i18n/i18n.tsx';

/** VI | EN — persisted in localStorage; also switches antd's locale and the API's Accept-Language. */
export function LangSwitch() {
  const { lang, setLang, t } = useT();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      value={lang}
      onChange={setLang}
      options={[
        { value: 'vi', label: <span title={t('lang.vi')}>VI</span> },
        { value: 'en', label: <span title={t('lang.en')}>EN</span> },
      ]}
    />
  );
}
