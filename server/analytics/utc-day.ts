/** The UTC day of an instant, `YYYY-MM-DD`: every counter and report range is in UTC days. */
export function utcDay(at: Date | number | string = Date.now()): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `days` (negative to go back). */
export function addDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000);
}
