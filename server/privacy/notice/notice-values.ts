import { DEFAULT_POLICY } from '../../recommend/policy.ts';

/**
 * The numbers the storefront notice is filled with, named as GET /proxy/preferences names them
 * (server/proxy/shopper-controls.ts): the values the engine runs with. Async and per shop so that values following
 * a shop's saved settings can take its place without changing the callers.
 */
export type NoticeValues = Readonly<Record<string, number | string | boolean>>;
export type NoticeValuesOf = (shop: string) => Promise<NoticeValues>;

export const policyNoticeValues: NoticeValuesOf = async () => ({
  historyDays: DEFAULT_POLICY.historyWindowDays,
  impressionDays: DEFAULT_POLICY.frequencyCapDays,
  deniabilityRatio: DEFAULT_POLICY.deniabilityRatio,
});
