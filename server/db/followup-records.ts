import type { Locale } from '../i18n/locales.ts';

/*
 * The follow-up records the admin page shows, kept free of Node types so the browser build can import them too
 * (app/lib/followups.ts); the repository (followup-repository.ts) re-exports them.
 */

/** A sender persona as the admin and the mailer see it. The photo travels separately (`personaPhoto`). */
export interface PersonaRecord {
  id: number;
  fullName: string;
  role: string;
  signature: string;
  fromAddress: string;
  replyTo: string;
  hasPhoto: boolean;
  /** ISO time the Reply-To mailbox proved it receives mail; null until then (the persona cannot send). */
  replyToVerifiedAt: string | null;
}

/** A follow-up's language: one of Tacto's locales (server/i18n/locales.ts). */
export type FollowupLocale = Locale;

/** A template's text in one language. */
export interface TemplateText {
  subject: string;
  body: string;
}

export type JobStatus = 'scheduled' | 'sending' | 'sent' | 'skipped' | 'unknown';

/** A recent follow-up as the Follow-ups page lists it (the admin reads this type too). */
export interface RecentJob {
  orderId: number;
  /** "#1003", from the Admin API; null when it could not be read. */
  orderName: string | null;
  customerId: number;
  buyerFirstName: string | null;
  /** The product the mail is (or would be) about. */
  productTitle: string | null;
  dueAt: string;
  status: JobStatus;
  reason: string | null;
  sentAt: string | null;
}
