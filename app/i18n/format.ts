import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Numbers, money, shares and dates in the merchant's language, by `Intl` (never by hand: "1.234,5" in Spanish and
 * Portuguese, "1,234.5" in English). One set per language, made once.
 */
export interface Formatters {
  locale: string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A share 0..1 as a percentage: 0.0423 → "4,2 %" (es). */
  percent(share: number, fractionDigits?: number): string;
  money(amount: number | string, currency: string): string;
  /** A day (ISO date or instant): "4 dic 2026". */
  date(value: string | Date, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: string | Date): string;
  /** "a, b y c" / "a, b e c". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

export function formatters(locale: string): Formatters {
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value));
  return {
    locale,
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : numbers).format(value),
    percent: (share, fractionDigits = 1) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits }).format(share),
    money: (amount, currency) => {
      const value = typeof amount === 'number' ? amount : Number(amount);
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
      } catch {
        // An unknown currency code: the number, and the code as the shop wrote it.
        return `${numbers.format(value)} ${currency}`;
      }
    },
    date: (value, options) => (options ? new Intl.DateTimeFormat(locale, options) : dates).format(toDate(value)),
    dateTime: (value) => dateTimes.format(toDate(value)),
    list: (items, type = 'conjunction') => new Intl.ListFormat(locale, { style: 'long', type }).format(items),
  };
}

/** The formatters of the admin's current language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}
