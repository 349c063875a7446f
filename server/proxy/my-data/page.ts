import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
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
  /** Titles of the products in their orders within the history window. */
  products: readonly string[];
  /** Titles of the products they said are not for them. */
  dismissed: readonly string[];
  /** Times picks were shown to them within the frequency cap's period. */
  shown: number;
  historyDays: number;
  impressionDays: number;
}

// Every output is HTML-escaped: product titles are the merchant's text, never markup on this page.
const engine = new Liquid({ outputEscape: 'escape', strictVariables: true, cache: true });
const template = engine.parse(readFileSync(join(import.meta.dirname, 'page.liquid'), 'utf8'));

/** The shopper's "Your data and choices" page, in their language. */
export function renderMyDataPage(view: MyDataView): string {
  const text = MY_DATA_TEXT[view.locale];
  return engine.renderSync(template, {
    ...view,
    text,
    topics: Object.entries(text.topics).map(([id, label]) => ({ id, label, checked: view.declaredTopics.includes(id) })),
    ordersNone: fill(text.ordersNone, { days: view.historyDays }),
    ordersSome: fill(text.ordersSome, { days: view.historyDays, count: view.products.length }),
    shownCount: fill(text.shownCount, { days: view.impressionDays, count: view.shown }),
  }) as string;
}
