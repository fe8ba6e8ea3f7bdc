import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { LANGS, type Lang, type MessageKey, type Params, translate } from './catalogue.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';

const STORAGE_KEY = 'cchc.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    // storage disabled: Vietnamese
  }
  return 'vi';
}

let current: Lang = typeof window === 'undefined' ? 'vi' : initialLang();

/** The language in use — read by the API client for Accept-Language. */
export const currentLang = (): Lang => current;

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
  /** for keys built at run time, e.g. `roles.${role}`; returns `fallback` (or the key) when missing */
  tx(key: string, fallback?: string, params?: Params): string;
  formatDate(iso: string | null | undefined): string;
  formatDateTime(iso: string | null | undefined): string;
  formatNumber(n: number | null | undefined, fractionDigits?: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(current);
  const setLang = useCallback((next: Lang) => {
    current = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted
    }
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = lang;
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (key, fallback, params) => {
        const s = translate(lang, key, params);
        return s === key && fallback !== undefined ? fallback : s;
      },
      formatDate: (iso) => formatDate(iso, lang),
      formatDateTime: (iso) => formatDateTime(iso, lang),
      formatNumber: (n, d) => formatNumber(n, lang, d),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `const { t } = useT(); t('units.title')` */
export function useT(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT() outside <I18nProvider>');
  return ctx;
}
