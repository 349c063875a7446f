/**
 * Date ranges in UTC days ("YYYY-MM-DD"), as the analytics API counts them. The date picker works with local
 * Date objects; a picked calendar day is read by its local year, month and day and named as that UTC day, so the
 * day the merchant clicks is the day asked for whatever their time zone.
 */
export interface DayRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function utcDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The picker's local calendar day → the UTC day of the same name. */
export function dayOfPicked(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A UTC day → a local Date on that calendar day, for the picker. */
export function pickerDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** The last `days` UTC days up to and including today's. */
export function lastDays(days: number, now: Date = new Date()): DayRange {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  return { from: utcDay(start), to: utcDay(now) };
}

/** The server refuses longer ranges (400 days at most). */
export const MAX_RANGE_DAYS = 400;

export function rangeLength(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const QUICK_RANGES = [7, 30, 90] as const;

/** Every UTC day of a range, in order: charts need a point per day, zero where nothing happened. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  const end = Date.parse(`${range.to}T00:00:00Z`);
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= end && days.length <= MAX_RANGE_DAYS; t += 86_400_000) days.push(utcDay(new Date(t)));
  return days;
}
