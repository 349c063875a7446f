/** The storefront languages Tacto's extension is written in (extensions/tacto/locales), as Shopify names them. */
export const NOTICE_LOCALES = ['en', 'es', 'pt-BR'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];
