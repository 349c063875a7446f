/**
 * Loads the UCI "Online Retail" data set into a sandbox store: products from stock codes, customers from
 * CustomerID, one order per invoice.
 *
 * Data: Daqing Chen, Sai Liang Sain, Kun Guo, "Data mining for the online retail industry: A case study of
 * RFM model-based customer segmentation using data mining", Journal of Database Marketing and Customer
 * Strategy Management 19 (2012), doi:10.1057/dbm.2012.17; UCI Machine Learning Repository, "Online Retail",
 * licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Keep this attribution with the data and
 * with any sample of it.
 *
 * The file (541,909 lines) is streamed through gunzip and readline, never held whole in memory.
 */
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { SandboxStore } from '../store/store.ts';
import { CsvRecordReader } from './csv.ts';
import {
  NON_PRODUCT_CODES,
  ONLINE_RETAIL_HEADER,
  countryCodeFor,
  formatPrice,
  isCancellationInvoice,
  localeForCountry,
  parseOnlineRetailRow,
  type OnlineRetailRow,
} from './online-retail-rows.ts';
import { wallTimeAsUtc, zonedWallTimeToUtc } from './zoned-time.ts';

export const DEFAULT_ONLINE_RETAIL_FILE = fileURLToPath(
  new URL('../../../shared/data/online-retail.csv.gz', import.meta.url),
);

export interface OnlineRetailLoadOptions {
  /** Defaults to ../shared/data/online-retail.csv.gz beside the project root. */
  file?: string;
  /** Stop after this many data lines (the header is not counted). */
  maxLines?: number;
  /** Called every 50,000 lines and once at the end with the number of data lines read. */
  onProgress?(lines: number): void;
}

export interface OnlineRetailLoadResult {
  products: number;
  customers: number;
  /** Every order created, cancelled ones included. */
  orders: number;
  cancelledOrders: number;
  lineItems: number;
  /** Lines that became no line item: non-product codes, stock adjustments, unreadable rows. */
  skippedLines: number;
}

const PROGRESS_EVERY = 50_000;
/** The retailer is in the UK: its invoice times are UK wall-clock times. */
const DATA_TIME_ZONE = 'Europe/London';

export async function loadOnlineRetail(
  store: SandboxStore,
  options: OnlineRetailLoadOptions = {},
): Promise<OnlineRetailLoadResult> {
  const source = createReadStream(options.file ?? DEFAULT_ONLINE_RETAIL_FILE);
  const gunzip = createGunzip();
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  // readline neither sees nor ends on errors of the streams before it (a missing file, bad gzip): keep the
  // first error, end the line loop, and throw it after.
  let streamError: Error | null = null;
  const fail = (error: Error) => {
    streamError ??= error;
    lines.close();
  };
  source.on('error', fail);
  gunzip.on('error', fail);

  const loader = new InvoiceLoader(store);
  const reader = new CsvRecordReader();
  const originalNow = store.now;
  let sawHeader = false;
  let dataLines = 0;
  try {
    for await (const line of lines) {
      if (!sawHeader) {
        if (line.replace(/^\uFEFF/, '').trim() !== ONLINE_RETAIL_HEADER) {
          throw new Error(`Not the Online Retail CSV: unexpected header "${line.slice(0, 120)}"`);
        }
        sawHeader = true;
        continue;
      }
      const fields = reader.push(line);
      if (fields === null) continue;
      dataLines += 1;
      const row = parseOnlineRetailRow(fields);
      if ('error' in row) loader.skip();
      else loader.add(row);
      if (options.onProgress && dataLines % PROGRESS_EVERY === 0) options.onProgress(dataLines);
      if (options.maxLines !== undefined && dataLines >= options.maxLines) break;
    }
    if (streamError) throw streamError;
    if (!sawHeader) throw new Error('The Online Retail file is empty');
    loader.finish();
  } finally {
    store.now = originalNow;
    lines.close();
    source.destroy();
  }
  options.onProgress?.(dataLines);
  return loader.result;
}

/** Turns consecutive rows of one invoice into one order. */
class InvoiceLoader {
  readonly result: OnlineRetailLoadResult = {
    products: 0,
    customers: 0,
    orders: 0,
    cancelledOrders: 0,
    lineItems: 0,
    skippedLines: 0,
  };
  private readonly products = new Map<string, { productId: number; variantId: number; title: string; sku: string }>();
  private readonly customers = new Map<string, { id: number; email: string }>();
  private readonly prices = new Map<number, string>();
  private readonly hourOffsets = new Map<string, number>();
  private invoice: OnlineRetailRow[] = [];
  private lastDateText = '';
  private lastDateIso = '';

  constructor(private readonly store: SandboxStore) {}

  skip(): void {
    this.result.skippedLines += 1;
  }

  add(row: OnlineRetailRow): void {
    if (this.invoice.length > 0 && this.invoice[0]!.invoiceNo !== row.invoiceNo) this.flush();
    this.invoice.push(row);
  }

