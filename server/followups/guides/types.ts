import type { Locale } from '../../i18n/locales.ts';

/** A guide is written in every language Tacto speaks: a buyer reads it in theirs (followups/templates.ts). */
export type GuideLocale = Locale;

/**
 * A care or use guide a merchant writes once and Tacto sends after a purchase, in the buyer's language, from a
 * real person at the store. It helps the buyer use what they bought well; it never sells more of the same.
 */
export interface Guide {
  /** Stable slug, e.g. 'wool-coat-care'. */
  id: string;
  /** Product types (exact, case-insensitive) the guide is for; and/or collection handles. */
  productTypes: string[];
  collectionHandles: string[];
  title: Record<GuideLocale, string>;
  /** Plain text, paragraphs separated by a blank line; 60–160 words; practical steps. */
  body: Record<GuideLocale, string>;
}
