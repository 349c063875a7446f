/** One function per rule: each reads one field and says what is wrong in it, where, and what to do instead. */
import { isNoReplyAddress, noReplyMessage } from '../personas/noreply.ts';
import { expand, joinOverlapping, PhraseSet, type Match } from './matcher.ts';
import { lifeStagesIn } from './life-stage.ts';
import { liquidTags, type Word } from './normalize.ts';
import { AFFECTION, BECAUSE_YOU_BOUGHT, BEHAVIOUR_EXPOSURE, SPANISH_INFINITIVE, TIME_WORDS, type Guard, type PhraseBook } from './phrases.ts';
import { sensitiveTopicsIn, TOPIC_LABELS } from './sensitive.ts';
import { SEVERITY, type LintField, type LintFinding, type LintRule } from './types.ts';

/** A field as typed, with its words (see normalize.ts). */
export interface FieldText {
  field: LintField;
  text: string;
  words: readonly Word[];
}

function finding(rule: LintRule, field: LintField, text: string, start: number, end: number, message: string): LintFinding {
  return { rule, severity: SEVERITY[rule], field, message, excerpt: text.slice(start, end), start, end };
}

function phraseSetOf(book: PhraseBook): PhraseSet<Guard | null> {
  const set = new PhraseSet<Guard | null>();
  for (const entry of [...book.en, ...book.es, ...book.pt]) {
    const { pattern, guard } = typeof entry === 'string' ? { pattern: entry, guard: undefined } : entry;
    for (const phrase of expand(pattern)) set.add(phrase, guard ?? null);
  }
  return set;
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

function phraseRule(rule: LintRule, set: PhraseSet<Guard | null>, message: (excerpt: string) => string) {
  return ({ field, text, words }: FieldText): LintFinding[] =>
    joinOverlapping(set.findAll(words).filter((match) => guardHolds(match.value, match, words))).map((match) => {
      const start = words[match.first]!.start;
      const end = words[match.last]!.end;
      return finding(rule, field, text, start, end, message(text.slice(start, end)));
    });
}

export const behaviourExposure = phraseRule(
  'behaviour-exposure',
  phraseSetOf(BEHAVIOUR_EXPOSURE),
  (excerpt) =>
    `"${excerpt}" tells the buyer the store watched what they browsed. Leave it out and offer the tip or the product on its own merits.`,
);

export const becauseYouBought = phraseRule(
  'because-you-bought',
  phraseSetOf(BECAUSE_YOU_BOUGHT),
  (excerpt) =>
    `"${excerpt}" ties a suggestion to what they bought, which reads as being tracked. Offer it as a plain, helpful idea instead ("It pairs well with…").`,
);

export const affection = phraseRule(
  'affection',
  phraseSetOf(AFFECTION),
  (excerpt) =>
    `"${excerpt}" declares feelings a shop can't have for a customer, so it rings hollow. A plain thank-you and something useful come across warmer.`,
);

/**
 * Sensitive topics and life stages share one finding code: both tell the buyer what the store could infer
 * about them. Where a life-stage phrase holds a topic keyword ("your pregnancy"), the keyword's finding is the
 * one shown, since it names the topic; the phrases catch what no keyword does ("as a new mum", "sua recuperação").
 */
export function sensitiveTopic({ field, text, words }: FieldText): LintFinding[] {
  // One finding over words first..last, its message given the phrase as written.
  const over = (first: number, last: number, message: (phrase: string) => string) => {
    const start = words[first]!.start;
    const end = words[last]!.end;
    return finding('sensitive-topic', field, text, start, end, message(text.slice(start, end)));
  };
  const keywords = sensitiveTopicsIn(text, words);
  const holdsAKeyword = (first: number, last: number) => keywords.some((keyword) => first <= keyword.last && last >= keyword.first);
  const topics = keywords.map(({ topic, first, last }) =>
    over(
      first,
      last,
      (phrase) =>
        `"${phrase}" is about ${TOPIC_LABELS[topic]}, a sensitive topic: a follow-up must never hint at what the ` +
        `store could infer about the buyer. Write about the product through {{ product.title }} and how to care for it instead.`,
    ),
  );
  // A phrase that holds a sensitive keyword is already reported by it, under its topic's name.
  const lifeStages = lifeStagesIn(text, words)
    .filter(({ first, last }) => !holdsAKeyword(first, last))
    .map(({ first, last }) =>
      over(
        first,
        last,
        (phrase) =>
          `"${phrase}" speaks to the buyer's life stage or health (a new baby, an illness, a loss), which the store ` +
          `could only have guessed from what they bought. Write about the product through {{ product.title }} and how to use it instead.`,
      ),
    );
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
    .map((tag) =>
      finding(
        'first-name-in-subject',
        'subject',
        subject,
        tag.start,
        tag.end,
        'The subject greets the buyer by first name, but the body says nothing about their order: a personal subject on a ' +
          'generic note reads as fake intimacy. Make the body about what they bought ({{ product.title }}, {{ guide.title }}) ' +
          'or leave the name out of the subject.',
      ),
    );
}

export function noreplySender(field: 'fromAddress' | 'replyTo', address: string): LintFinding[] {
  if (!isNoReplyAddress(address)) return [];
  const start = address.length - address.trimStart().length;
  const end = address.trimEnd().length;
  return [finding('noreply-sender', field, address, start, end, noReplyMessage(field === 'fromAddress' ? 'From' : 'Reply-To'))];
}
