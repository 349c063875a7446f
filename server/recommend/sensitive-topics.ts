import { SENSITIVE_KEYWORDS, type KeywordTopic } from './sensitive-keywords.ts';

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
 * Shopify Standard Product Taxonomy subtrees (an id matches itself and everything under it). Ids checked in
 * Shopify/product-taxonomy `dist/en/categories.txt` (2024-07 and 2025-01 files); topics without a subtree of
 * their own (weight loss, finance, funeral, religion) rely on keywords and merchant tags.
 */
export const SENSITIVE_CATEGORIES: readonly (readonly [string, SensitiveTopic])[] = [
  ['hb-1-15-5', 'pregnancy-fertility'], // Health & Beauty > Health Care > Medical Tests > Pregnancy Tests
  ['hb-1-4-8', 'pregnancy-fertility'], // Health & Beauty > Health Care > Biometric Monitors > Fertility Monitors and Ovulation Tests
  ['aa-2-21', 'pregnancy-fertility'], // Apparel & Accessories > Clothing Accessories > Maternity Belts & Support Bands
  ['bt', 'baby'], // Baby & Toddler (the whole vertical: baby items are sensitive when inferred)
  ['hb-1-11', 'medical'], // Health & Beauty > Health Care > Incontinence Aids
  ['ma-1', 'sexual-wellness'], // Mature > Erotic
];

/** `tacto:sensitive` flags a product; `tacto:sensitive:<topic>` names the topic. */
const SENSITIVE_TAG = /^tacto:sensitive(?::([a-z-]+))?$/;
/** Switches off keyword matches only: a merchant fixing a false positive ("Baby Blue Mug"). */
const NOT_SENSITIVE_TAG = 'tacto:not-sensitive';

/** Lower case, accents removed, punctuation as spaces, padded: `" prueba de embarazo "`. */
export function normalizeText(text: string): string {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return ` ${plain.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

const KEYWORD_INDEX: readonly (readonly [string, KeywordTopic])[] = Object.entries(SENSITIVE_KEYWORDS).flatMap(([topic, languages]) =>
  [...languages.en, ...languages.es, ...languages.pt].map((phrase) => [normalizeText(phrase), topic as KeywordTopic] as const),
);

/** Every sensitive topic the product touches (empty: not sensitive). Pure and deterministic. */
export function sensitiveTopicsOf(product: ClassifiableProduct): SensitiveTopic[] {
  const topics = new Set<SensitiveTopic>();
  const category = product.categoryId;
  if (category) {
    for (const [root, topic] of SENSITIVE_CATEGORIES) if (category === root || category.startsWith(`${root}-`)) topics.add(topic);
  }
  const tags = product.tags.map((t) => t.trim().toLowerCase());
  for (const tag of tags) {
    const match = SENSITIVE_TAG.exec(tag);
    if (!match) continue;
    const named = match[1];
    topics.add(named && (SENSITIVE_TOPICS as readonly string[]).includes(named) ? (named as SensitiveTopic) : 'merchant-flagged');
  }
  if (!tags.includes(NOT_SENSITIVE_TAG)) {
    const text = normalizeText([product.title, product.productType, ...product.tags].join(' | '));
    for (const [phrase, topic] of KEYWORD_INDEX) if (text.includes(phrase)) topics.add(topic);
  }
  return [...topics];
}
