/**
 * `npm run backfill -- --shop <domain> [--resume]`: imports a shop's orders and catalog from the command
 * line, with a progress bar, through the same BackfillService the admin uses. Without Shopify credentials in
 * the environment it works against the sandbox store of a running `npm start`.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BackfillService } from '../server/backfill/backfill-service.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { createSqliteStorage } from '../server/db/sqlite/storage.ts';
import { deriveStorageKeys } from '../server/security/keys.ts';
import { createLogger } from '../server/logger.ts';
import { createShopifyApp } from '../server/shopify/shopify-app.ts';
import { SANDBOX_SHOP_DOMAIN } from '../sandbox/credentials.ts';
import { progressLine } from './progress-bar.ts';
import { sandboxAppEnv, sandboxPorts } from './sandbox-env.ts';
import { TranslationRefresher } from '../server/translations/translation-refresher.ts';

const args = z.object({
  shop: z.string({ error: '--shop <domain> is required, e.g. --shop my-store.myshopify.com' }).min(1),
  resume: z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { shop: { type: 'string' }, resume: { type: 'boolean' } }, strict: true });
  const parsed = args.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('\n'));
  const env = process.env.SHOPIFY_API_KEY ? process.env : sandboxAppEnv(process.env, sandboxPorts(process.env).sandboxUrl, sandboxPorts(process.env).appUrl);
  const config = loadConfig(env);
  const logger = createLogger({ level: 'silent' });
  const storage = createSqliteStorage(config.databasePath, deriveStorageKeys(config.masterKey));
  const shopify = createShopifyApp(config, storage, logger);
  const shop = shopify.api.utils.sanitizeShop(parsed.data.shop);
  if (!shop) throw new Error(`"${parsed.data.shop}" is not a shop domain${process.env.SHOPIFY_API_KEY ? '' : ` (the sandbox shop is ${SANDBOX_SHOP_DOMAIN})`}.`);

  const draw = async () => {
    const record = await storage.backfills.find(shop);
    if (!record) return;
    const summary = await storage.backfills.summary(shop);
    process.stderr.write(progressLine(record, summary, process.stderr.isTTY === true));
  };
  // The catalog's translations too, as the app's backfill reads them (picks in the shopper's language).
  const translations = new TranslationRefresher({ shopify, storage, logger });
  const service = new BackfillService({ shopify, storage, logger, translations }, { ...config.backfill, onProgress: () => void draw() });
  const timer = setInterval(() => void draw(), 500);
  try {
    await service.start(shop, { fresh: !parsed.data.resume });
  } finally {
    clearInterval(timer);
  }
  await draw();
  const summary = await storage.backfills.summary(shop);
  process.stderr.write('\n');
  console.log(
    `Imported ${summary.orders} orders (${summary.orderLines} line items), ${summary.products} products, ${summary.customers} customers` +
      (summary.firstOrderAt ? `, from ${summary.firstOrderAt.slice(0, 10)} to ${summary.lastOrderAt?.slice(0, 10)}.` : '.'),
  );
  const record = await storage.backfills.find(shop);
  if (record && !record.allOrdersVisible) console.log('Note: without read_all_orders, Shopify shows only the last 60 days of orders.');
  await storage.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
