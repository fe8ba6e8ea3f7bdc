import enGBModule from 'antd/es/locale/en_GB.js';
import type { Locale } from 'antd/es/locale/index.js';
import viVNModule from 'antd/es/locale/vi_VN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en-gb';
import type { Lang } from './catalogue.ts';

// antd ships CommonJS-typed declarations; under NodeNext the default import is typed as the module
// record although Vite hands us the locale object itself.
const unwrap = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
// British English: weeks start on Monday, as in Vietnam and in the year view
const ANTD: Record<Lang, Locale> = { vi: unwrap(viVNModule), en: unwrap(enGBModule) };

/** The antd locale for a language; also switches dayjs (DatePicker month names). */
export function antdLocale(lang: Lang): Locale {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en-gb');
  return ANTD[lang];
}
