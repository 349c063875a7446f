/**
 * shop/redact leaves nothing of the shop: no row in any table mentions it afterwards (sessions, tombstones, the
 * webhook queue and its dead letters, data requests, follow-ups…), another shop in the same database keeps
 * everything, nothing of it stays in the app's memory, and a second delivery changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { customersDataRequestPayload, customersRedactPayload, shopRedactPayload } from '../../sandbox/webhooks/shop-payloads.ts';
import { DEFAULT_FLOW_SETTINGS } from '../../server/followups/scheduler/settings.ts';
import { emptyBatch } from '../../server/ingest/records.ts';
import { DEFAULT_SETTINGS } from '../../server/recommend/settings/schema.ts';
import { VisitorAnswers } from '../../server/proxy/visitor-answers.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { postWebhook } from '../support/signed-requests.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const OTHER = 'other-store.myshopify.com';

/** Every row of every table (migrations' bookkeeping aside), by table. */
function rowsByTable(): Map<string, Record<string, unknown>[]> {
  const tables = queryDb<{ name: string }>(env.app.databasePath, "select name from sqlite_master where type = 'table' and name != '__drizzle_migrations'");
  return new Map(tables.map(({ name }) => [name, queryDb<Record<string, unknown>>(env.app.databasePath, `select * from "${name}"`)]));
}

/** Rows with any column mentioning the domain (any case), as `table: row`. */
function rowsMentioning(domain: string): string[] {
  const found: string[] = [];
  for (const [table, rows] of rowsByTable()) {
    for (const row of rows) {
      // Blobs (the planner's statistics' samples, a persona's photo) as their bytes.
      const text = Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)));
      if (text.some((value) => value.toLowerCase().includes(domain.toLowerCase()))) {
        found.push(`${table}: ${JSON.stringify(row).slice(0, 200)}`);
      }
    }
  }
  return found;
}

