import { resolve } from 'node:path';
import type { Request } from 'express';
import { z } from 'zod';
import { chooseLocale, type Locale } from './locales.ts';
import { cachedStorefrontLocales, translate } from './storefront-locales.ts';

/**
 * Every word a shopper reads, on the storefront and on the app's own shopper pages (the data page, the unsubscribe
 * page), comes from the theme app extension's locale files: Shopify renders them with `t` in the blocks, and the
 * server reads the same files. Terms that more than one surface names (sensitive topics, "Not for me" and its
 * reasons, the personalization switch, "Your orders") live once under `tacto.terms`, so they read the same
 * everywhere.
 */
export const STOREFRONT_LOCALES_DIR = resolve(import.meta.dirname, '../../extensions/tacto/locales');

export type ShopperWords = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The storefront's `t` in `locale` for a server page: the locale's text, else English's, `{{ name }}` filled. A key
 * no file has is a bug in the page (test/integration/shopper-vocabulary.test.ts renders every page in every
 * language), so it throws rather than showing a gap to a shopper.
 */
export function shopperWords(locale: Locale, dir = STOREFRONT_LOCALES_DIR): ShopperWords {
  const files = cachedStorefrontLocales(dir);
  return (key, vars = {}) => {
    const text = translate(files, locale, key, vars);
    if (text === null) throw new Error(`No storefront translation for ${key} in ${dir}`);
    return text;
  };
}

/** Pure: the key naming a sensitive topic (`weight-loss` → `tacto.terms.topics.weight_loss`), as the blocks build it. */
export const topicKey = (topic: string) => `tacto.terms.topics.${topic.replace(/-/g, '_')}`;

/** Pure: the key naming a "Not for me" reason (`too-personal` → `tacto.terms.reasons.too_personal`). */
export const reasonKey = (reason: string) => `tacto.terms.reasons.${reason.replace(/-/g, '_')}`;

/** A `?locale=` as a storefront or a mail link writes it (`es`, `pt-BR`, `es_AR`); anything else is ignored. */
export const localeParam = z
  .string()
  .max(35)
  .regex(/^[A-Za-z0-9_-]*$/)
  .optional()
  .catch(undefined);

/**
 * The language of a shopper page: the `locale` the link carries (the storefront's, or the buyer's in a mail), else
 * the browser's Accept-Language in its order of preference, else English.
 */
export function shopperLocale(req: Pick<Request, 'acceptsLanguages'>, requested: string | undefined): Locale {
  return chooseLocale([requested, ...req.acceptsLanguages()]);
}
