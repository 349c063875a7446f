import { describe, expect, it } from 'vitest';
import { lintCopy } from '../../server/followups/copy-linter/index.ts';
import { chooseGuide, type GuideProduct } from '../../server/followups/guides/choose-guide.ts';
import { DEFAULT_GUIDES } from '../../server/followups/guides/default-guides.ts';
import type { Guide, GuideLocale } from '../../server/followups/guides/types.ts';
import { isTooPersonalForFollowup, followupSensitiveTopics } from '../../server/followups/sensitive-purchase.ts';
import { wordsOf } from '../../server/recommend/sensitive-topics.ts';
import { DEMO_COLLECTIONS } from '../../sandbox/seed/demo-collections.ts';
import { DEMO_PRODUCTS } from '../../sandbox/seed/demo-products.ts';

const LOCALES: readonly GuideLocale[] = ['en', 'es', 'pt-BR'];
const key = (text: string) => text.trim().toLowerCase();

/** Each demo product as the follow-up sees it: too personal for a mail or not (sensitive-purchase.ts). */
const demo = DEMO_PRODUCTS.map((spec) => ({
  handle: spec.handle,
  productType: spec.productType,
  collectionHandles: [...spec.collections] as string[],
  sensitive: isTooPersonalForFollowup({ title: spec.title, productType: spec.productType, categoryId: spec.category?.id ?? null, tags: spec.tags }),
}));
/** A type is sensitive as soon as one product of it is: a guide for it would reach that buyer too. */
const sensitiveTypes = new Set(demo.filter((p) => p.sensitive).map((p) => key(p.productType)));
const safeTypes = new Set(demo.map((p) => key(p.productType)).filter((type) => !sensitiveTypes.has(type)));
/** Collections holding any sensitive product: a guide keyed on one would follow those purchases. */
const sensitiveCollections = new Set(demo.filter((p) => p.sensitive).flatMap((p) => p.collectionHandles));

const wordCount = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
const textsOf = (guide: Guide) => LOCALES.flatMap((locale) => [guide.title[locale], ...guide.body[locale].split('\n\n')]);

describe('default guides cover the demo catalog', () => {
  it('derives a meaningful split from the catalog', () => {
    // The demo catalog holds sensitive items on purpose; if that changed, the checks below would prove nothing.
    expect(sensitiveTypes.size).toBeGreaterThan(0);
    expect(safeTypes.size).toBeGreaterThan(5);
  });

  it.each([...safeTypes])('non-sensitive product type "%s" has a guide of its own', (type) => {
    expect(DEFAULT_GUIDES.filter((guide) => guide.productTypes.some((t) => key(t) === type))).toHaveLength(1);
  });

  it('no guide targets a sensitive product type or a collection that holds sensitive products', () => {
    for (const guide of DEFAULT_GUIDES) {
      for (const type of guide.productTypes) {
        expect(sensitiveTypes.has(key(type)), `${guide.id}: ${type}`).toBe(false);
        expect(followupSensitiveTopics({ title: '', productType: type, categoryId: null, tags: [] }), `${guide.id}: ${type}`).toEqual([]);
      }
      for (const handle of guide.collectionHandles) {
        expect(sensitiveCollections.has(handle), `${guide.id}: ${handle}`).toBe(false);
        expect(DEMO_COLLECTIONS.map((c) => c.handle as string)).toContain(handle);
      }
    }
  });

  it('every demo product gets the guide for its type, and sensitive ones get none', () => {
    for (const product of demo) {
      const guide = chooseGuide({ products: [product], guides: DEFAULT_GUIDES });
      if (product.sensitive) expect(guide, product.handle).toBeNull();
      else expect(guide?.productTypes.map(key), product.handle).toContain(key(product.productType));
    }
  });
});

