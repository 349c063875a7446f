/**
 * What a merchant decides about post-purchase follow-ups, and the validation of it. The scheduler assumes
 * settings have passed `flowSettingsSchema`: it does not re-check them.
 */
import { z } from 'zod';
import { isValidTimeZone } from './local-time.ts';

export interface FlowSettings {
  /** Whether follow-ups go out at all. Turning it off pauses pending ones (see decide.ts). */
  enabled: boolean;
  /** Days after fulfillment before the mail is due: time to receive and try the order. 0–60. */
  delayDays: number;
  /** At most `capCount` follow-ups to one customer in any `capDays` days, whatever the order. */
  capCount: number;
  capDays: number;
  /** Local 'HH:MM' hours in which mail may go out, end exclusive ('24:00' means until midnight). */
  sendWindow: { start: string; end: string };
  /** Local weekdays never to send on, 0 = Sunday … 6 = Saturday. */
  avoidDays: number[];
}

/**
 * Off until the merchant turns it on: a mail in a real person's name is something the merchant opts into, not
 * something an install does by itself. The rest follows the product brief: a week to use the order, one mail a
 * month, daytime in the buyer's zone.
 */
export const DEFAULT_FLOW_SETTINGS: FlowSettings = Object.freeze({
  enabled: false,
  delayDays: 7,
  capCount: 1,
  capDays: 30,
  // Frozen all the way down: a caller mutating the shared defaults would change every shop's.
  sendWindow: Object.freeze({ start: '09:00', end: '19:00' }),
  avoidDays: Object.freeze([] as number[]) as number[],
});

export const MAX_DELAY_DAYS = 60;
export const MAX_CAP_COUNT = 10;
export const MAX_CAP_DAYS = 365;

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of a local 'HH:MM' ('24:00' is 1440, the end of the day); NaN when malformed. */
export function minutesOfClockTime(text: string): number {
  if (text === '24:00') return 24 * 60;
  const match = CLOCK_TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/** The send window in minutes since local midnight, `[start, end)`. */
export function sendWindowMinutes(settings: FlowSettings): { start: number; end: number } {
  return { start: minutesOfClockTime(settings.sendWindow.start), end: minutesOfClockTime(settings.sendWindow.end) };
}

const wholeDays = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number of days` })
    .int({ error: `${field} must be a whole number of days` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });

// '24:00' only makes sense as an end: a window cannot start at the end of the day.
const windowStart = z.string({ error: 'start must be a time "HH:MM"' }).refine((text) => CLOCK_TIME.test(text), {
  error: 'start must be a time "HH:MM" from 00:00 to 23:59',
});
const windowEnd = z.string({ error: 'end must be a time "HH:MM"' }).refine((text) => text === '24:00' || CLOCK_TIME.test(text), {
  error: 'end must be a time "HH:MM" from 00:01 to 24:00',
});

/** The object-level messages: which field is unknown, or what the object should have been. */
const objectError = (what: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' ? `unknown setting: ${(issue.keys ?? []).join(', ')}` : `${what} must be an object`;

const sendWindowSchema = z
  .strictObject({ start: windowStart, end: windowEnd }, { error: objectError('sendWindow') })
  .refine(({ start, end }) => !(minutesOfClockTime(start) >= minutesOfClockTime(end)), {
    // Windows over midnight ("22:00–06:00") are rejected too: they are night hours, the opposite of the intent.
    // Written as "not ≥" so a malformed time (NaN) passes here: it is reported once, on its own field.
    error: 'the send window must end after it starts, within one day (e.g. 09:00–19:00)',
    path: ['end'],
  });

const avoidDaysSchema = z
  .array(
    z
      .number({ error: 'avoidDays must list weekdays as numbers, 0 = Sunday … 6 = Saturday' })
      .int({ error: 'avoidDays must list weekdays as whole numbers, 0 = Sunday … 6 = Saturday' })
      .min(0, { error: 'a weekday is 0 (Sunday) to 6 (Saturday)' })
      .max(6, { error: 'a weekday is 0 (Sunday) to 6 (Saturday)' }),
    { error: 'avoidDays must be a list of weekdays' },
  )
  .transform((days) => [...new Set(days)].sort((a, b) => a - b)) // one spelling per setting: sorted, no repeats
  .refine((days) => days.length < 7, {
    error: 'at least one weekday must stay open for sending; to stop follow-ups, turn the flow off',
  });

/**
 * Validates merchant input. Missing fields take their defaults, so a stored `{}` or an older settings object
 * keeps working; unknown fields are rejected, so a misspelt field is reported instead of silently ignored.
 */
export const flowSettingsSchema: z.ZodType<FlowSettings> = z.strictObject(
  {
    enabled: z.boolean({ error: 'enabled must be true or false' }).default(DEFAULT_FLOW_SETTINGS.enabled),
    delayDays: wholeDays('delayDays', 0, MAX_DELAY_DAYS).default(DEFAULT_FLOW_SETTINGS.delayDays),
    // 0 mails per period would be a flow that never sends: that is `enabled: false`, said plainly.
    capCount: z
      .number({ error: 'capCount must be a number of mails' })
      .int({ error: 'capCount must be a whole number of mails' })
      .min(1, { error: 'capCount must be at least 1; to stop follow-ups, turn the flow off' })
      .max(MAX_CAP_COUNT, { error: `capCount must be at most ${MAX_CAP_COUNT}` })
      .default(DEFAULT_FLOW_SETTINGS.capCount),
    capDays: wholeDays('capDays', 1, MAX_CAP_DAYS).default(DEFAULT_FLOW_SETTINGS.capDays),
    sendWindow: sendWindowSchema.default(() => ({ ...DEFAULT_FLOW_SETTINGS.sendWindow })),
    avoidDays: avoidDaysSchema.default(() => [...DEFAULT_FLOW_SETTINGS.avoidDays]),
  },
  { error: objectError('settings') },
);

/**
 * A time zone as the scheduler accepts it: a name Intl knows. Settings carry no zone (the buyer's comes from
 * their address, the shop's from Shopify), but both are validated with this where they enter.
 */
export const timeZoneSchema = z
  .string({ error: 'a time zone must be an IANA name such as "Europe/Madrid"' })
  .refine(isValidTimeZone, {
    error: (issue) => `unknown time zone "${String(issue.input)}": use an IANA name such as "Europe/Madrid"`,
  });
