import type { Storage } from '../db/storage.ts';
import { DEFAULT_POLICY, type RecommendPolicy } from '../recommend/policy.ts';
import { policyFor } from '../recommend/settings/policy-for.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_NAME,
  recommendationSettingsSchema,
  type RecommendationSettings,
} from '../recommend/settings/schema.ts';

interface Known {
  settings: RecommendationSettings;
  /** The engine policy under them: one object per saved document, so a model sees at once when it changed. */
  policy: RecommendPolicy;
  /** Whether the shop saved a document (else the defaults, and the base policy unchanged). */
  saved: boolean;
}

/**
 * Each shop's recommendation settings (`shop_settings`, name `recommendations`), validated on read and on write and
 * kept in memory: every storefront request needs them, and only a save (or shop/redact) changes them.
 */
export class RecommendationSettingsStore {
  private readonly known = new Map<string, Known>();
  private readonly reading = new Map<string, Promise<Known>>();
  private readonly changeListeners: ((shop: string) => void)[] = [];

  constructor(private readonly deps: { storage: Storage; base?: RecommendPolicy; onInvalid?: (shop: string, error: unknown) => void }) {}

  private get base(): RecommendPolicy {
    return this.deps.base ?? DEFAULT_POLICY;
  }

  async settings(shop: string): Promise<RecommendationSettings> {
    return (await this.read(shop)).settings;
  }

  /** The policy the shop's picks are drawn with. A shop that never saved settings runs the base policy as it is. */
  async policy(shop: string): Promise<RecommendPolicy> {
    return (await this.read(shop)).policy;
  }

  /** Saves a document that passed the schema (checked again here: nothing unchecked is ever stored). */
  async save(shop: string, settings: RecommendationSettings, at = new Date()): Promise<RecommendationSettings> {
    const valid = recommendationSettingsSchema.parse(settings) as RecommendationSettings;
    await this.deps.storage.shopSettings.save(shop, SETTINGS_NAME, valid, at);
    this.known.set(shop, this.knownOf(valid, true));
    for (const listener of this.changeListeners) listener(shop);
    return valid;
  }

  /** Called after every save (ShopModels moves the shop's version, so no answer from before the change is served). */
  onChange(listener: (shop: string) => void): void {
    this.changeListeners.push(listener);
  }

  /** The shop is gone (shop/redact): nothing of it stays in memory. */
  forget(shop: string): void {
    this.known.delete(shop);
  }

  private read(shop: string): Promise<Known> {
    const known = this.known.get(shop);
    if (known) return Promise.resolve(known);
    let pending = this.reading.get(shop);
    if (!pending) {
      pending = this.readNow(shop).finally(() => this.reading.delete(shop));
      this.reading.set(shop, pending);
    }
    return pending;
  }

  private async readNow(shop: string): Promise<Known> {
    const stored = await this.deps.storage.shopSettings.get(shop, SETTINGS_NAME);
    let known = this.knownOf(DEFAULT_SETTINGS, false);
    if (stored !== null) {
      const parsed = recommendationSettingsSchema.safeParse(stored);
      // A document that no longer passes (edited by hand, an older shape) is not half-used: the defaults apply.
      if (parsed.success) known = this.knownOf(parsed.data as RecommendationSettings, true);
      else this.deps.onInvalid?.(shop, parsed.error);
    }
    // A save that finished while this read was under way wins.
    if (!this.known.has(shop)) this.known.set(shop, known);
    return this.known.get(shop)!;
  }

  private knownOf(settings: RecommendationSettings, saved: boolean): Known {
    return { settings, policy: saved ? policyFor(settings, this.base) : this.base, saved };
  }
}