describe('default guide content', () => {
  it('has unique, slug-shaped ids and each collection handle in at most one guide', () => {
    const ids = DEFAULT_GUIDES.map((guide) => guide.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const handles = DEFAULT_GUIDES.flatMap((guide) => guide.collectionHandles);
    expect(new Set(handles).size).toBe(handles.length);
  });

  it.each(DEFAULT_GUIDES.flatMap((guide) => LOCALES.map((locale) => [guide.id, locale, guide] as const)))(
    '%s (%s): a title and a plain-text body of 60–160 words in paragraphs',
    (_id, locale, guide) => {
      const title = guide.title[locale];
      const body = guide.body[locale];
      expect(title.trim()).toBe(title);
      expect(wordCount(title)).toBeGreaterThanOrEqual(3);
      expect(wordCount(title)).toBeLessThanOrEqual(12);
      expect(wordCount(body)).toBeGreaterThanOrEqual(60);
      expect(wordCount(body)).toBeLessThanOrEqual(160);
      const paragraphs = body.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(2);
      for (const paragraph of paragraphs) {
        expect(paragraph).not.toBe('');
        expect(paragraph.trim()).toBe(paragraph);
        expect(paragraph).not.toContain('\n');
        expect(paragraph).not.toMatch(/[*#<>!]|https?:/);
      }
    },
  );

  it('languages are written separately, not copied', () => {
    for (const guide of DEFAULT_GUIDES) {
      expect(new Set(LOCALES.map((locale) => guide.body[locale])).size, guide.id).toBe(3);
      expect(new Set(LOCALES.map((locale) => guide.title[locale])).size, guide.id).toBe(3);
    }
  });

  it('names no sensitive topic in any language', () => {
    for (const guide of DEFAULT_GUIDES) {
      for (const text of textsOf(guide)) {
        expect(followupSensitiveTopics({ title: text, productType: '', categoryId: null, tags: [] }), `${guide.id}: ${text}`).toEqual([]);
      }
    }
  });

  it('never talks about what the shopper bought or browsed, nor sells', () => {
    const banned = [
      'because you', 'you bought', 'you purchased', 'you looked', 'we saw', 'we noticed', 'purchase history', 'tracking', 'love',
      'perfect', 'amazing', 'discount', 'buy', 'compraste', 'porque compraste', 'viste', 'historial', 'te encantara', 'perfecto',
      'increible', 'descuento', 'voce comprou', 'comprou', 'historico', 'perfeito', 'incrivel', 'desconto', 'vai amar',
    ].map(wordsOf);
    for (const guide of DEFAULT_GUIDES) {
      for (const text of textsOf(guide)) {
        const words = wordsOf(text);
        for (const phrase of banned) {
          const found = words.some((_, start) => phrase.every((word, k) => words[start + k] === word));
          expect(found, `${guide.id}: "${phrase.join(' ')}" in ${text}`).toBe(false);
        }
      }
    }
  });

  it.each(DEFAULT_GUIDES.flatMap((guide) => LOCALES.map((locale) => [guide.id, locale, guide] as const)))(
    '%s (%s): passes the follow-up copy linter with no error',
    (_id, locale, guide) => {
      // Baby gear may be named in its own care guide (sensitive-purchase.ts); every other topic stays an error.
      const tooPersonal = (excerpt: string) => followupSensitiveTopics({ title: excerpt, productType: '', categoryId: null, tags: [] }).length > 0;
      const errors = lintCopy({ locale, subject: guide.title[locale], body: guide.body[locale] }).filter(
        (f) => f.severity === 'error' && (f.rule !== 'sensitive-topic' || tooPersonal(f.excerpt)),
      );
      expect(errors).toEqual([]);
    },
  );
});

describe('chooseGuide', () => {
  const guide = (id: string, productTypes: string[], collectionHandles: string[]): Guide => ({
    id,
    productTypes,
    collectionHandles,
    title: { en: id, es: id, 'pt-BR': id },
    body: { en: id, es: id, 'pt-BR': id },
  });
  const coat = guide('coat', ['Coat'], []);
  const winter = guide('winter', [], ['winter']);
  const gloves = guide('gloves', ['Gloves', 'Mittens'], []);
  const guides = [coat, winter, gloves];
  const product = (productType: string, collectionHandles: string[] = [], sensitive = false): GuideProduct => ({
    productType,
    collectionHandles,
    sensitive,
  });

  it('matches the product type exactly, ignoring case and surrounding spaces', () => {
    expect(chooseGuide({ products: [product('Coat')], guides })).toBe(coat);
    expect(chooseGuide({ products: [product(' MITTENS ')], guides })).toBe(gloves);
    expect(chooseGuide({ products: [product('Coats')], guides })).toBeNull();
  });

  it('prefers the type match to a collection match for the same product', () => {
    expect(chooseGuide({ products: [product('Gloves', ['winter'])], guides })).toBe(gloves);
  });

  it('falls back to a collection when no guide names the type', () => {
    expect(chooseGuide({ products: [product('Boots', ['travel', 'winter'])], guides })).toBe(winter);
  });

  it('uses the first product in the order that has a guide', () => {
    expect(chooseGuide({ products: [product('Boots'), product('Gloves'), product('Coat')], guides })).toBe(gloves);
    expect(chooseGuide({ products: [product('Boots', ['winter']), product('Coat')], guides })).toBe(winter);
  });

  it('skips sensitive products, even when a guide would fit them', () => {
    expect(chooseGuide({ products: [product('Coat', ['winter'], true), product('Gloves')], guides })).toBe(gloves);
    expect(chooseGuide({ products: [product('Coat', ['winter'], true)], guides })).toBeNull();
  });

  it('returns null when nothing fits or the order is empty', () => {
    expect(chooseGuide({ products: [product('Lamp', ['home']), product('', [])], guides })).toBeNull();
    expect(chooseGuide({ products: [], guides })).toBeNull();
    expect(chooseGuide({ products: [product('Coat')], guides: [] })).toBeNull();
  });

  it('gives a demo order of only sensitive items no guide, and a mixed one the safe item’s guide', () => {
    const byHandle = (handle: string) => demo.find((p) => p.handle === handle)!;
    const sensitiveOnly = ['pregnancy-test', 'prenatal-vitamins', 'incontinence-pads'].map(byHandle);
    expect(sensitiveOnly.every((p) => p.sensitive)).toBe(true);
    expect(chooseGuide({ products: sensitiveOnly, guides: DEFAULT_GUIDES })).toBeNull();
    const mixed = ['maternity-support-band', 'leather-gloves', 'wool-overcoat'].map(byHandle);
    expect(chooseGuide({ products: mixed, guides: DEFAULT_GUIDES })?.id).toBe('scarves-hats-gloves-care');
  });

  it("gives the stroller buyer the stroller's care, not more strollers", () => {
    const stroller = demo.find((p) => p.handle === 'city-stroller')!;
    expect(stroller.sensitive).toBe(false);
    expect(chooseGuide({ products: [stroller], guides: DEFAULT_GUIDES })?.id).toBe('stroller-care');
  });
});
