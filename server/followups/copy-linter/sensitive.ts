/**
 * Sensitive topics in a template's copy, found with the recommendation engine's own keyword lists so a word
 * that keeps a product out of recommendations also keeps it out of a follow-up, and a look-alike it lets
 * through ("baby alpaca", "azul bebê") passes here too. The engine's matcher only answers "which topics" for a
 * product; the linter needs where each word is, so the lists are matched again here, the same way: whole
 * words, an "s" plural on the last word, the longest phrase at a place winning.
 */
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { NOT_SENSITIVE_PHRASES, SENSITIVE_KEYWORDS, type KeywordTopic, type Phrases } from '../../recommend/sensitive-keywords.ts';
import { wordsOf } from '../../recommend/sensitive-topics.ts';
import { longestFirst, PhraseSet } from './matcher.ts';
import { hasAccent, type Word } from './normalize.ts';

export interface TopicMatch {
  topic: KeywordTopic;
  /** Indexes of the first and last word. */
  first: number;
  last: number;
}

/**
 * Keywords that, written without their accent, are a different everyday word: "bebe" drinks ("bebé",
 * "bebê" is a baby), "panal" is a honeycomb ("pañal" a diaper), "terco" stubborn ("terço" a rosary), "divida"
 * divides ("dívida" is a debt), "tora" a log ("Torá"). Product titles are matched folded because shops drop
 * accents in them; in a note a person writes, the accent is what tells the two apart.
 */
const NEEDS_ITS_ACCENT = new Set(['bebe', 'bebes', 'panal', 'panales', 'terco', 'tercos', 'divida', 'dividas', 'tora']);

/** Keywords that are also a common name or place ("Soy Rosario", "envíos a Rosario"): capitalised, they are one. */
const ALSO_A_NAME = new Set(['rosario']);

/** The engine's keyword lists name Portuguese `pt`; a template's language is `pt-BR`. */
const LIST_OF: Record<Locale, keyof Phrases> = { en: 'en', es: 'es', 'pt-BR': 'pt' };

/** One set per language: a template is checked with its own language's keywords (index.ts). */
const PHRASES = Object.fromEntries(
  LOCALES.map((locale) => {
    const set = new PhraseSet<KeywordTopic | null>();
    const file = (phrases: readonly string[], topic: KeywordTopic | null) => {
      for (const phrase of phrases) {
        const words = wordsOf(phrase);
        const last = words.length - 1;
        set.add(words, topic);
        set.add(words.map((word, k) => (k === last ? `${word}s` : word)), topic);
      }
    };
    for (const [topic, phrases] of Object.entries(SENSITIVE_KEYWORDS) as [KeywordTopic, Phrases][]) file(phrases[LIST_OF[locale]], topic);
    file(NOT_SENSITIVE_PHRASES[LIST_OF[locale]], null);
    return [locale, set];
  }),
) as Record<Locale, PhraseSet<KeywordTopic | null>>;

/** The sensitive topics a field written in `locale` names, in reading order, with where. `text` is the field as typed. */
export function sensitiveTopicsIn(text: string, words: readonly Word[], locale: Locale): TopicMatch[] {
  const found: TopicMatch[] = [];
  for (const match of longestFirst(PHRASES[locale].findAll(words))) {
    if (match.value === null) continue; // a look-alike: "baby alpaca" hides "baby"
    if (match.first === match.last) {
      const only = words[match.first]!;
      const written = text.slice(only.start, only.end);
      if (NEEDS_ITS_ACCENT.has(only.text) && !hasAccent(written)) continue;
      if (ALSO_A_NAME.has(only.text) && /^\p{Lu}/u.test(written)) continue;
    }
    found.push({ topic: match.value, first: match.first, last: match.last });
  }
  return found;
}
