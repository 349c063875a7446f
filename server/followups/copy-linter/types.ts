export type LintRule = 'behaviour-exposure' | 'sensitive-topic' | 'affection' | 'first-name-in-subject' | 'noreply-sender' | 'because-you-bought';
export type LintSeverity = 'error' | 'warning';
export type LintField = 'subject' | 'body' | 'fromAddress' | 'replyTo';

export interface LintFinding {
  rule: LintRule;
  severity: LintSeverity;
  field: LintField;
  /** Merchant-facing, English, says what is wrong and what to do instead. */
  message: string;
  /** The offending text as written, and where it is in that field (UTF-16 offsets into the original string). */
  excerpt: string;
  start: number;
  end: number;
}

export interface LintInput {
  subject: string;
  body: string;
  fromAddress?: string;
  replyTo?: string;
}

/**
 * Errors block saving a live template: each one tells the buyer they were watched or profiled, or leaves them
 * no one to answer. Warnings are a matter of tone the merchant may judge otherwise.
 */
export const SEVERITY: Record<LintRule, LintSeverity> = {
  'behaviour-exposure': 'error',
  'because-you-bought': 'error',
  'sensitive-topic': 'error',
  'noreply-sender': 'error',
  affection: 'warning',
  'first-name-in-subject': 'warning',
};
