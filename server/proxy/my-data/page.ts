import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import type { Locale } from '../../i18n/locales.ts';
import { reasonKey, shopperWords, topicKey, type ShopperWords } from '../../i18n/shopper-words.ts';
import { collectionOfInterest, DECLARABLE_TOPICS } from '../../recommend/store-topics.ts';
import type { FeedbackReason } from '../../recommend/types.ts';

/** What the page shows: the shopper's own data, already reduced to what they can read. */
export interface MyDataView {
  locale: Locale;
  /** Where the store serves the app proxy (`/apps/tacto`): the page's script calls the controls under it. */
  proxyPath: string;
  loggedIn: boolean;
  personalization: 'on' | 'off';
  declaredTopics: readonly string[];
  /**
   * What the store's preference block offers now (sensitive topics, `collection:<id>` interests): the page offers
   * those sensitive topics and any already declared, and keeps the declared interests still offered.
   */
  storeTopics: readonly string[];
  /** Titles of every product they ever bought (never suggested to them again), most recent first. */
  owned: readonly string[];
  /** Titles of the products of theirs that still shape suggestions (the engine's choice), most recent first. */
  shaping: readonly string[];
  /** The products they said are not for them, and why: the reason is kept too, so the page shows it. */
  dismissed: readonly { title: string; reason: FeedbackReason }[];
  /** Times picks were shown to them within the frequency cap's period. */
  shown: number;
  historyDays: number;
  /** How long a one-off or event purchase shapes suggestions. */
  eventDays: number;
  impressionDays: number;
}

// Every output is HTML-escaped: product titles are the merchant's text, never markup on this page.
const engine = new Liquid({ outputEscape: 'escape', strictVariables: true, cache: true });
// The storefront's `t`, over the extension's own locale files: the page says each term as the blocks do. The
// render's scope carries the words of its language (`words`), looked up once per page.
engine.registerFilter('t', function (this: { context: { getSync(path: string[]): unknown } }, key: unknown, ...args: unknown[]) {
  const vars: Record<string, string | number> = {};
  for (const arg of args) if (Array.isArray(arg) && typeof arg[0] === 'string') vars[arg[0]] = arg[1] as string | number;
  return (this.context.getSync(['words']) as { t: ShopperWords }).t(String(key), vars);
});
const template = engine.parse(readFileSync(join(import.meta.dirname, 'page.liquid'), 'utf8'));

/** The shopper's "Your data and choices" page, in their language. */
export function renderMyDataPage(view: MyDataView): string {
  const t = shopperWords(view.locale);
  // Numbers as the page's language writes them (12,000 in en, 12.000 in es and pt-BR).
  const number = new Intl.NumberFormat(view.locale).format;
  const interests = view.declaredTopics.filter((topic) => collectionOfInterest(topic) !== null && view.storeTopics.includes(topic));
  return engine.renderSync(template, {
    ...view,
    // Wrapped: Liquid would call a function it finds in scope.
    words: { t },
    topics: DECLARABLE_TOPICS.filter((id) => view.storeTopics.includes(id) || view.declaredTopics.includes(id)).map((id) => ({
      id,
      label: t(topicKey(id)),
      checked: view.declaredTopics.includes(id),
    })),
    dismissed: view.dismissed.map((item) => ({ title: item.title, reason: t(reasonKey(item.reason)) })),
    interests,
    counts: {
      interests: number(interests.length),
      owned: number(view.owned.length),
      shaping: number(view.shaping.length),
      shown: number(view.shown),
      historyDays: number(view.historyDays),
      eventDays: number(view.eventDays),
      impressionDays: number(view.impressionDays),
    },
  }) as string;
}
