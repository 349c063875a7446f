import type { SessionStorage } from '@shopify/shopify-app-session-storage';

/**
 * Everything Tacto persists goes through this interface; features never see SQL. The SQLite backend lives
 * in ./sqlite/, and a PostgreSQL backend can be added beside it implementing the same interface.
 */
export interface Storage {
  /** Shopify sessions, in the shape @shopify/shopify-api reads and writes. */
  readonly sessions: SessionStorage;
  readonly shops: ShopRepository;
  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ShopRecord {
  shop: string;
  scopes: string[];
  installedAt: Date;
  uninstalledAt: Date | null;
}

export interface ShopRepository {
  recordInstall(shop: string, scopes: string[], at: Date): Promise<void>;
  /** Marks the shop uninstalled and deletes every Shopify session (access token) it had, in one transaction. */
  recordUninstall(shop: string, at: Date): Promise<void>;
  find(shop: string): Promise<ShopRecord | null>;
  /** Removes every row that belongs to the shop (shop/redact). */
  eraseShop(shop: string): Promise<void>;
}
