/**
 * Wall-clock arithmetic in IANA time zones, using the platform's Intl data (no time-zone library to keep up to
 * date: Node ships the tz database with ICU). Everything here is pure: instants are milliseconds since the epoch
 * and are always passed in, never read from a clock.
 *
 * The one primitive is the zone's UTC offset at an instant, read from `Intl.DateTimeFormat#formatToParts`;
 * every other helper is built from it, so DST rules are whatever the tz database says, including historical
 * ones (São Paulo's clocks skipped midnight until 2019).
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A calendar date on a wall calendar; `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** What a wall clock in some zone shows at an instant. */
export interface LocalDateTime extends LocalDate {
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes since local midnight (0–1439), the unit send windows are written in. */
  minuteOfDay: number;
  /** Milliseconds since local midnight, so window edges can be compared exactly. */
  msOfDay: number;
}

// One formatter per zone: constructing them is the expensive part of Intl.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for a zone Intl does not know: callers validate zones first (isValidTimeZone).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23', // 'h24' or the default can print midnight as "24"
      era: 'short', // years before 1 AD would otherwise print as positive numbers
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

/** Whether Intl knows `zone` as a time zone (an IANA name such as 'Europe/Madrid', or 'UTC'). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant` (+7_200_000 for Madrid in summer). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  if (!Number.isFinite(instant)) throw new RangeError(`Not an instant: ${instant}`);
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type === 'era') bc = part.value === 'BC';
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - fields.year! : fields.year!, fields.month! - 1, fields.day!);
  wall.setUTCHours(fields.hour!, fields.minute!, fields.second!, 0);
  // Intl prints whole seconds, so compare with the instant truncated to its second.
  return wall.getTime() - Math.floor(instant / 1000) * 1000;
}

/** The wall-clock reading in `timeZone` at `instant`. */
export function localDateTime(instant: number, timeZone: string): LocalDateTime {
  const wall = new Date(instant + zoneOffsetMs(instant, timeZone));
  const msOfDay = ((wall.getTime() % DAY_MS) + DAY_MS) % DAY_MS;
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    minuteOfDay: Math.floor(msOfDay / MINUTE_MS),
    msOfDay,
  };
}

/** The local calendar date in `timeZone` at `instant`. */
export function localDate(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = localDateTime(instant, timeZone);
  return { year, month, day };
}

/** `date` moved by `days` calendar days (months and years roll over). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(wallClockMs(date, 0) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(wallClockMs(date, 0)).getUTCDay();
}

/**
 * A wall-clock reading as if the zone were UTC: the common currency for comparing local times, since
 * `instant + offset` of every instant showing that reading equals it.
 */
function wallClockMs(date: LocalDate, minuteOfDay: number): number {
  const wall = new Date(0);
  wall.setUTCFullYear(date.year, date.month - 1, date.day);
  return wall.getTime() + minuteOfDay * MINUTE_MS;
}

/**
 * Every instant at which a wall clock in `timeZone` shows `date` at `minuteOfDay`, earliest first: none when the
 * time is skipped by a spring-forward gap, two when a fall-back repeats it, one otherwise.
 */
export function instantsOfLocalTime(date: LocalDate, minuteOfDay: number, timeZone: string): number[] {
  const wall = wallClockMs(date, minuteOfDay);
  // The instant we look for lies within 14 h of `wall` (no zone is further from UTC), so the offsets in force a
  // day either side, and at `wall` itself, are the only ones it can have.
  const offsets = new Set([
    zoneOffsetMs(wall - DAY_MS, timeZone),
    zoneOffsetMs(wall, timeZone),
    zoneOffsetMs(wall + DAY_MS, timeZone),
  ]);
  const instants = new Set<number>();
  for (const offset of offsets) {
    const candidate = wall - offset;
    if (zoneOffsetMs(candidate, timeZone) === offset) instants.add(candidate);
  }
  return [...instants].sort((a, b) => a - b);
}

/**
 * The instant of `date` at `minuteOfDay` in `timeZone`. An ambiguous fall-back time takes the earlier instant
 * (the first time the clock shows it); a time skipped by a spring-forward gap becomes the first instant after
 * the gap, i.e. the first instant whose wall clock reads that time or later, so "from 02:30" on a day that jumps
 * from 02:00 to 03:00 starts at 03:00.
 */
export function instantOfLocalTime(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const [earliest] = instantsOfLocalTime(date, minuteOfDay, timeZone);
  if (earliest !== undefined) return earliest;
  const wall = wallClockMs(date, minuteOfDay);
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  // In a gap the clock runs on `before` until the transition, then on the larger `after`: read with `after`
  // the wall time is still before the transition, read with `before` it is already past it.
  const showsWallOrLater = (instant: number) => instant + zoneOffsetMs(instant, timeZone) >= wall;
  return firstInstantWhere(showsWallOrLater, wall - Math.max(before, after), wall - Math.min(before, after));
}

/**
 * The instants in (from, to] at which the zone's offset changes (DST starts or ends), sampled every 6 hours:
 * a zone never changes its offset twice that quickly.
 */
export function offsetTransitions(from: number, to: number, timeZone: string): number[] {
  const transitions: number[] = [];
  const step = 6 * HOUR_MS;
  let previous = from;
  let previousOffset = zoneOffsetMs(from, timeZone);
  while (previous < to) {
    const next = Math.min(previous + step, to);
    const nextOffset = zoneOffsetMs(next, timeZone);
    if (nextOffset !== previousOffset) {
      const offset = previousOffset;
      transitions.push(firstInstantWhere((t) => zoneOffsetMs(t, timeZone) !== offset, previous, next));
    }
    previous = next;
    previousOffset = nextOffset;
  }
  return transitions;
}

/**
 * Binary search for the first millisecond in (low, high] where `holds` is true, given it is false at `low`
 * and true at `high` (and flips once between). Returns `high` when the precondition does not hold.
 */
function firstInstantWhere(holds: (instant: number) => boolean, low: number, high: number): number {
  if (holds(low) || !holds(high)) return high;
  let lo = low;
  let hi = high;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
