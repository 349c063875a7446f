/**
 * The follow-up scheduler, clock-controlled: every instant is written out with its UTC offset, so each case says
 * on whose wall clock it happens, and no test reads the real clock.
 */
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DEFAULT_FLOW_SETTINGS,
  HOUR_MS,
  MAX_LATENESS_MS,
  RECHECK_AFTER_MS,
  decideSend,
  earliestDueAt,
  firstSendTime,
  flowSettingsSchema,
  instantOfLocalTime,
  instantsOfLocalTime,
  isValidTimeZone,
  localDateTime,
  nextSendTime,
  offsetTransitions,
  resolveSendTimeZone,
  timeZoneSchema,
  type FlowSettings,
  type SendSituation,
} from '../../server/followups/scheduler/index.ts';

const at = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};
const ON: FlowSettings = { ...DEFAULT_FLOW_SETTINGS, enabled: true };
const settings = (overrides: Partial<FlowSettings>): FlowSettings => ({ ...ON, ...overrides });
const MADRID = 'Europe/Madrid';
const NEW_YORK = 'America/New_York';
const SAO_PAULO = 'America/Sao_Paulo';

/** The messages zod reports, keyed by dotted path, for readable expectations. */
function problems(input: unknown): Record<string, string> {
  const result = flowSettingsSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.') || '(root)', issue.message]));
}

