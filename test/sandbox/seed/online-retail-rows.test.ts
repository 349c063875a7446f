import { describe, expect, it } from 'vitest';
import {
  countryCodeFor,
  localeForCountry,
  normalizeCustomerId,
  parseOnlineRetailRow,
  type OnlineRetailRow,
} from '../../../sandbox/seed/online-retail-rows.ts';
import { isSaleLine } from '../../../sandbox/seed/online-retail.ts';

const fields = (line: string) => line.split(',');

describe('parseOnlineRetailRow', () => {
  it('reads a sale line, trimming the description and dropping the .0 of the customer id', () => {
    const row = parseOnlineRetailRow(fields('536551,22900, SET 2 TEA TOWELS I LOVE LONDON ,1,2010-12-01 14:34:00,2.95,17346.0,United Kingdom'));
    expect(row).toEqual({
      invoiceNo: '536551',
      stockCode: '22900',
      description: 'SET 2 TEA TOWELS I LOVE LONDON',
      quantity: 1,
      invoiceDate: '2010-12-01 14:34:00',
      unitPrice: 2.95,
      customerId: '17346',
      country: 'United Kingdom',
    });
  });

  it('treats stock codes that differ only in case as one product code', () => {
    const row = parseOnlineRetailRow(fields('559038,85049g,CHOCOLATE BOX RIBBONS ,3,2011-07-05 15:31:00,2.46,,United Kingdom'));
    expect(row).toMatchObject({ stockCode: '85049G', customerId: null });
  });

  it('explains unusable lines instead of throwing', () => {
    expect(parseOnlineRetailRow(['1', '2'])).toEqual({ error: 'expected 8 fields, got 2' });
    expect(parseOnlineRetailRow(fields('536365,85123A,X,six,2010-12-01 08:26:00,2.55,,UK'))).toMatchObject({
      error: expect.stringContaining('quantity'),
    });
  });
});

describe('customers and countries', () => {
  it('maps 17850.0 and 17850 to one id, blank to null', () => {
    expect(normalizeCustomerId('17850.0')).toBe('17850');
    expect(normalizeCustomerId('17850')).toBe('17850');
    expect(normalizeCustomerId('  ')).toBeNull();
  });

  it('speaks Spanish to Spain, Portuguese to Portugal and Brazil, English to everyone else', () => {
    expect(localeForCountry('Spain')).toBe('es');
    expect(localeForCountry('Portugal')).toBe('pt-BR');
    expect(localeForCountry('Brazil')).toBe('pt-BR');
    expect(localeForCountry('United Kingdom')).toBe('en');
    expect(localeForCountry('Germany')).toBe('en');
    expect(countryCodeFor('EIRE')).toBe('IE');
    expect(countryCodeFor('Unspecified')).toBeNull();
  });
});

describe('isSaleLine', () => {
  const row = (patch: Partial<OnlineRetailRow>): OnlineRetailRow => ({
    invoiceNo: '536365',
    stockCode: '85123A',
    description: 'WHITE HANGING HEART T-LIGHT HOLDER',
    quantity: 6,
    invoiceDate: '2010-12-01 08:26:00',
    unitPrice: 2.55,
    customerId: '17850',
    country: 'United Kingdom',
    ...patch,
  });

  it('keeps ordinary sales and cancelled sales', () => {
    expect(isSaleLine(row({}), false)).toBe(true);
    expect(isSaleLine(row({ invoiceNo: 'C536379', quantity: -1 }), true)).toBe(true);
  });

  it('drops postage, fees and discounts', () => {
    for (const stockCode of ['POST', 'DOT', 'M', 'BANK CHARGES', 'AMAZONFEE', 'C2', 'D']) {
      expect(isSaleLine(row({ stockCode }), false)).toBe(false);
    }
  });

  it('drops stock write-offs and bad-debt adjustments', () => {
    expect(isSaleLine(row({ unitPrice: 0, customerId: null, quantity: 56 }), false)).toBe(false);
    expect(isSaleLine(row({ unitPrice: -11062.06, stockCode: '84997D' }), false)).toBe(false);
    expect(isSaleLine(row({ quantity: -3 }), false)).toBe(false);
  });
});
