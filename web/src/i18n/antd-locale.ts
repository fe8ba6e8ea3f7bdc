import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import viVNModule from 'antd/es/locale/vi_VN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { Lang } from './catalogue.ts';

// antd ships CommonJS-typed declarations; under NodeNext the default import is typed as the module
// record although Vite hands us the locale object itself.
const unwrap = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const ANTD: Record<Lang, Locale> = { vi: unwrap(viVNModule), en: unwrap(enUSModule) };

/** The antd locale for a language; also switches dayjs (DatePicker month names). */
export function antdLocale(lang: Lang): Locale {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  return ANTD[lang];
}
