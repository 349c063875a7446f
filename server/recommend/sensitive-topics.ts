import { NOT_SENSITIVE_PHRASES, SENSITIVE_KEYWORDS, type KeywordTopic, type Phrases } from './sensitive-keywords.ts';

/**
 * Topics too personal for a store to infer (README, "Recommendations"): a product in one of them is never
 * suggested because of what the shopper bought, only from what they look at or declared (engine rule 2).
 */
export const SENSITIVE_TOPICS = [
  'pregnancy-fertility',
  'baby',
  'sexual-wellness',
  'medical',
  'weight-loss',
  'finance-debt',
  'funeral-grief',
  'religion',
  'merchant-flagged',
] as const;
export type SensitiveTopic = (typeof SENSITIVE_TOPICS)[number];

export interface ClassifiableProduct {
  title: string;
  productType: string;
  categoryId: string | null;
  tags: readonly string[];
}

/**
 * Shopify Standard Product Taxonomy subtrees: an id matches itself and every id under it. Names as written in
 * Shopify/product-taxonomy dist/en/categories.txt (2025-01-unstable); ids are stable across versions. Weight
 * loss and finance have no category of their own and rely on keywords and merchant tags.
 */
export const SENSITIVE_CATEGORIES: readonly (readonly [id: string, topic: SensitiveTopic])[] = [
  ['hb-1-15-5', 'pregnancy-fertility'], // Health & Beauty > Health Care > Medical Tests > Pregnancy Tests
  ['hb-1-4-8', 'pregnancy-fertility'], // Health & Beauty > Health Care > Biometric Monitors > Fertility Monitors and Ovulation Tests
  ['hb-1-4-10', 'pregnancy-fertility'], // Health & Beauty > Health Care > Biometric Monitors > Prenatal Heart Rate Monitors
  ['aa-1-7', 'pregnancy-fertility'], // Apparel & Accessories > Clothing > Maternity Clothing (nursing bras and shirts included)
  ['aa-2-21', 'pregnancy-fertility'], // Apparel & Accessories > Clothing Accessories > Maternity Belts & Support Bands
  ['hb-3-8-4-1', 'pregnancy-fertility'], // Health & Beauty > Personal Care > Feminine Sanitary Supplies > Feminine Pads & Protectors > Maternity Pads & Protectors
  ['bt', 'baby'], // Baby & Toddler (the whole vertical: baby items are sensitive when inferred)
  ['aa-1-2', 'baby'], // Apparel & Accessories > Clothing > Baby & Toddler Clothing
  ['aa-2-2', 'baby'], // Apparel & Accessories > Clothing Accessories > Baby & Toddler Clothing Accessories
  ['aa-8-2', 'baby'], // Apparel & Accessories > Shoes > Baby & Toddler Shoes
  ['fr-1', 'baby'], // Furniture > Baby & Toddler Furniture
  ['lb-4', 'baby'], // Luggage & Bags > Diaper Bags
  ['ma-1', 'sexual-wellness'], // Mature > Erotic
  ['hb-1-5', 'sexual-wellness'], // Health & Beauty > Health Care > Condoms
  ['hb-1-7', 'sexual-wellness'], // Health & Beauty > Health Care > Contraceptive Cases
  ['hb-1-22', 'sexual-wellness'], // Health & Beauty > Health Care > Spermicides
  ['hb-3-13', 'sexual-wellness'], // Health & Beauty > Personal Care > Personal Lubricants
  ['hb-1-2', 'medical'], // Health & Beauty > Health Care > Bed Pans
  ['hb-1-3-2', 'medical'], // Health & Beauty > Health Care > Biometric Monitor Accessories > Blood Glucose Meter Accessories
  ['hb-1-4-2', 'medical'], // Health & Beauty > Health Care > Biometric Monitors > Blood Glucose Meters
  ['hb-1-9-5', 'medical'], // Health & Beauty > Health Care > Fitness & Nutrition > Tube Feeding Supplements
  ['hb-1-10', 'medical'], // Health & Beauty > Health Care > Hearing Aids
  ['hb-1-11', 'medical'], // Health & Beauty > Health Care > Incontinence Aids
  ['hb-1-13', 'medical'], // Health & Beauty > Health Care > Medical Alarm Systems
  ['hb-1-14', 'medical'], // Health & Beauty > Health Care > Medical Identification Tags & Jewelry
  ['hb-1-15-3', 'medical'], // Health & Beauty > Health Care > Medical Tests > Drug Tests
  ['hb-1-15-4', 'medical'], // Health & Beauty > Health Care > Medical Tests > HIV Tests
  ['hb-1-15-6', 'medical'], // Health & Beauty > Health Care > Medical Tests > Urinary Tract Infection Tests
  ['hb-1-15-9', 'medical'], // Health & Beauty > Health Care > Medical Tests > Helicobacter Pylori Test Kits
  ['hb-1-17', 'medical'], // Health & Beauty > Health Care > Mobility & Accessibility
  ['hb-1-19', 'medical'], // Health & Beauty > Health Care > Pillboxes
  ['hb-1-20-1', 'medical'], // Health & Beauty > Health Care > Respiratory Care > Nebulizers
  ['hb-1-20-2', 'medical'], // Health & Beauty > Health Care > Respiratory Care > Oxygen Tanks
  ['hb-1-20-3', 'medical'], // Health & Beauty > Health Care > Respiratory Care > PAP Machines
  ['hb-1-20-4', 'medical'], // Health & Beauty > Health Care > Respiratory Care > PAP Masks
  ['hb-1-23', 'medical'], // Health & Beauty > Health Care > Stump Shrinkers
  ['rc-1', 'funeral-grief'], // Religious & Ceremonial > Memorial Ceremony Supplies (Memorial Urns)
  ['rc-2', 'religion'], // Religious & Ceremonial > Religious Items (prayer beads and cards, altars, veils, tarot cards)
];

