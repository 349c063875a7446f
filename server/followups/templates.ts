/**
 * A follow-up's language and the template written in it. Pure, no I/O: the worker, the preview and the admin's
 * page all decide the same way.
 */
import { chooseLocale, DEFAULT_LOCALE, LOCALES, matchLocale } from '../i18n/locales.ts';
import type { FlowRecord, FollowupLocale, TemplateText } from '../db/followup-repository.ts';
import { DEFAULT_TEMPLATES } from './compose/words.ts';

/** A language's template as it would be sent: the merchant's, or the starter while they have not saved one. */
export interface LanguageTemplate extends TemplateText {
  locale: FollowupLocale;
  /** True while this language still sends Tacto's starting template. */
  starter: boolean;
}

/**
 * The language a buyer reads their follow-up in: their own (Shopify's customer `locale`), else the one they
 * shopped in (the order's `customerLocale`), else the shop's primary language. Regional tags fall back to their
 * language (`es-AR` → es, `pt-PT` → pt-BR); a language Tacto does not speak (`fr`) is passed over for the next
 * candidate, and with none left the shop's language decides (English when even that is unknown).
 */
export function followupLocale(input: { customerLocale: string | null | undefined; orderLocale: string | null | undefined; shopLocale: string | null | undefined }): FollowupLocale {
  return chooseLocale([input.customerLocale, input.orderLocale], matchLocale(input.shopLocale) ?? DEFAULT_LOCALE);
}

/** The template the flow sends in `locale`. Without a flow, or before the merchant saved that language: the starter. */
export function templateFor(flow: Pick<FlowRecord, 'templates'> | null, locale: FollowupLocale): LanguageTemplate {
  const saved = flow?.templates[locale];
  return saved ? { locale, subject: saved.subject, body: saved.body, starter: false } : { locale, ...DEFAULT_TEMPLATES[locale], starter: true };
}

/** Every language's template, in LOCALES order: what the admin's editor shows. */
export function allTemplates(flow: Pick<FlowRecord, 'templates'> | null): LanguageTemplate[] {
  return LOCALES.map((locale) => templateFor(flow, locale));
}