describe('flow settings', () => {
  it('fills every missing field with its default: a week, 1 mail per 30 days, 09:00–19:00, no avoided day, off', () => {
    expect(flowSettingsSchema.parse({})).toEqual({
      enabled: false,
      delayDays: 7,
      capCount: 1,
      capDays: 30,
      sendWindow: { start: '09:00', end: '19:00' },
      avoidDays: [],
    });
    expect(flowSettingsSchema.parse({})).toEqual(DEFAULT_FLOW_SETTINGS);
  });

  it('keeps the shared defaults immutable', () => {
    expect(Object.isFrozen(DEFAULT_FLOW_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FLOW_SETTINGS.sendWindow)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FLOW_SETTINGS.avoidDays)).toBe(true);
    const parsed = flowSettingsSchema.parse({});
    parsed.avoidDays.push(0);
    expect(DEFAULT_FLOW_SETTINGS.avoidDays).toEqual([]);
  });

  it('accepts a full setting, with avoided days sorted and repeated ones dropped, and a window to midnight', () => {
    const input = { enabled: true, delayDays: 0, capCount: 2, capDays: 14, sendWindow: { start: '00:00', end: '24:00' }, avoidDays: [6, 0, 6] };
    expect(flowSettingsSchema.parse(input)).toEqual({ ...input, avoidDays: [0, 6] });
    expect(problems({ delayDays: 60, capCount: 10, capDays: 365 })).toEqual({});
  });

  it('rejects a window that does not end after it starts, on its end', () => {
    expect(problems({ sendWindow: { start: '19:00', end: '09:00' } })).toEqual({
      'sendWindow.end': 'the send window must end after it starts, within one day (e.g. 09:00–19:00)',
    });
    expect(problems({ sendWindow: { start: '10:00', end: '10:00' } })).toHaveProperty('sendWindow.end');
  });

  it('rejects malformed times, each with its field', () => {
    expect(problems({ sendWindow: { start: '9:00', end: '19:00' } })).toEqual({
      'sendWindow.start': 'start must be a time "HH:MM" from 00:00 to 23:59',
    });
    expect(problems({ sendWindow: { start: '09:00', end: '25:00' } })).toEqual({
      'sendWindow.end': 'end must be a time "HH:MM" from 00:01 to 24:00',
    });
    expect(problems({ sendWindow: { start: '24:00', end: '24:00' } })).toHaveProperty('sendWindow.start');
    expect(problems({ sendWindow: { start: '09:60', end: '19:00' } })).toHaveProperty('sendWindow.start');
    expect(problems({ sendWindow: { start: 9, end: '19:00' } })).toEqual({ 'sendWindow.start': 'start must be a time "HH:MM"' });
    expect(problems({ sendWindow: { start: '09:00' } })).toEqual({ 'sendWindow.end': 'end must be a time "HH:MM"' });
  });

  it('rejects avoiding all seven days, pointing to the off switch instead', () => {
    expect(problems({ avoidDays: [0, 1, 2, 3, 4, 5, 6] })).toEqual({
      avoidDays: 'at least one weekday must stay open for sending; to stop follow-ups, turn the flow off',
    });
    expect(problems({ avoidDays: [6, 5, 4, 3, 2, 1, 0, 0] })).toHaveProperty('avoidDays');
    expect(problems({ avoidDays: [1, 2, 3, 4, 5, 6] })).toEqual({});
  });

  it('rejects weekdays outside 0–6 and fractions', () => {
    expect(problems({ avoidDays: [7] })).toEqual({ 'avoidDays.0': 'a weekday is 0 (Sunday) to 6 (Saturday)' });
    expect(problems({ avoidDays: [-1] })).toEqual({ 'avoidDays.0': 'a weekday is 0 (Sunday) to 6 (Saturday)' });
    expect(problems({ avoidDays: [1.5] })).toHaveProperty('avoidDays.0');
    expect(problems({ avoidDays: 'sunday' })).toEqual({ avoidDays: 'avoidDays must be a list of weekdays' });
  });

  it('rejects a delay beyond 0–60 days or not in whole days, and a cap that could never send', () => {
    expect(problems({ delayDays: 61 })).toEqual({ delayDays: 'delayDays must be at most 60' });
    expect(problems({ delayDays: -1 })).toEqual({ delayDays: 'delayDays must be at least 0' });
    expect(problems({ delayDays: 1.5 })).toEqual({ delayDays: 'delayDays must be a whole number of days' });
    expect(problems({ delayDays: '7' })).toEqual({ delayDays: 'delayDays must be a number of days' });
    expect(problems({ capCount: 0 })).toEqual({ capCount: 'capCount must be at least 1; to stop follow-ups, turn the flow off' });
    expect(problems({ capDays: 0 })).toEqual({ capDays: 'capDays must be at least 1' });
    expect(problems({ capDays: 366 })).toEqual({ capDays: 'capDays must be at most 365' });
  });

  it('rejects misspelt fields instead of silently using the default', () => {
    expect(problems({ delay: 3 })).toEqual({ '(root)': 'unknown setting: delay' });
    expect(problems({ sendWindow: { start: '09:00', end: '19:00', zone: 'UTC' } })).toEqual({ sendWindow: 'unknown setting: zone' });
    expect(problems(null)).toEqual({ '(root)': 'settings must be an object' });
    expect(problems({ sendWindow: '09:00-19:00' })).toEqual({ sendWindow: 'sendWindow must be an object' });
  });

  it('validates time zones by name', () => {
    expect(timeZoneSchema.parse(SAO_PAULO)).toBe(SAO_PAULO);
    expect(timeZoneSchema.safeParse('Mars/Olympus_Mons').error?.issues[0]?.message).toBe(
      'unknown time zone "Mars/Olympus_Mons": use an IANA name such as "Europe/Madrid"',
    );
    expect(timeZoneSchema.safeParse('').success).toBe(false);
    expect(timeZoneSchema.safeParse(42).success).toBe(false);
  });
});