const FLAG_TAG = 'tacto:sensitive';
/** Switches off keyword matches only: a merchant fixing a false positive ("Baby Blue Mug"). */
const NOT_SENSITIVE_TAG = 'tacto:not-sensitive';

/** Lower-cased words without accents or punctuation: "Pañales (adultos)" → ["panales", "adultos"]. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A phrase to find; a null topic marks a look-alike that hides the keyword inside it. */
interface Phrase {
  words: readonly string[];
  topic: KeywordTopic | null;
}

/** Every phrase, plus its "s" plural, filed under its first word so a text is scanned once. */
const PHRASES = new Map<string, Phrase[]>();
function file(phrases: Phrases, topic: KeywordTopic | null): void {
  for (const text of [...phrases.en, ...phrases.es, ...phrases.pt]) {
    const words = wordsOf(text);
    const last = words.length - 1;
    for (const variant of [words, words.map((word, k) => (k === last ? `${word}s` : word))]) {
      const first = variant[0];
      if (first === undefined) continue;
      PHRASES.set(first, [...(PHRASES.get(first) ?? []), { words: variant, topic }]);
    }
  }
}
for (const [topic, phrases] of Object.entries(SENSITIVE_KEYWORDS)) file(phrases, topic as KeywordTopic);
file(NOT_SENSITIVE_PHRASES, null);

/**
 * The topics one text names, in reading order. Where phrases overlap the longest wins, so "adult diapers" is
 * medical and not also baby, and "baby blue" hides "baby".
 */
function keywordTopicsOf(text: string): KeywordTopic[] {
  const words = wordsOf(text);
  const found: { start: number; length: number; topic: KeywordTopic | null }[] = [];
  words.forEach((word, start) => {
    for (const phrase of PHRASES.get(word) ?? []) {
      if (phrase.words.every((w, k) => words[start + k] === w)) found.push({ start, length: phrase.words.length, topic: phrase.topic });
    }
  });
  found.sort((a, b) => b.length - a.length || a.start - b.start);
  const taken = new Set<number>();
  const kept: { start: number; topic: KeywordTopic }[] = [];
  for (const match of found) {
    const span = Array.from({ length: match.length }, (_, k) => match.start + k);
    if (span.some((i) => taken.has(i))) continue;
    for (const i of span) taken.add(i);
    if (match.topic !== null) kept.push({ start: match.start, topic: match.topic });
  }
  return kept.sort((a, b) => a.start - b.start).map((match) => match.topic);
}

function isSensitiveTopic(value: string): value is SensitiveTopic {
  return (SENSITIVE_TOPICS as readonly string[]).includes(value);
}

/** Every sensitive topic the product touches (empty array: not sensitive). Deterministic, no I/O. */
export function sensitiveTopicsOf(product: ClassifiableProduct): SensitiveTopic[] {
  const topics = new Set<SensitiveTopic>();
  const category = product.categoryId;
  if (category) {
    for (const [root, topic] of SENSITIVE_CATEGORIES) if (category === root || category.startsWith(`${root}-`)) topics.add(topic);
  }

  const tags = product.tags.map((tag) => tag.trim().toLowerCase());
  for (const tag of tags) {
    if (tag === FLAG_TAG) topics.add('merchant-flagged');
    else if (tag.startsWith(`${FLAG_TAG}:`)) {
      // A misspelt topic still flags: the merchant meant "sensitive", and losing that would be the worse error.
      const named = tag.slice(FLAG_TAG.length + 1).trim();
      topics.add(isSensitiveTopic(named) ? named : 'merchant-flagged');
    }
  }

  if (!tags.includes(NOT_SENSITIVE_TAG)) {
    // Each field on its own, so a phrase never runs from the title into the type; Tacto's own tags are
    // instructions, not descriptions.
    const texts = [product.title, product.productType, ...product.tags.filter((tag) => !tag.trim().toLowerCase().startsWith('tacto:'))];
    for (const text of texts) for (const topic of keywordTopicsOf(text)) topics.add(topic);
  }
  return [...topics];
}
