/** One function per rule: each reads one field and says what is wrong in it, where, and what to do instead. */
import { isNoReplyAddress } from '../personas/noreply.ts';
import { expand, joinOverlapping, PhraseSet, type Match } from './matcher.ts';
import { lifeStagesIn } from './life-stage.ts';
import { liquidTags, type Word } from './normalize.ts';
import { AFFECTION, BECAUSE_YOU_BOUGHT, BEHAVIOUR_EXPOSURE, SPANISH_INFINITIVE, TIME_WORDS, type Guard, type PhraseBook } from './phrases.ts';
import { sensitiveTopicsIn } from './sensitive.ts';
import { SEVERITY, type LintCode, type LintField, type LintFinding, type LintRule } from './types.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';

/** A field as typed, with its words (see normalize.ts), and the language it is written in. */
export interface FieldText {
  field: LintField;
  text: string;
  words: readonly Word[];
  locale: Locale;
}

function finding(rule: LintRule, code: LintCode, field: LintField, text: string, start: number, end: number, params: Omit<LintFinding['params'], 'excerpt'> = {}): LintFinding {
  const excerpt = text.slice(start, end);
  return { rule, code, severity: SEVERITY[rule], field, params: { excerpt, ...params }, excerpt, start, end };
}

/** One phrase set per language: a template is matched against its own language's phrases only. */
function phraseSetsOf(book: PhraseBook): Record<Locale, PhraseSet<Guard | null>> {
  const sets = {} as Record<Locale, PhraseSet<Guard | null>>;
  for (const locale of LOCALES) {
    const set = new PhraseSet<Guard | null>();
    for (const entry of book[locale]) {
      const { pattern, guard } = typeof entry === 'string' ? { pattern: entry, guard: undefined } : entry;
      for (const phrase of expand(pattern)) set.add(phrase, guard ?? null);
    }
    sets[locale] = set;
  }
  return sets;
}

/** False when the words around a match show it means something else (see the guards in phrases.ts). */
function guardHolds(guard: Guard | null, match: Match<Guard | null>, words: readonly Word[]): boolean {
  if (guard === 'unless-verb-follows') {
    const next = words[match.last + 1];
    return !(next && !next.breakBefore && SPANISH_INFINITIVE.test(next.text));
  }
  if (guard === 'unless-time-precedes') {
    const previous = words[match.first - 1];
    return !(previous && !words[match.first]!.breakBefore && TIME_WORDS.has(previous.text));
  }
  return true;
}

function phraseRule(rule: LintRule, code: LintCode, sets: Record<Locale, PhraseSet<Guard | null>>) {
  return ({ field, text, words, locale }: FieldText): LintFinding[] =>
    joinOverlapping(sets[locale].findAll(words).filter((match) => guardHolds(match.value, match, words))).map((match) =>
      finding(rule, code, field, text, words[match.first]!.start, words[match.last]!.end),
    );
}

/** Telling the buyer the store watched what they browsed: the admin asks to offer the tip or product on its merits. */
export const behaviourExposure = phraseRule('behaviour-exposure', 'behaviour_exposure', phraseSetsOf(BEHAVIOUR_EXPOSURE));

/** Tying a suggestion to what they bought reads as being tracked: the admin suggests "It pairs well with…". */
export const becauseYouBought = phraseRule('because-you-bought', 'because_you_bought', phraseSetsOf(BECAUSE_YOU_BOUGHT));

/** Feelings a shop can't have for a customer ring hollow (a warning). */
export const affection = phraseRule('affection', 'affection', phraseSetsOf(AFFECTION));

/**
 * Sensitive topics and life stages share one finding code: both tell the buyer what the store could infer
 * about them. Where a life-stage phrase holds a topic keyword ("your pregnancy"), the keyword's finding is the
 * one shown, since it names the topic; the phrases catch what no keyword does ("as a new mum", "sua recuperação").
 */
export function sensitiveTopic({ field, text, words, locale }: FieldText): LintFinding[] {
  // One finding over words first..last.
  const over = (code: LintCode, first: number, last: number, params: Omit<LintFinding['params'], 'excerpt'> = {}) =>
    finding('sensitive-topic', code, field, text, words[first]!.start, words[last]!.end, params);
  const keywords = sensitiveTopicsIn(text, words, locale);
  const holdsAKeyword = (first: number, last: number) => keywords.some((keyword) => first <= keyword.last && last >= keyword.first);
  const topics = keywords.map(({ topic, first, last }) => over('sensitive_topic', first, last, { topic }));
  // A phrase that holds a sensitive keyword is already reported by it, under its topic's name.
  const lifeStages = lifeStagesIn(text, words, locale)
    .filter(({ first, last }) => !holdsAKeyword(first, last))
    .map(({ first, last }) => over('life_stage', first, last));
  return [...topics, ...lifeStages].sort((a, b) => a.start - b.start);
}

/** `{{ customer.first_name }}` with any spacing, whitespace control or filters after it. */
const FIRST_NAME_OUTPUT = /^\{\{-?\s*customer\s*(?:\.\s*first_name|\[\s*(['"])first_name\1\s*\])(?![\w])/;
/** A variable about this buyer's purchase, in an output or a tag (`{% if guide.title %}`). */
const ORDER_VARIABLE = /\b(?:product|guide|order)\s*(?:\.|\[)/;

/**
 * A subject that greets the buyer by name over a body that could go to anyone is a blast dressed as a
 * personal note: fake intimacy. The body earns the name by being about their order.
 */
export function firstNameInSubject(subject: string, body: string): LintFinding[] {
  if (liquidTags(body).some((tag) => ORDER_VARIABLE.test(tag.source))) return [];
  return liquidTags(subject)
    .filter((tag) => FIRST_NAME_OUTPUT.test(tag.source))
    .map((tag) => finding('first-name-in-subject', 'first_name_in_subject', 'subject', subject, tag.start, tag.end));
}

export function noreplySender(field: 'fromAddress' | 'replyTo', address: string): LintFinding[] {
  if (!isNoReplyAddress(address)) return [];
  const start = address.length - address.trimStart().length;
  const end = address.trimEnd().length;
  return [finding('noreply-sender', 'noreply_sender', field, address, start, end)];
}