describe('local time', () => {
  it('knows valid zones from invalid ones', () => {
    expect([MADRID, NEW_YORK, SAO_PAULO, 'UTC', 'Asia/Kolkata'].every(isValidTimeZone)).toBe(true);
    expect(['', ' ', 'Europe/Atlantis', 'GMT+25', 'not a zone'].some(isValidTimeZone)).toBe(false);
  });

  it('reads the wall clock: date, weekday, minutes, on both sides of Madrid summer time', () => {
    expect(localDateTime(at('2026-06-02T10:30:00Z'), MADRID)).toMatchObject({ year: 2026, month: 6, day: 2, weekday: 2, hour: 12, minute: 30, minuteOfDay: 750 });
    expect(localDateTime(at('2026-01-04T23:30:00Z'), MADRID)).toMatchObject({ year: 2026, month: 1, day: 5, weekday: 1, hour: 0, minute: 30 });
    expect(localDateTime(at('2026-01-01T02:00:00Z'), NEW_YORK)).toMatchObject({ year: 2025, month: 12, day: 31, weekday: 3, hour: 21 });
  });

  it('Madrid spring-forward: 02:30 does not exist and becomes 03:00 CEST, the first instant after the gap', () => {
    expect(instantsOfLocalTime({ year: 2026, month: 3, day: 29 }, 150, MADRID)).toEqual([]);
    expect(instantOfLocalTime({ year: 2026, month: 3, day: 29 }, 150, MADRID)).toBe(at('2026-03-29T03:00:00+02:00'));
    expect(instantOfLocalTime({ year: 2026, month: 3, day: 29 }, 180, MADRID)).toBe(at('2026-03-29T03:00:00+02:00'));
    expect(instantOfLocalTime({ year: 2026, month: 3, day: 29 }, 119, MADRID)).toBe(at('2026-03-29T01:59:00+01:00'));
  });

  it('Madrid fall-back: 02:30 happens twice and the earlier (CEST) is taken', () => {
    const date = { year: 2026, month: 10, day: 25 };
    expect(instantsOfLocalTime(date, 150, MADRID)).toEqual([at('2026-10-25T02:30:00+02:00'), at('2026-10-25T02:30:00+01:00')]);
    expect(instantOfLocalTime(date, 150, MADRID)).toBe(at('2026-10-25T02:30:00+02:00'));
  });

  it('New York: 02:30 on 8 March is skipped, 01:30 on 1 November is repeated', () => {
    expect(instantOfLocalTime({ year: 2026, month: 3, day: 8 }, 150, NEW_YORK)).toBe(at('2026-03-08T03:00:00-04:00'));
    expect(instantsOfLocalTime({ year: 2026, month: 11, day: 1 }, 90, NEW_YORK)).toEqual([at('2026-11-01T01:30:00-04:00'), at('2026-11-01T01:30:00-05:00')]);
  });

  it('São Paulo keeps UTC−3 all year now; until 2019 its clocks skipped midnight', () => {
    expect(offsetTransitions(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), SAO_PAULO)).toEqual([]);
    expect(instantOfLocalTime({ year: 2026, month: 11, day: 8 }, 0, SAO_PAULO)).toBe(at('2026-11-08T00:00:00-03:00'));
    expect(instantOfLocalTime({ year: 2018, month: 11, day: 4 }, 0, SAO_PAULO)).toBe(at('2018-11-04T01:00:00-02:00'));
  });

  it('finds the offset changes of a year exactly', () => {
    expect(offsetTransitions(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), MADRID)).toEqual([at('2026-03-29T01:00:00Z'), at('2026-10-25T01:00:00Z')]);
    expect(offsetTransitions(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), NEW_YORK)).toEqual([at('2026-03-08T07:00:00Z'), at('2026-11-01T06:00:00Z')]);
  });
});

