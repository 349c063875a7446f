/**
 * Pure helpers that read one line of the UCI Online Retail data set (see online-retail.ts for the source and
 * licence). Kept apart from the streaming loader so each rule is tested on its own.
 */

export interface OnlineRetailRow {
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  /** As written: UK local time, `YYYY-MM-DD HH:MM:SS`. */
  invoiceDate: string;
  unitPrice: number;
  /** `17850` for `17850.0`; null when the line has no customer (a guest sale). */
  customerId: string | null;
  country: string;
}

export const ONLINE_RETAIL_HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

/** Stock codes that are fees, postage or accounting lines, not products (shared/README.md). */
export const NON_PRODUCT_CODES: ReadonlySet<string> = new Set([
  'POST',
  'D',
  'M',
  'BANK CHARGES',
  'AMAZONFEE',
  'DOT',
  'CRUK',
  'C2',
  'S',
  'PADS',
  'B',
]);

/** Turns CSV fields into a row, or explains why the line cannot be used. */
export function parseOnlineRetailRow(fields: string[]): OnlineRetailRow | { error: string } {
  if (fields.length !== 8) return { error: `expected 8 fields, got ${fields.length}` };
  const [invoiceNo, stockCode, description, quantity, invoiceDate, unitPrice, customerId, country] = fields as [
    string, string, string, string, string, string, string, string,
  ];
  const qty = Number(quantity);
  const price = Number(unitPrice);
  if (!invoiceNo || !stockCode) return { error: 'missing invoice or stock code' };
  if (!Number.isFinite(qty) || !Number.isInteger(qty)) return { error: `bad quantity "${quantity}"` };
  if (!Number.isFinite(price)) return { error: `bad unit price "${unitPrice}"` };
  return {
    invoiceNo: invoiceNo.trim(),
    // Codes come in mixed case for one item (85049G and 85049g); one product per code, whatever the case.
    stockCode: stockCode.trim().toUpperCase(),
    description: description.trim().replace(/\s+/g, ' '),
    quantity: qty,
    invoiceDate: invoiceDate.trim(),
    unitPrice: price,
    customerId: normalizeCustomerId(customerId),
    country: country.trim(),
  };
}

/** `17850.0` → `17850`; blank → null. */
export function normalizeCustomerId(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const number = Number(trimmed);
  return Number.isInteger(number) ? String(number) : trimmed;
}

/** Cancellation invoices start with C (C536379) and carry negative quantities. */
export function isCancellationInvoice(invoiceNo: string): boolean {
  return invoiceNo.startsWith('C');
}

const COUNTRY_LOCALES: Record<string, string> = {
  Spain: 'es',
  Portugal: 'pt-BR',
  Brazil: 'pt-BR',
  // The store only speaks en, es and pt-BR; everyone else reads English, as the UK shop wrote to them.
};

/** A rough storefront locale for the customer's country. */
export function localeForCountry(country: string): string {
  return COUNTRY_LOCALES[country] ?? 'en';
}

const COUNTRY_CODES: Record<string, string> = {
  'United Kingdom': 'GB',
  EIRE: 'IE',
  'Channel Islands': 'GB',
  Germany: 'DE',
  France: 'FR',
  Spain: 'ES',
  Portugal: 'PT',
  Brazil: 'BR',
  Netherlands: 'NL',
  Belgium: 'BE',
  Switzerland: 'CH',
  Australia: 'AU',
  Norway: 'NO',
  Italy: 'IT',
  Finland: 'FI',
  Cyprus: 'CY',
  Sweden: 'SE',
  Austria: 'AT',
  Denmark: 'DK',
  Japan: 'JP',
  Poland: 'PL',
  Israel: 'IL',
  USA: 'US',
  'Hong Kong': 'HK',
  Singapore: 'SG',
  Iceland: 'IS',
  Canada: 'CA',
  Greece: 'GR',
  Malta: 'MT',
  'United Arab Emirates': 'AE',
  RSA: 'ZA',
  Lebanon: 'LB',
  Lithuania: 'LT',
  'Czech Republic': 'CZ',
  Bahrain: 'BH',
  'Saudi Arabia': 'SA',
};

/** ISO 3166 code of the data set's country name, or null for "Unspecified" and "European Community". */
export function countryCodeFor(country: string): string | null {
  return COUNTRY_CODES[country] ?? null;
}

/** Prices as Shopify writes them: two decimals, as a string. */
export function formatPrice(value: number): string {
  return value.toFixed(2);
}
