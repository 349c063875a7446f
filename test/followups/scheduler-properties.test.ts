/**
 * Property tests for follow-up send times: random settings, zones (including half-hour DST and historical
 * midnight gaps) and instants biased towards DST changes. The wall clock is read here by an independent
 * oracle (Intl asked for weekday, hour and minute directly), not by the scheduler's own helpers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  decideSend,
  earliestDueAt,
  firstSendTime,
  flowSettingsSchema,
  instantOfLocalTime,
  instantsOfLocalTime,
  localDateTime,
  nextSendTime,
  type FlowSettings,
  type SendSituation,
} from '../../server/followups/scheduler/index.ts';

/** fast-check's seed: every run checks the same cases, so CI never turns red by chance (change it to explore others). */
const SEED = 733119;

const ZONES = [
  'Europe/Madrid',
  'America/New_York',
  'America/Sao_Paulo', // no DST since 2019; midnight gaps before
  'Australia/Lord_Howe', // 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kathmandu', // +05:45, no DST
  'America/Santiago', // southern-hemisphere DST at midnight
  'UTC',
];

// DST changes of the zones above (São Paulo's 2018–2019 ones skip or repeat midnight).
const TRANSITIONS = [
  '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', // Madrid
  '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', // New York
  '2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z', // São Paulo
  '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z', // Lord Howe
  '2026-04-04T14:00:00Z', '2026-09-26T14:00:00Z', // Chatham
  '2026-04-05T03:00:00Z', '2026-09-06T04:00:00Z', // Santiago
].map(Date.parse);

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const oracleFormatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday and minute of day a wall clock in `zone` shows at `instant`, straight from Intl. */
function oracle(instant: number, zone: string): { weekday: number; minuteOfDay: number } {
  let formatter = oracleFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    oracleFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS.indexOf(parts.weekday!), minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutesOf = (hhmm: string) => (hhmm === '24:00' ? 1440 : Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function sendableByOracle(instant: number, zone: string, settings: FlowSettings): boolean {
  const { weekday, minuteOfDay } = oracle(instant, zone);
  return !settings.avoidDays.includes(weekday) && minuteOfDay >= minutesOf(settings.sendWindow.start) && minuteOfDay < minutesOf(settings.sendWindow.end);
}

// Windows: anything valid, plus the hours DST changes happen in and the usual daytime one.
const windowArb = fc.oneof(
  fc.integer({ min: 0, max: 1439 }).chain((start) => fc.integer({ min: start + 1, max: 1440 }).map((end) => ({ start: hhmm(start), end: hhmm(end) }))),
  fc.constantFrom(
    { start: '09:00', end: '19:00' },
    { start: '00:00', end: '01:00' },
    { start: '00:30', end: '01:30' },
    { start: '01:00', end: '01:30' },
    { start: '02:00', end: '03:00' },
    { start: '02:15', end: '02:45' },
    { start: '23:00', end: '24:00' },
    { start: '23:59', end: '24:00' },
  ),
);

const settingsArb: fc.Arbitrary<FlowSettings> = fc
  .record({
    enabled: fc.constant(true),
    delayDays: fc.integer({ min: 0, max: 60 }),
    capCount: fc.integer({ min: 1, max: 3 }),
    capDays: fc.integer({ min: 1, max: 60 }),
    sendWindow: windowArb,
    avoidDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 6 }),
  })
  .map((raw) => flowSettingsSchema.parse(raw)); // only what validation lets through

// Instants anywhere in 2015–2035, or within days of a DST change (where the hard cases are).
const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
  fc.constantFrom(...TRANSITIONS).chain((t) => fc.integer({ min: t - 3 * DAY_MS, max: t + DAY_MS })),
  fc.constantFrom(...TRANSITIONS).chain((t) => fc.integer({ min: -26 * 60, max: 2 * 60 }).map((m) => t + m * MINUTE_MS)),
);

const zoneArb = fc.constantFrom(...ZONES);

/** No sendable instant in [from, answer): `from` itself, then every whole minute, finely near the answer. */
function assertNothingEarlier(from: number, answer: number, zone: string, settings: FlowSettings): void {
  if (from < answer) expect(sendableByOracle(from, zone, settings), `from ${new Date(from).toISOString()}`).toBe(false);
  const fine = answer - 6 * HOUR_MS;
  const step = (t: number) => (t >= fine ? MINUTE_MS : 10 * MINUTE_MS);
  // Whole minutes are enough: windows start on a minute and zones change offset on a minute, so an earlier
  // sendable instant implies an earlier sendable whole minute (or `from` itself).
  for (let t = Math.ceil((from + 1) / MINUTE_MS) * MINUTE_MS; t < answer; t += step(t)) {
    expect(sendableByOracle(t, zone, settings), `earlier sendable instant ${new Date(t).toISOString()}`).toBe(false);
  }
}

