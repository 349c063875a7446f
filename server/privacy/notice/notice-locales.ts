import { LOCALES, type Locale } from '../../i18n/locales.ts';

/** The storefront languages the notice is written in (extensions/tacto/locales): Tacto's, under its one convention. */
export const NOTICE_LOCALES = LOCALES;
export type NoticeLocale = Locale;