  finish(): void {
    if (this.invoice.length > 0) this.flush();
  }

  private flush(): void {
    const rows = this.invoice;
    this.invoice = [];
    const first = rows[0]!;
    const cancelled = isCancellationInvoice(first.invoiceNo);
    const at = this.utc(first.invoiceDate);
    const sales = rows.filter((row) => {
      const keep = isSaleLine(row, cancelled);
      if (!keep) this.skip();
      return keep;
    });
    if (sales.length === 0) return;
    const customer = first.customerId === null ? null : this.customer(first, at);
    const order = this.store.addOrder({
      customerId: customer?.id ?? null,
      email: customer?.email ?? null,
      phone: null,
      note: null,
      shippingAddress: null,
      currencyCode: 'GBP',
      lineItems: sales.map((row) => {
        const product = this.product(row, at);
        return {
          productId: product.productId,
          variantId: product.variantId,
          title: product.title,
          sku: product.sku,
          quantity: Math.abs(row.quantity),
          price: this.price(row.unitPrice),
        };
      }),
      createdAt: at,
    });
    this.result.orders += 1;
    this.result.lineItems += sales.length;
    if (cancelled) {
      // A cancellation invoice records the cancellation itself, so it is cancelled at its own time.
      this.store.now = () => new Date(at);
      this.store.cancelOrder(order.id, 'CUSTOMER');
      this.result.cancelledOrders += 1;
    }
  }

  private product(row: OnlineRetailRow, at: string) {
    const known = this.products.get(row.stockCode);
    if (known) return known;
    const title = row.description || `Item ${row.stockCode}`;
    const handle = `item-${row.stockCode.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const created = this.store.addProduct({
      title,
      translations: {},
      description: '',
      handle,
      vendor: 'Online Retail',
      productType: 'Gift',
      category: null,
      tags: [],
      collectionIds: [],
      imageUrl: `/images/${handle}.svg`,
      imageAlt: title,
      status: 'ACTIVE',
      variants: [
        {
          title: 'Default Title',
          sku: row.stockCode,
          price: formatPrice(row.unitPrice),
          availableForSale: true,
          inventoryQuantity: 100,
        },
      ],
      createdAt: at,
    });
    const entry = { productId: created.id, variantId: created.variants[0]!.id, title, sku: row.stockCode };
    this.products.set(row.stockCode, entry);
    this.result.products += 1;
    return entry;
  }

  private customer(row: OnlineRetailRow, at: string) {
    const key = row.customerId!;
    const known = this.customers.get(key);
    if (known) return known;
    const email = `customer-${key}@example.com`;
    const countryCode = countryCodeFor(row.country);
    const created = this.store.addCustomer({
      firstName: 'Customer',
      lastName: key,
      email,
      phone: null,
      locale: localeForCountry(row.country),
      addresses: countryCode ? [{ address1: '', city: '', zip: '', countryCode }] : [],
      note: null,
      emailMarketingConsent: { marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, consentUpdatedAt: null },
      createdAt: at,
    });
    const entry = { id: created.id, email };
    this.customers.set(key, entry);
    this.result.customers += 1;
    return entry;
  }

  /** Half a million lines share a few hundred prices: one string per price keeps the store smaller. */
  private price(value: number): string {
    let text = this.prices.get(value);
    if (text === undefined) {
      text = formatPrice(value);
      this.prices.set(value, text);
    }
    return text;
  }

  /**
   * Lines of one invoice share one time, so it is converted once per invoice; and UK clocks change on the
   * hour, so the zone offset is looked up (with Intl, slow) once per wall-clock hour, not once per invoice.
   */
  private utc(dateText: string): string {
    if (dateText !== this.lastDateText) {
      const hour = `${dateText.slice(0, 13)}:00:00`;
      let offset = this.hourOffsets.get(hour);
      if (offset === undefined) {
        offset = wallTimeAsUtc(hour) - zonedWallTimeToUtc(hour, DATA_TIME_ZONE).getTime();
        this.hourOffsets.set(hour, offset);
      }
      this.lastDateText = dateText;
      this.lastDateIso = new Date(wallTimeAsUtc(dateText) - offset).toISOString();
    }
    return this.lastDateIso;
  }
}

/**
 * Whether a row is a sale (or, on a cancellation invoice, a cancelled sale). Not sales: fees and postage,
 * negative prices (bad-debt adjustments), zero-price lines without a customer (stock write-offs), and
 * quantities of the wrong sign for the invoice kind (stock corrections).
 */
export function isSaleLine(row: OnlineRetailRow, cancellation: boolean): boolean {
  if (NON_PRODUCT_CODES.has(row.stockCode)) return false;
  if (row.unitPrice < 0) return false;
  if (row.unitPrice === 0 && row.customerId === null) return false;
  return cancellation ? row.quantity < 0 : row.quantity > 0;
}
