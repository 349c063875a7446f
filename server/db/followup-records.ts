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

export type FollowupLocale = 'en' | 'es' | 'pt';

export type JobStatus = 'scheduled' | 'sending' | 'sent' | 'skipped' | 'unknown';