async function deliver(topic: string, body: unknown, eventId?: string) {
  const response = await postWebhook(env.app.url, { topic, shop: shop(), body, secret: SANDBOX_API_SECRET, eventId });
  expect(response.status).toBe(200);
  await env.app.webhookWorker.idle();
}

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('shop/redact', () => {
  it('leaves no row anywhere that mentions the shop, and another shop keeps all of its own', async () => {
    const { store } = env.sandbox;
    const { storage } = env.app;
    const at = new Date().toISOString();
    const [olivia, ana] = [...store.customers.values()].filter((c) => [...store.orders.values()].some((o) => o.customerId === c.id));
    const productId = [...store.products.values()][0]!.id;
    // Something of the shop in every table: shopper choices, a data request, a tombstone, follow-ups, a dead letter.
    await storage.recommendations.saveSettings(shop(), olivia!.id, { personalization: 'off', declaredTopics: [] }, at);
    await storage.recommendations.saveFeedback(shop(), olivia!.id, productId, 'not-relevant', at);
    await storage.recommendations.recordImpressions(shop(), olivia!.id, [productId], 'home', at);
    await deliver('customers/data_request', customersDataRequestPayload(env.sandbox.shop, olivia!, [], 1));
    const anaOrders = [...store.orders.values()].filter((o) => o.customerId === ana!.id).map((o) => o.id);
    await deliver('customers/redact', customersRedactPayload(env.sandbox.shop, ana!, anaOrders));
    await storage.followups.savePersona(shop(), { fullName: 'Marta Ruiz', role: 'Founder', signature: 'Marta', fromAddress: 'marta@shop.example', replyTo: 'marta@shop.example' }, at);
    await storage.shopSettings.save(shop(), 'market', { preset: 'strict' }, new Date(at));
    await storage.followups.saveFlow(shop(), { settings: DEFAULT_FLOW_SETTINGS, templates: { en: { subject: 'Thanks', body: 'Hello' } } }, at);
    const order = [...store.orders.values()].find((o) => o.customerId === olivia!.id)!;
    expect(await storage.followups.scheduleJobs(shop(), [{ orderId: order.id, customerId: olivia!.id, dueAt: at }], at)).toBe(1);
    // Analytics: a running holdout, the storefront's counts, a shopper entering it, "not for me", an unsubscribe.
    const { analytics } = env.app;
    const experiment = await analytics.saveSettings(shop(), { question: 'block', holdoutPercent: 10 });
    analytics.countShown(shop(), 'home', '4-grid-g-q', 3);
    await analytics.enrol(shop(), experiment.id, 'holdout');
    await analytics.countFeedback(shop(), 'not-relevant', [...store.products.values()][0]!.handle);
    await analytics.countUnsubscribe(shop());
    await analytics.flush();
    // A product update Tacto cannot read: it stays as a dead letter.
    await deliver('products/update', { id: 'not a product' });
    // The storefront's visitor answers and the shop's profile for follow-ups, remembered in memory.
    expect((await fetch(signedProxyUrl(env, '/proxy/picks', null, { template: 'index', limit: '4' }))).status).toBe(200);

    // The merchant's settings documents (shop_settings), remembered in memory too.
    await env.app.models.settings.save(shop(), { ...DEFAULT_SETTINGS, frequencyCapDays: 9 });

    // Another shop in the same database.
    await storage.shops.recordInstall(OTHER, ['read_orders'], new Date());
    await storage.ingest.applyBatch(OTHER, {
      ...emptyBatch(),
      customers: [{ id: 7, marketingState: 'SUBSCRIBED', consentUpdatedAt: null, email: 'ada@other.example', firstName: 'Ada', locale: 'en', timeZoneHint: null, updatedAt: at }],
      orders: [{ id: 70, customerId: 7, createdAt: at, cancelledAt: null, fulfilledAt: null, updatedAt: at }],
    });
    await storage.privacy.eraseCustomer(OTHER, 8, [80], null);
    // A restart: `pragma optimize` gathers the planner's statistics, whose samples hold index keys, the shop's domain
    // among them.
    await env.restartApp();
    const otherBefore = rowsMentioning(OTHER);

    // The test means something only if every table holds something of the shop now.
    const before = rowsByTable();
    const empty = [...before]
      .filter(([table, rows]) => !table.startsWith('sqlite_') && !rows.some((row) => Object.values(row).includes(shop())))
      .map(([table]) => table);
    expect(empty).toEqual([]);
    expect(queryDb(env.app.databasePath, 'select 1 from sqlite_stat4 where instr(sample, ?) > 0', Buffer.from(shop())).length).toBeGreaterThan(0);
    expect(queryDb(env.app.databasePath, "select 1 from webhook_events where shop = ? and state = 'dead'", shop())).toHaveLength(1);

    const { shopAdmin } = env.app.followups;
    expect((await shopAdmin.profile(shop())).name).toBe(env.sandbox.shop.name);

    const eventId = crypto.randomUUID();
    await deliver('shop/redact', shopRedactPayload(env.sandbox.shop), eventId);
    expect(rowsMentioning(shop())).toEqual([]);
    expect(rowsMentioning(OTHER)).toEqual(otherBefore);
    // In memory: no model, no version, no profile (with the session gone, asking again can only fail).
    expect(env.app.models.version(shop())).toBe(0);
    await expect(shopAdmin.profile(shop())).rejects.toThrow(/not installed/);

    // Shopify delivers at least once: the same event again, and a new one, change nothing.
    await deliver('shop/redact', shopRedactPayload(env.sandbox.shop), eventId);
    await deliver('shop/redact', shopRedactPayload(env.sandbox.shop));
    expect(rowsMentioning(shop())).toEqual([]);
    expect(rowsMentioning(OTHER)).toEqual(otherBefore);
  });

  it('every table of the schema has a shop column, so the erasure finds each one, those added later too', () => {
    const tables = queryDb<{ name: string }>(env.app.databasePath, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'");
    const withoutShop = tables.filter(({ name }) => !queryDb<{ name: string }>(env.app.databasePath, 'select name from pragma_table_info(?)', name).some((c) => c.name === 'shop'));
    expect(withoutShop).toEqual([]);
  });

  it('in memory too: the visitor answers remembered for the shop are dropped with its model', () => {
    const answers = new VisitorAnswers<string>({ ttlMs: 60_000, maxEntries: 10 });
    answers.set('gone.myshopify.com 3 4 {"kind":"home"}', 'picks');
    answers.set('gone.myshopify.com.evil 0 4 {"kind":"home"}', 'kept');
    answers.set('kept.myshopify.com 1 4 {"kind":"home"}', 'kept');
    env.app.models.onForget((forgotten) => answers.forget((key) => key.startsWith(`${forgotten} `)));
    env.app.models.forget('gone.myshopify.com');
    expect(answers.get('gone.myshopify.com 3 4 {"kind":"home"}')).toBeUndefined();
    expect(answers.get('gone.myshopify.com.evil 0 4 {"kind":"home"}')).toBe('kept');
    expect(answers.get('kept.myshopify.com 1 4 {"kind":"home"}')).toBe('kept');
  });
});
