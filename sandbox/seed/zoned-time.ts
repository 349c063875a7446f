/**
 * Wall-clock times in a named time zone, turned into UTC instants with Intl (no tz database of our own).
 * The Online Retail data set records invoice times as UK local time, which is GMT in winter and BST (UTC+1)
 * from the last Sunday of March to the last Sunday of October.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes the zone is ahead of UTC at `instant` (60 for London in summer). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time `YYYY-MM-DD HH:MM[:SS]` in `timeZone`. In the hour that does not exist
 * (clocks spring forward) the time is read with the offset before the change; in the repeated autumn hour the
 * first occurrence wins. Both follow what a till printing local time most likely meant.
 */
export function zonedWallTimeToUtc(wallTime: string, timeZone: string): Date {
  const naive = wallTimeAsUtc(wallTime);
  const before = zoneOffsetMinutes(naive - 12 * 3_600_000, timeZone);
  const after = zoneOffsetMinutes(naive + 12 * 3_600_000, timeZone);
  const candidates = [naive - before * 60_000, naive - after * 60_000];
  for (const candidate of candidates) {
    if (zoneOffsetMinutes(candidate, timeZone) * 60_000 === naive - candidate) return new Date(candidate);
  }
  return new Date(candidates[0]!); // a wall time skipped by the clocks going forward
}

/** The instant a wall-clock time `YYYY-MM-DD HH:MM[:SS]` would be if the zone were UTC (milliseconds). */
export function wallTimeAsUtc(wallTime: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime.trim());
  if (!match) throw new Error(`Not a wall-clock time (YYYY-MM-DD HH:MM[:SS]): "${wallTime}"`);
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
}

/** Formats an instant as Shopify prints times: `2021-12-31T19:00:00-05:00`, in the shop's zone. */
export function formatInZone(instant: Date | string, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const offset = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
