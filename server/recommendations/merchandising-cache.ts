import type { Storage } from '../db/storage.ts';
import type { Merchandising } from '../recommend/merchandising/rules.ts';
import { readMerchandising } from './merchandising-document.ts';
import type { ShopModels } from './model-cache.ts';

/**
 * Each shop's merchandising rules, read and validated once per model version rather than on every request (a
 * document at its bounds takes about 2 ms to parse). A save moves the version (ShopModels.merchandisingChanged),
 * so the next request reads the rules again; the same object is handed out meanwhile, so the engine's key for it
 * is worked out once too.
 */
export class MerchandisingCache {
  private readonly entries = new Map<string, { version: number; rules: Merchandising }>();

  constructor(private readonly deps: { storage: Storage; models: ShopModels }) {
    deps.models.onForget((shop) => this.entries.delete(shop));
  }

  async of(shop: string): Promise<Merchandising> {
    // The version before the read: a save landing meanwhile moves it, and the next request reads again.
    const version = this.deps.models.version(shop);
    const cached = this.entries.get(shop);
    if (cached?.version === version) return cached.rules;
    const rules = await readMerchandising(this.deps.storage, shop);
    this.entries.set(shop, { version, rules });
    return rules;
  }
}
