/** Pure scheduling decisions for post-purchase follow-ups: settings, wall-clock time, send times, send/wait/skip. */
export {
  DEFAULT_FLOW_SETTINGS,
  MAX_CAP_COUNT,
  MAX_CAP_DAYS,
  MAX_DELAY_DAYS,
  flowSettingsSchema,
  minutesOfClockTime,
  sendWindowMinutes,
  timeZoneSchema,
  type FlowSettings,
} from './settings.ts';
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  addDays,
  instantOfLocalTime,
  instantsOfLocalTime,
  isValidTimeZone,
  localDate,
  localDateTime,
  offsetTransitions,
  weekdayOf,
  zoneOffsetMs,
  type LocalDate,
  type LocalDateTime,
} from './local-time.ts';
export {
  earliestDueAt,
  firstSendTime,
  isSendableAt,
  nextSendTime,
  resolveSendTimeZone,
  windowStatus,
  type WindowStatus,
} from './send-time.ts';
export {
  MAX_LATENESS_MS,
  RECHECK_AFTER_MS,
  capReached,
  decideSend,
  type SendDecision,
  type SendSituation,
  type SkipReason,
  type WaitReason,
} from './decide.ts';
