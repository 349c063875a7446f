/**
 * The follow-up copy linter: what the admin shows as the merchant types a template. Pure, no I/O. Each language
 * has its own template (the buyer's language picks it), checked with that language's phrase and keyword lists
 * only: a word is judged by the language it is written in, and each language's tab shows its own findings.
 * Findings are codes and params (types.ts); the admin words them in the merchant's language.
 */
import { wordsOfField } from './normalize.ts';
import { affection, becauseYouBought, behaviourExposure, firstNameInSubject, noreplySender, sensitiveTopic, type FieldText } from './rules.ts';
import type { LintField, LintFinding, LintInput } from './types.ts';

export type { LintCode, LintField, LintFinding, LintInput, LintRule, LintSeverity } from './types.ts';

const FIELD_ORDER: readonly LintField[] = ['subject', 'body', 'fromAddress', 'replyTo'];
const PHRASE_RULES = [behaviourExposure, becauseYouBought, sensitiveTopic, affection];

/** Every finding, by field (subject, body, From, Reply-To), then by where it starts. */
export function lintCopy(input: LintInput): LintFinding[] {
  const copy: FieldText[] = (['subject', 'body'] as const).map((field) => ({ field, text: input[field], words: wordsOfField(input[field]), locale: input.locale }));
  const findings = [
    ...copy.flatMap((field) => PHRASE_RULES.flatMap((rule) => rule(field))),
    ...firstNameInSubject(input.subject, input.body),
    ...(input.fromAddress ? noreplySender('fromAddress', input.fromAddress) : []),
    ...(input.replyTo ? noreplySender('replyTo', input.replyTo) : []),
  ];
  return findings.sort(
    (a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule),
  );
}

/** Errors block saving a live template; warnings are only shown. */
export function blocksSaving(findings: readonly LintFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
