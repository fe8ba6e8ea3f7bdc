import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { useMemo, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { antdLocale } from '../i18n/antd-locale.ts';
import { I18nProvider, useT } from '../i18n/i18n.tsx';
import { NotifyBridge } from '../lib/notify.tsx';
import { createQueryClient } from './query-client.ts';
import { createRouter } from './router.tsx';

const theme = {
  token: {
    colorPrimary: '#0b4f9c',
    colorLink: '#0b4f9c',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
  },
};

function Themed() {
  const { lang } = useT();
  const [router] = useState(createRouter);
  const locale = useMemo(() => antdLocale(lang), [lang]);
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>
        <NotifyBridge />
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Themed />
      </QueryClientProvider>
    </I18nProvider>
  );
}
