import type { Locale } from '../../i18n/locales.ts';
import type { KeywordTopic } from '../../recommend/sensitive-keywords.ts';

export type LintRule = 'behaviour-exposure' | 'sensitive-topic' | 'affection' | 'first-name-in-subject' | 'noreply-sender' | 'because-you-bought';
export type LintSeverity = 'error' | 'warning';
export type LintField = 'subject' | 'body' | 'fromAddress' | 'replyTo';

/**
 * What a finding says, as a code the admin words in the merchant's language (`followups:lint.<code>`): one per
 * rule, and `life_stage` for the sensitive-topic rule's phrases about the buyer's life rather than a topic word.
 */
export type LintCode = 'behaviour_exposure' | 'because_you_bought' | 'sensitive_topic' | 'life_stage' | 'affection' | 'first_name_in_subject' | 'noreply_sender';

export interface LintFinding {
  rule: LintRule;
  code: LintCode;
  severity: LintSeverity;
  field: LintField;
  /** What the admin's sentence needs: the phrase as written, and the topic it names (`sensitive_topic`). */
  params: { excerpt: string; topic?: KeywordTopic };
  /** The offending text as written, and where it is in that field (UTF-16 offsets into the original string). */
  excerpt: string;
  start: number;
  end: number;
}

export interface LintInput {
  /** The template's language: its subject and body are checked with that language's phrase lists. */
  locale: Locale;
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
