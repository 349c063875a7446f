/**
 * When a follow-up may go out: inside the merchant's send window, on a weekday they did not exclude, both read on
 * the buyer's wall clock. Pure: the current instant is always an argument.
 */
import {
  DAY_MS,
  MINUTE_MS,
  addDays,
  instantsOfLocalTime,
  isValidTimeZone,
  localDate,
  localDateTime,
  offsetTransitions,
  weekdayOf,
  type LocalDate,
} from './local-time.ts';
import { sendWindowMinutes, type FlowSettings } from './settings.ts';

/** Why an instant is not sendable, or 'open' when it is. */
export type WindowStatus = 'open' | 'outside-window' | 'avoided-day';

/**
 * The zone whose wall clock decides: the buyer's when Tacto has a usable guess, else the shop's (where most of
 * its buyers are), else UTC. A bad zone must not wedge a job that would otherwise be fine, so this never throws;
 * UTC is the last resort for a shop zone Intl does not know, which Shopify's IANA names never are.
 */
export function resolveSendTimeZone(buyerTimeZone: string | null, shopTimeZone: string): string {
  if (buyerTimeZone !== null && isValidTimeZone(buyerTimeZone)) return buyerTimeZone;
  return isValidTimeZone(shopTimeZone) ? shopTimeZone : 'UTC';
}

/** Whether mail may go out at `instant` in `timeZone`; an avoided day wins over the hour, as it is the bigger reason. */
export function windowStatus(instant: number, timeZone: string, settings: FlowSettings): WindowStatus {
  const local = localDateTime(instant, timeZone);
  if (settings.avoidDays.includes(local.weekday)) return 'avoided-day';
  const { start, end } = sendWindowMinutes(settings);
  // Compared in milliseconds so the end is exclusive to the millisecond: 18:59:59.999 is in, 19:00 is out.
  return local.msOfDay >= start * MINUTE_MS && local.msOfDay < end * MINUTE_MS ? 'open' : 'outside-window';
}

export function isSendableAt(instant: number, timeZone: string, settings: FlowSettings): boolean {
  return windowStatus(instant, timeZone, settings) === 'open';
}

/** How far ahead each search step looks: more than a week, so every weekday is seen at least twice. */
const SEARCH_SPAN_MS = 16 * DAY_MS;
/** A year of steps; valid settings always find a time within the first step or two (see nextSendTime). */
const MAX_SEARCH_SPANS = 24;

/**
 * The earliest instant ≥ `now` at which `isSendableAt` holds.
 *
 * Sendability only switches on at one of two kinds of instant: the wall clock reaching the window's start on some
 * local date, or a DST transition (a spring-forward can jump the clock over the start into the window, a
 * fall-back can turn it back into the window, or across midnight onto another weekday). So the answer is `now`
 * itself, or the first such candidate that is sendable: checking candidates, not stepping minute by minute,
 * keeps it exact to the millisecond and cheap.
 *
 * Throws RangeError for a zone Intl does not know (use resolveSendTimeZone), and when no time exists within a
 * year, which validated settings rule out (a weekday always stays open; a window can only vanish into a DST gap
 * on a couple of days a year).
 */
export function nextSendTime(now: number, timeZone: string, settings: FlowSettings): number {
  if (isSendableAt(now, timeZone, settings)) return now;
  const { start } = sendWindowMinutes(settings);
  let spanStart = now;
  for (let span = 0; span < MAX_SEARCH_SPANS; span++) {
    const spanEnd = spanStart + SEARCH_SPAN_MS;
    const candidates = offsetTransitions(spanStart, spanEnd, timeZone);
    // From the day before (a fall-back across midnight can return to yesterday's date) to the day after the span.
    const lastDate = addDays(localDate(spanEnd, timeZone), 1);
    for (let date = addDays(localDate(spanStart, timeZone), -1); !isAfter(date, lastDate); date = addDays(date, 1)) {
      if (settings.avoidDays.includes(weekdayOf(date))) continue;
      candidates.push(...instantsOfLocalTime(date, start, timeZone));
    }
    const earliest = candidates
      .filter((t) => t >= spanStart && t <= spanEnd && isSendableAt(t, timeZone, settings))
      .reduce((best, t) => Math.min(best, t), Number.POSITIVE_INFINITY);
    if (earliest !== Number.POSITIVE_INFINITY) return earliest;
    // Nothing switched on in this span, so spanEnd is not sendable either: the next span starts, like the first,
    // from an instant where only a candidate can switch sending on.
    spanStart = spanEnd;
  }
  throw new RangeError(`No send time within a year of ${new Date(now).toISOString()} in ${timeZone}: check the flow settings`);
}

/**
 * When a fulfilled order's follow-up should go out: the delay counted in exact 24-hour days from fulfillment (what
 * the merchant means by "a week later"; a DST change shifts the local hour, which the window then absorbs), then
 * the first sendable instant from there.
 */
export function firstSendTime(input: { fulfilledAt: number; timeZone: string; settings: FlowSettings }): number {
  return nextSendTime(earliestDueAt(input.fulfilledAt, input.settings), input.timeZone, input.settings);
}

/** fulfilledAt + delayDays × 24 h: before this the follow-up is never due, whatever the window says. */
export function earliestDueAt(fulfilledAt: number, settings: FlowSettings): number {
  return fulfilledAt + settings.delayDays * DAY_MS;
}

function isAfter(a: LocalDate, b: LocalDate): boolean {
  return a.year !== b.year ? a.year > b.year : a.month !== b.month ? a.month > b.month : a.day > b.day;
}
