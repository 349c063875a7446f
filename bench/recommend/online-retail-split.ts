/**
 * The recommendation benchmark's data: UCI Online Retail (../shared/data, CC BY 4.0, see README "Data") cut
 * as ../shared/README.md prescribes. Cancellations, quantities ≤ 0, lines without customer and non-product
 * codes are dropped; invoices before 2011-11-01 train, the rest test. Each test basket hides one item, drawn
 * with a seeded generator so every model in a run is scored on the same hidden items.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CsvRecordReader } from '../../sandbox/seed/csv.ts';
import { isCancellationInvoice, NON_PRODUCT_CODES, parseOnlineRetailRow } from '../../sandbox/seed/online-retail-rows.ts';

export const SPLIT_DATE = '2011-11-01';

export interface Basket {
  customer: number;
  /** Milliseconds since the epoch (the data set's UK local time read as UTC: only differences matter). */
  time: number;
  /** Distinct item indices, in order of first appearance. */
  items: number[];
}

export interface HoldOut {
  basket: Basket;
  /** The items left in the basket: what a model ranks from. */
  given: number[];
  hidden: number;
}

export interface OnlineRetailSplit {
  /** Item index → stock code; indices 0..trainItems-1 are the items seen in training. */
  stockCodes: string[];
  /** Item index → description (the most frequent one written for the code). */
  descriptions: string[];
  trainItems: number;
  train: Basket[];
  test: Basket[];
  /** One per test basket with at least two items (a hidden item never seen in training is a miss for all). */
  holdOuts: HoldOut[];
}

/** Mulberry32: a tiny seeded generator, so hidden items are the same in every run with one seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of the split's own hold-outs: the draw every run and every earlier figure used. */
export const HOLD_OUT_SEED = 20111101;

/**
 * One hidden item per test basket with at least two items, drawn with `seed`. Only the hidden item depends on
 * the seed (the train split does not), so models fitted once are scored on as many draws as wanted.
 */
export function drawHoldOuts(test: readonly Basket[], seed: number): HoldOut[] {
  const random = seededRandom(seed);
  const holdOuts: HoldOut[] = [];
  for (const basket of test) {
    if (basket.items.length < 2) continue;
    const at = Math.floor(random() * basket.items.length);
    const hidden = basket.items[at]!;
    holdOuts.push({ basket, hidden, given: basket.items.filter((_, i) => i !== at) });
  }
  return holdOuts;
}

interface RawBasket {
  invoice: string;
  customer: number;
  date: string;
  codes: Set<string>;
}

export async function loadOnlineRetailSplit(file: string, seed = HOLD_OUT_SEED): Promise<OnlineRetailSplit> {
  const baskets = new Map<string, RawBasket>();
  const descriptionCounts = new Map<string, Map<string, number>>();
  const reader = new CsvRecordReader();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const fields = reader.push(line);
    if (!fields) continue;
    const row = parseOnlineRetailRow(fields);
    if ('error' in row) continue;
    if (isCancellationInvoice(row.invoiceNo) || row.quantity <= 0 || row.customerId === null) continue;
    if (NON_PRODUCT_CODES.has(row.stockCode)) continue;
    let basket = baskets.get(row.invoiceNo);
    if (!basket) {
      basket = { invoice: row.invoiceNo, customer: Number(row.customerId), date: row.invoiceDate, codes: new Set() };
      baskets.set(row.invoiceNo, basket);
    }
    basket.codes.add(row.stockCode);
    let counts = descriptionCounts.get(row.stockCode);
    if (!counts) descriptionCounts.set(row.stockCode, (counts = new Map()));
    if (row.description) counts.set(row.description, (counts.get(row.description) ?? 0) + 1);
  }
  const ordered = [...baskets.values()].sort((a, b) => a.date.localeCompare(b.date) || a.invoice.localeCompare(b.invoice));
  const trainRaw = ordered.filter((b) => b.date < SPLIT_DATE);
  const testRaw = ordered.filter((b) => b.date >= SPLIT_DATE);

  const index = new Map<string, number>();
  const stockCodes: string[] = [];
  const indexOf = (code: string): number => {
    let i = index.get(code);
    if (i === undefined) {
      i = stockCodes.length;
      index.set(code, i);
      stockCodes.push(code);
    }
    return i;
  };
  const toBasket = (raw: RawBasket): Basket => ({
    customer: raw.customer,
    time: Date.parse(`${raw.date.replace(' ', 'T')}Z`),
    items: [...raw.codes].map(indexOf),
  });
  const train = trainRaw.map(toBasket);
  const trainItems = stockCodes.length;
  const test = testRaw.map(toBasket);

  const holdOuts = drawHoldOuts(test, seed);
  const descriptions = stockCodes.map((code) => {
    let best = '';
    let bestCount = -1;
    for (const [text, count] of descriptionCounts.get(code) ?? []) {
      if (count > bestCount) [best, bestCount] = [text, count];
    }
    return best;
  });
  return { stockCodes, descriptions, trainItems, train, test, holdOuts };
}