describe('send time', () => {
  const first = (fulfilledAt: string, timeZone: string, overrides: Partial<FlowSettings> = {}) =>
    firstSendTime({ fulfilledAt: at(fulfilledAt), timeZone, settings: settings(overrides) });

  it('is exactly a week after fulfillment when that falls inside the window', () => {
    expect(first('2026-06-02T10:00:00+02:00', MADRID)).toBe(at('2026-06-09T10:00:00+02:00'));
    expect(earliestDueAt(at('2026-06-02T10:00:00+02:00'), ON)).toBe(at('2026-06-09T10:00:00+02:00'));
  });

  it('honours the delay setting, including none', () => {
    expect(first('2026-06-02T10:00:00+02:00', MADRID, { delayDays: 0 })).toBe(at('2026-06-02T10:00:00+02:00'));
    expect(first('2026-06-02T10:00:00+02:00', MADRID, { delayDays: 3 })).toBe(at('2026-06-05T10:00:00+02:00'));
  });

  it('waits for the window to open: an early-morning due time goes out at 09:00 the same day', () => {
    expect(first('2026-06-02T07:15:00+02:00', MADRID)).toBe(at('2026-06-09T09:00:00+02:00'));
  });

  it('treats the window end as exclusive: 18:59:59.999 goes, 19:00 waits for the next morning', () => {
    expect(first('2026-06-02T18:59:59.999+02:00', MADRID)).toBe(at('2026-06-09T18:59:59.999+02:00'));
    expect(first('2026-06-02T19:00:00+02:00', MADRID)).toBe(at('2026-06-10T09:00:00+02:00'));
  });

  it('reads the window on the buyer’s clock: the same fulfillment goes out at different instants', () => {
    // 16:00 in Madrid is 10:00 in New York: fine for both.
    expect(first('2026-06-02T16:00:00+02:00', NEW_YORK)).toBe(at('2026-06-09T10:00:00-04:00'));
    // 20:00 in Madrid is past the window there, but 14:00 in New York.
    expect(first('2026-06-02T20:00:00+02:00', MADRID)).toBe(at('2026-06-10T09:00:00+02:00'));
    expect(first('2026-06-02T20:00:00+02:00', NEW_YORK)).toBe(at('2026-06-09T14:00:00-04:00'));
  });

  it('never sends on an avoided day: with Sundays off, Saturday evening becomes Monday 09:00', () => {
    expect(first('2026-06-06T19:30:00+02:00', MADRID, { avoidDays: [0] })).toBe(at('2026-06-15T09:00:00+02:00'));
    expect(first('2026-06-07T12:00:00+02:00', MADRID, { avoidDays: [0] })).toBe(at('2026-06-15T09:00:00+02:00'));
    // The weekday is the buyer's: Sunday 23:30 in Madrid is still Sunday 17:30 in New York.
    expect(first('2026-06-07T23:30:00+02:00', NEW_YORK, { avoidDays: [1] })).toBe(at('2026-06-14T17:30:00-04:00'));
    expect(first('2026-06-07T23:30:00+02:00', MADRID, { avoidDays: [1] })).toBe(at('2026-06-16T09:00:00+02:00'));
  });

  it('skips a whole weekend and more', () => {
    expect(first('2026-06-05T20:00:00+02:00', MADRID, { avoidDays: [0, 6] })).toBe(at('2026-06-15T09:00:00+02:00'));
    expect(first('2026-06-02T20:00:00+02:00', MADRID, { avoidDays: [0, 1, 2, 3, 4, 6] })).toBe(at('2026-06-12T09:00:00+02:00'));
  });

  it('counts the delay in exact 24-hour days across Madrid’s spring-forward, the window absorbing the hour', () => {
    // 10:00 CET + 7 × 24 h is 11:00 CEST, inside the window.
    expect(first('2026-03-22T10:00:00+01:00', MADRID)).toBe(at('2026-03-29T11:00:00+02:00'));
    // 07:30 CET + 7 × 24 h is 08:30 CEST: wait for 09:00 CEST.
    expect(first('2026-03-22T07:30:00+01:00', MADRID)).toBe(at('2026-03-29T09:00:00+02:00'));
  });

  it('opens a window that starts inside the spring-forward gap when the clock jumps into it', () => {
    const night = { sendWindow: { start: '02:30', end: '04:00' } };
    expect(nextSendTime(at('2026-03-29T00:00:00+01:00'), MADRID, settings(night))).toBe(at('2026-03-29T03:00:00+02:00'));
    expect(nextSendTime(at('2026-03-08T00:00:00-05:00'), NEW_YORK, settings(night))).toBe(at('2026-03-08T03:00:00-04:00'));
  });

  it('moves to the next day when the whole window falls inside the gap', () => {
    const gap = { sendWindow: { start: '02:00', end: '02:45' } };
    expect(nextSendTime(at('2026-03-29T00:00:00+01:00'), MADRID, settings(gap))).toBe(at('2026-03-30T02:00:00+02:00'));
    expect(nextSendTime(at('2026-03-08T00:00:00-05:00'), NEW_YORK, settings({ sendWindow: { start: '02:00', end: '03:00' } }))).toBe(at('2026-03-09T02:00:00-04:00'));
  });

  it('uses the repeated hour of New York’s fall-back, including when the clock turns back into the window', () => {
    const late = settings({ sendWindow: { start: '00:30', end: '01:30' } });
    // 01:40 EDT is past the window, but twenty minutes later the clock reads 01:00 EST.
    expect(nextSendTime(at('2026-11-01T01:40:00-04:00'), NEW_YORK, late)).toBe(at('2026-11-01T01:00:00-05:00'));
    const repeated = settings({ sendWindow: { start: '01:00', end: '01:30' } });
    expect(nextSendTime(at('2026-11-01T01:20:00-05:00'), NEW_YORK, repeated)).toBe(at('2026-11-01T01:20:00-05:00'));
    expect(nextSendTime(at('2026-11-01T01:40:00-04:00'), NEW_YORK, repeated)).toBe(at('2026-11-01T01:00:00-05:00'));
    expect(nextSendTime(at('2026-11-01T01:40:00-05:00'), NEW_YORK, repeated)).toBe(at('2026-11-02T01:00:00-05:00'));
  });

  it('São Paulo: no DST now, so early November is plain UTC−3; in 2018 a midnight window opened at 01:00', () => {
    expect(first('2026-10-28T08:00:00-03:00', SAO_PAULO)).toBe(at('2026-11-04T09:00:00-03:00'));
    expect(first('2026-10-28T10:00:00-03:00', SAO_PAULO)).toBe(at('2026-11-04T10:00:00-03:00'));
    const midnight = settings({ sendWindow: { start: '00:00', end: '06:00' } });
    expect(nextSendTime(at('2018-11-03T23:30:00-03:00'), SAO_PAULO, midnight)).toBe(at('2018-11-04T01:00:00-02:00'));
  });

  it('from an arbitrary instant: now when sendable, else the next opening', () => {
    expect(nextSendTime(at('2026-06-09T12:00:00+02:00'), MADRID, ON)).toBe(at('2026-06-09T12:00:00+02:00'));
    expect(nextSendTime(at('2026-06-09T23:00:00+02:00'), MADRID, ON)).toBe(at('2026-06-10T09:00:00+02:00'));
  });

  it('falls back from the buyer’s zone to the shop’s, then to UTC', () => {
    expect(resolveSendTimeZone(NEW_YORK, MADRID)).toBe(NEW_YORK);
    expect(resolveSendTimeZone(null, MADRID)).toBe(MADRID);
    expect(resolveSendTimeZone('Atlantis/Capital', MADRID)).toBe(MADRID);
    expect(resolveSendTimeZone(null, 'nowhere')).toBe('UTC');
  });
});