describe('first send time', () => {
  it('is never before fulfillment + delay, is inside the window on an allowed day in the buyer’s zone, and is the earliest such instant', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, settingsArb, (due, timeZone, settings) => {
        const fulfilledAt = due - settings.delayDays * DAY_MS;
        const sendAt = firstSendTime({ fulfilledAt, timeZone, settings });
        expect(sendAt).toBeGreaterThanOrEqual(fulfilledAt + settings.delayDays * DAY_MS);
        expect(sendableByOracle(sendAt, timeZone, settings)).toBe(true);
        assertNothingEarlier(due, sendAt, timeZone, settings);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('nextSendTime is idempotent: from the answer, the answer', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, settingsArb, (now, timeZone, settings) => {
        const sendAt = nextSendTime(now, timeZone, settings);
        expect(nextSendTime(sendAt, timeZone, settings)).toBe(sendAt);
        // And within the week it must be, give or take a DST hour and a window lost in a gap.
        expect(sendAt - now).toBeLessThan(8 * DAY_MS + 2 * HOUR_MS);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('local time', () => {
  const dateArb = fc.record({ year: fc.integer({ min: 2015, max: 2035 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
  const nearTransitionDateArb = fc.constantFrom(...TRANSITIONS).chain((t) =>
    fc.integer({ min: -1, max: 1 }).map((d) => {
      const shifted = new Date(t + d * DAY_MS);
      return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
    }),
  );

  it('instantOfLocalTime round-trips, takes the earlier of two, and lands just after a gap', () => {
    fc.assert(
      fc.property(fc.oneof(dateArb, nearTransitionDateArb), fc.integer({ min: 0, max: 1439 }), zoneArb, (date, minuteOfDay, timeZone) => {
        const instants = instantsOfLocalTime(date, minuteOfDay, timeZone);
        const chosen = instantOfLocalTime(date, minuteOfDay, timeZone);
        for (const instant of instants) {
          expect(localDateTime(instant, timeZone)).toMatchObject({ ...date, minuteOfDay, second: 0 });
        }
        if (instants.length > 0) {
          expect(chosen).toBe(Math.min(...instants));
        } else {
          // Skipped: the chosen instant shows a later wall time, and the millisecond before it an earlier one.
          const wanted = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
          const wall = (t: number) => {
            const l = localDateTime(t, timeZone);
            return Date.UTC(l.year, l.month - 1, l.day) + l.msOfDay;
          };
          expect(wall(chosen)).toBeGreaterThan(wanted);
          expect(wall(chosen - 1)).toBeLessThan(wanted);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('localDateTime agrees with Intl on weekday and minute of day', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, (instant, timeZone) => {
        const { weekday, minuteOfDay } = localDateTime(instant, timeZone);
        expect({ weekday, minuteOfDay }).toEqual(oracle(instant, timeZone));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('send decision', () => {
  const situationArb = fc.record({
    now: instantArb,
    dueOffset: fc.integer({ min: -20 * DAY_MS, max: 3 * DAY_MS }),
    settings: fc.tuple(settingsArb, fc.boolean()).map(([s, enabled]) => ({ ...s, enabled })),
    personaVerified: fc.boolean(),
    order: fc.record({ cancelled: fc.boolean(), fullyRefunded: fc.boolean() }),
    customer: fc.record({ subscribed: fc.boolean(), hasEmail: fc.boolean(), timeZone: fc.option(fc.constantFrom(...ZONES, 'Not/AZone'), { nil: null }) }),
    shopTimeZone: zoneArb,
    previousSendOffsets: fc.array(fc.integer({ min: -90 * DAY_MS, max: HOUR_MS }), { maxLength: 3 }),
  });
  type RawSituation = typeof situationArb extends fc.Arbitrary<infer T> ? T : never;
  const build = (s: RawSituation): SendSituation => ({
    now: s.now,
    dueAt: s.now + s.dueOffset,
    settings: s.settings,
    personaVerified: s.personaVerified,
    order: s.order,
    customer: s.customer,
    shopTimeZone: s.shopTimeZone,
    previousSends: s.previousSendOffsets.map((o) => s.now + o),
  });

  it('sends only when every rule allows it, and every wait moves forward in time', () => {
    fc.assert(
      fc.property(situationArb, (raw) => {
        const situation = build(raw);
        const decision = decideSend(situation);
        if (decision.kind === 'wait') expect(decision.until).toBeGreaterThan(situation.now);
        if (decision.kind !== 'send') return;
        expect(situation.settings.enabled && situation.personaVerified).toBe(true);
        expect(situation.order.cancelled || situation.order.fullyRefunded).toBe(false);
        expect(situation.customer.subscribed && situation.customer.hasEmail).toBe(true);
        expect(situation.now).toBeGreaterThanOrEqual(situation.dueAt);
        const zone = situation.customer.timeZone && situation.customer.timeZone !== 'Not/AZone' ? situation.customer.timeZone : situation.shopTimeZone;
        expect(sendableByOracle(situation.now, zone, situation.settings)).toBe(true);
        const recent = situation.previousSends.filter((t) => Math.abs(situation.now - t) < situation.settings.capDays * DAY_MS);
        expect(recent.length + 1).toBeLessThanOrEqual(situation.settings.capCount);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('a worker following the waits from fulfillment sends at firstSendTime, in at most two waits', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, settingsArb, (fulfilledAt, timeZone, settings) => {
        const dueAt = earliestDueAt(fulfilledAt, settings);
        const base = {
          dueAt,
          settings,
          personaVerified: true,
          order: { cancelled: false, fullyRefunded: false },
          customer: { subscribed: true, hasEmail: true, timeZone },
          shopTimeZone: 'UTC',
          previousSends: [],
        };
        let now = fulfilledAt;
        let waits = 0;
        for (let decision = decideSend({ ...base, now }); decision.kind !== 'send'; decision = decideSend({ ...base, now })) {
          expect(decision.kind).toBe('wait');
          if (decision.kind !== 'wait') return;
          now = decision.until;
          expect(++waits).toBeLessThanOrEqual(2);
        }
        expect(now).toBe(firstSendTime({ fulfilledAt, timeZone, settings }));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
