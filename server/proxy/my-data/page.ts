import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { collectionOfInterest } from '../../recommend/store-topics.ts';
import { fill } from '../../text/fill.ts';
import { MY_DATA_TEXT, type MyDataLocale } from './text.ts';

/** What the page shows: the shopper's own data, already reduced to what they can read. */
export interface MyDataView {
  locale: MyDataLocale;
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
  /** Titles of the products they said are not for them. */
  dismissed: readonly string[];
  /** Times picks were shown to them within the frequency cap's period. */
  shown: number;
  historyDays: number;
  /** How long a one-off or event purchase shapes suggestions. */
  eventDays: number;
  impressionDays: number;
}

// Every output is HTML-escaped: product titles are the merchant's text, never markup on this page.
const engine = new Liquid({ outputEscape: 'escape', strictVariables: true, cache: true });
const template = engine.parse(readFileSync(join(import.meta.dirname, 'page.liquid'), 'utf8'));

/** The shopper's "Your data and choices" page, in their language. */
export function renderMyDataPage(view: MyDataView): string {
  const text = MY_DATA_TEXT[view.locale];
  // Numbers as the page's language writes them (12,000 in en, 12.000 in es and pt-BR).
  const number = new Intl.NumberFormat(view.locale).format;
  const interests = view.declaredTopics.filter((topic) => collectionOfInterest(topic) !== null && view.storeTopics.includes(topic));
  return engine.renderSync(template, {
    ...view,
    text,
    topics: Object.entries(text.topics)
      .filter(([id]) => view.storeTopics.includes(id) || view.declaredTopics.includes(id))
      .map(([id, label]) => ({ id, label, checked: view.declaredTopics.includes(id) })),
    interests,
    interestsKept: fill(text.interestsKept, { count: number(interests.length) }),
    ordersOwned: fill(text.ordersOwned, { count: number(view.owned.length) }),
    ordersShaping: fill(view.shaping.length > 0 ? text.ordersShaping : text.ordersShapingNone, {
      count: number(view.shaping.length),
      days: number(view.historyDays),
      eventDays: number(view.eventDays),
    }),
    shownCount: fill(text.shownCount, { days: number(view.impressionDays), count: number(view.shown) }),
  }) as string;
}