describe('send decision', () => {
  const DUE = at('2026-06-09T10:00:00+02:00'); // a Tuesday morning in Madrid
  const situation = (overrides: Partial<SendSituation> = {}): SendSituation => ({
    now: DUE,
    dueAt: DUE,
    settings: ON,
    personaVerified: true,
    order: { cancelled: false, fullyRefunded: false },
    customer: { subscribed: true, hasEmail: true, timeZone: MADRID },
    shopTimeZone: MADRID,
    previousSends: [],
    ...overrides,
  });

  it('sends when due, inside the window, with nothing against it', () => {
    expect(decideSend(situation())).toEqual({ kind: 'send' });
  });

  it('holds back an order in the holdout only when its mail would have gone, so the holdout is comparable', () => {
    expect(decideSend(situation({ heldOut: true }))).toEqual({ kind: 'skip', reason: 'holdout' });
    // Anything that would have stopped the mail anyway keeps its own reason: those orders are in neither group.
    expect(decideSend(situation({ heldOut: true, customer: { subscribed: false, hasEmail: true, timeZone: MADRID } }))).toEqual({ kind: 'skip', reason: 'not-subscribed' });
    expect(decideSend(situation({ heldOut: true, previousSends: [DUE - DAY_MS] }))).toEqual({ kind: 'skip', reason: 'cap' });
    expect(decideSend(situation({ heldOut: true, now: DUE - DAY_MS }))).toMatchObject({ kind: 'wait', reason: 'not-due' });
  });

  it('cancelled or refunded order → no mail, for good, even before it is due', () => {
    expect(decideSend(situation({ order: { cancelled: true, fullyRefunded: false } }))).toEqual({ kind: 'skip', reason: 'cancelled' });
    expect(decideSend(situation({ order: { cancelled: false, fullyRefunded: true } }))).toEqual({ kind: 'skip', reason: 'refunded' });
    expect(decideSend(situation({ now: DUE - 3 * DAY_MS, order: { cancelled: true, fullyRefunded: true } }))).toEqual({ kind: 'skip', reason: 'cancelled' });
  });

  it('unsubscribed buyer or no address → no mail, for good', () => {
    expect(decideSend(situation({ customer: { subscribed: false, hasEmail: true, timeZone: MADRID } }))).toEqual({ kind: 'skip', reason: 'not-subscribed' });
    expect(decideSend(situation({ now: DUE - DAY_MS, customer: { subscribed: false, hasEmail: false, timeZone: null } }))).toEqual({ kind: 'skip', reason: 'not-subscribed' });
    expect(decideSend(situation({ customer: { subscribed: true, hasEmail: false, timeZone: MADRID } }))).toEqual({ kind: 'skip', reason: 'no-email' });
  });

  it('not due yet → wait until due, whatever else is pending', () => {
    expect(decideSend(situation({ now: DUE - HOUR_MS }))).toEqual({ kind: 'wait', until: DUE, reason: 'not-due' });
    expect(decideSend(situation({ now: DUE - 1, personaVerified: false, previousSends: [DUE - DAY_MS] }))).toEqual({ kind: 'wait', until: DUE, reason: 'not-due' });
  });

  it('an unverified persona cannot send: wait an hour and look again', () => {
    expect(decideSend(situation({ personaVerified: false }))).toEqual({ kind: 'wait', until: DUE + RECHECK_AFTER_MS, reason: 'persona-unverified' });
  });

  it('flow off → wait an hour and look again (a pause, not a loss)', () => {
    expect(decideSend(situation({ settings: settings({ enabled: false }), personaVerified: false }))).toEqual({
      kind: 'wait',
      until: DUE + HOUR_MS,
      reason: 'flow-off',
    });
  });

  it('outside the window in the buyer’s zone → wait for it to open there', () => {
    // 10:00 in Madrid is 04:00 in New York.
    const buyerInNewYork = { subscribed: true, hasEmail: true, timeZone: NEW_YORK };
    expect(decideSend(situation({ customer: buyerInNewYork }))).toEqual({ kind: 'wait', until: at('2026-06-09T09:00:00-04:00'), reason: 'outside-window' });
    expect(decideSend(situation({ customer: buyerInNewYork, now: at('2026-06-09T09:00:00-04:00') }))).toEqual({ kind: 'send' });
  });

  it('uses the shop’s zone when the buyer’s is unknown or unusable', () => {
    const evening = at('2026-06-09T20:00:00+02:00'); // 14:00 in New York
    const shopInNewYork = { now: evening, dueAt: evening, shopTimeZone: NEW_YORK };
    expect(decideSend(situation({ ...shopInNewYork }))).toEqual({ kind: 'wait', until: at('2026-06-10T09:00:00+02:00'), reason: 'outside-window' });
    expect(decideSend(situation({ ...shopInNewYork, customer: { subscribed: true, hasEmail: true, timeZone: null } }))).toEqual({ kind: 'send' });
    expect(decideSend(situation({ ...shopInNewYork, customer: { subscribed: true, hasEmail: true, timeZone: 'Moon/Tranquility' } }))).toEqual({ kind: 'send' });
  });

  it('on an avoided day → wait for the next allowed day', () => {
    const sunday = at('2026-06-14T12:00:00+02:00');
    expect(decideSend(situation({ now: sunday, dueAt: sunday, settings: settings({ avoidDays: [0] }) }))).toEqual({
      kind: 'wait',
      until: at('2026-06-15T09:00:00+02:00'),
      reason: 'avoided-day',
    });
  });

  it('cap: one mail per 30 days, counting the one about to go', () => {
    expect(decideSend(situation({ previousSends: [DUE - 10 * DAY_MS] }))).toEqual({ kind: 'skip', reason: 'cap' });
    expect(decideSend(situation({ previousSends: [DUE - 30 * DAY_MS + 1] }))).toEqual({ kind: 'skip', reason: 'cap' });
    expect(decideSend(situation({ previousSends: [DUE - 30 * DAY_MS] }))).toEqual({ kind: 'send' });
    expect(decideSend(situation({ previousSends: [DUE - 90 * DAY_MS, DUE - 45 * DAY_MS] }))).toEqual({ kind: 'send' });
    // A send stamped after now (another worker's clock) still counts.
    expect(decideSend(situation({ previousSends: [DUE + HOUR_MS] }))).toEqual({ kind: 'skip', reason: 'cap' });
  });

  it('cap: two per 14 days allows a second mail but not a third', () => {
    const twoPerFortnight = settings({ capCount: 2, capDays: 14 });
    expect(decideSend(situation({ settings: twoPerFortnight, previousSends: [DUE - 5 * DAY_MS] }))).toEqual({ kind: 'send' });
    expect(decideSend(situation({ settings: twoPerFortnight, previousSends: [DUE - 5 * DAY_MS, DUE - 13 * DAY_MS] }))).toEqual({ kind: 'skip', reason: 'cap' });
    expect(decideSend(situation({ settings: twoPerFortnight, previousSends: [DUE - 5 * DAY_MS, DUE - 14 * DAY_MS] }))).toEqual({ kind: 'send' });
  });

  it('cap is judged when the mail would leave, after the window wait, not before', () => {
    const evening = at('2026-06-09T20:00:00+02:00');
    const sentAlmostAMonthAgo = evening - 29.7 * DAY_MS; // 30 days before is the next morning 02:48
    const first = decideSend(situation({ now: evening, dueAt: evening, previousSends: [sentAlmostAMonthAgo] }));
    expect(first).toEqual({ kind: 'wait', until: at('2026-06-10T09:00:00+02:00'), reason: 'outside-window' });
    expect(decideSend(situation({ now: at('2026-06-10T09:00:00+02:00'), dueAt: evening, previousSends: [sentAlmostAMonthAgo] }))).toEqual({ kind: 'send' });
  });

  it('stale: more than two weeks after due, the mail no longer helps and is dropped', () => {
    expect(decideSend(situation({ now: DUE + MAX_LATENESS_MS }))).toEqual({ kind: 'send' });
    expect(decideSend(situation({ now: DUE + MAX_LATENESS_MS + 1 }))).toEqual({ kind: 'skip', reason: 'stale' });
    // A flow left off for a month does not flood buyers when it comes back on.
    expect(decideSend(situation({ now: DUE + 13 * DAY_MS, settings: settings({ enabled: false }) }))).toMatchObject({ kind: 'wait', reason: 'flow-off' });
    expect(decideSend(situation({ now: DUE + 30 * DAY_MS, settings: settings({ enabled: false }) }))).toEqual({ kind: 'skip', reason: 'stale' });
    // Never wait for a window that opens after the mail has gone stale.
    const lastEvening = at('2026-06-23T20:00:00+02:00'); // due + 14 days + 10 h; the window reopens the next morning
    expect(decideSend(situation({ now: lastEvening - 11 * HOUR_MS }))).toEqual({ kind: 'send' });
    expect(decideSend(situation({ now: at('2026-06-22T20:00:00+02:00') }))).toEqual({ kind: 'wait', until: at('2026-06-23T09:00:00+02:00'), reason: 'outside-window' });
    expect(decideSend(situation({ now: at('2026-06-22T20:00:00+02:00'), settings: settings({ avoidDays: [2] }) }))).toEqual({ kind: 'skip', reason: 'stale' });
  });

  it('a worker following the waits from fulfillment sends exactly at firstSendTime', () => {
    const fulfilledAt = at('2026-06-05T21:30:00+02:00'); // Friday night; due the next Friday night
    const weekdaysOnly = settings({ avoidDays: [0, 6] });
    const dueAt = earliestDueAt(fulfilledAt, weekdaysOnly);
    const steps: string[] = [];
    let now = fulfilledAt;
    for (let step = 0; step < 5; step++) {
      const decision = decideSend(situation({ now, dueAt, settings: weekdaysOnly }));
      steps.push(decision.kind === 'wait' ? decision.reason : decision.kind);
      if (decision.kind !== 'wait') break;
      now = decision.until;
    }
    expect(steps).toEqual(['not-due', 'outside-window', 'send']);
    expect(now).toBe(at('2026-06-15T09:00:00+02:00'));
    expect(now).toBe(firstSendTime({ fulfilledAt, timeZone: MADRID, settings: weekdaysOnly }));
  });
});
