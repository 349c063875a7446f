import { z } from 'zod';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from './shopify/scopes.ts';
import { parseMasterKey } from './security/keys.ts';

/** Thrown at boot when the environment is incomplete; its message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tacto cannot start, its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const shopHost = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/i, 'must be a shop host such as my-store.myshopify.com');

/**
 * `SHOP_ORIGINS` routes a shop's Admin API calls to another origin: `shop-host=http://127.0.0.1:3457,…`.
 * It exists for the offline sandbox store (and for a local Shopify proxy); production leaves it empty.
 */
const shopOrigins = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const routes = new Map<string, string>();
    for (const entry of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      const [shop, origin] = entry.split('=', 2);
      const parsedShop = shopHost.safeParse(shop);
      const parsedOrigin = z.url({ protocol: /^https?$/ }).safeParse(origin);
      if (!parsedShop.success || !parsedOrigin.success) {
        ctx.addIssue({ code: 'custom', message: `entry "${entry}" must look like shop-host=http://host:port` });
        continue;
      }
      routes.set(parsedShop.data.toLowerCase(), new URL(parsedOrigin.data).origin);
    }
    return routes;
  });

const envSchema = z.object({
  SHOPIFY_API_KEY: z.string({ error: 'is required (the app\'s client id)' }).min(1, 'is required (the app\'s client id)'),
  SHOPIFY_API_SECRET: z.string({ error: 'is required (the app\'s client secret)' }).min(1, 'is required (the app\'s client secret)'),
  HOST: z
    .url({ protocol: /^https?$/, error: 'is required: the public URL of this app, e.g. https://tacto.example.com' })
    .transform((url) => new URL(url)),
  SCOPES: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((scope) => scope.trim()).filter(Boolean) : [...REQUIRED_SCOPES])),
  PORT: z.coerce.number().int().min(0).max(65535).default(3456),
  DATABASE_PATH: z.string().min(1).default('data/tacto.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHOP_ORIGINS: shopOrigins,
  APP_BRIDGE_URL: z.url().default('https://cdn.shopify.com/shopifycloud/app-bridge.js'),
  BACKFILL_BATCH_RECORDS: z.coerce.number().int().min(1).max(100_000).default(2_000),
  BACKFILL_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** Where follow-ups are sent through, e.g. smtps://user:pass@smtp.example.com:465. Without it, none are sent. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  DKIM_DOMAIN: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain such as shop.example').optional(),
  DKIM_SELECTOR: z.string().regex(/^[a-z0-9._-]+$/i, 'must be a DNS label such as tacto').optional(),
  /** The PEM private key itself; `\n` escapes are accepted (one-line environments). */
  DKIM_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { error: 'must be a PEM private key' }).optional(),
  FOLLOWUP_TICK_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  /** 32 random bytes (64 hex characters or base64): encrypts access tokens at rest, keys redaction tombstones. */
  TOKEN_ENCRYPTION_KEY: z
    .string({ error: 'is required: 32 random bytes as 64 hex characters, e.g. from `openssl rand -hex 32`' })
    .transform((text, ctx) => {
      const key = parseMasterKey(text);
      if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 random bytes as 64 hex characters (or base64), e.g. from `openssl rand -hex 32`' });
      return key ?? Buffer.alloc(0);
    }),
});

export type AppConfig = {
  apiKey: string;
  apiSecret: string;
  appUrl: URL;
  scopes: string[];
  port: number;
  databasePath: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  shopOrigins: Map<string, string>;
  appBridgeUrl: string;
  backfill: { batchRecords: number; pollIntervalMs: number };
  /** Null when SMTP_URL is not set: the follow-up flow then cannot be turned on. */
  mail: { smtpUrl: string; dkim?: { domainName: string; keySelector: string; privateKey: string } } | null;
  followupTickMs: number;
  /** TOKEN_ENCRYPTION_KEY's 32 bytes; storage derives its keys from it. */
  masterKey: Buffer;
};

/** Reads and validates the environment once at boot, reporting every problem together. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // The Shopify CLI names the public URL SHOPIFY_APP_URL in newer versions, HOST in older ones.
  const parsed = envSchema.safeParse({ ...env, HOST: env.HOST ?? env.SHOPIFY_APP_URL });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`));
  }
  const e = parsed.data;
  // read_all_orders needs Shopify's approval; without it Tacto still runs on the last 60 days of orders. Without
  // read_locales (an install from before it was asked for) follow-ups fall back to English rather than the shop's language.
  const missingScopes = REQUIRED_SCOPES.filter((scope) => !OPTIONAL_SCOPES.includes(scope) && !e.SCOPES.includes(scope));
  if (missingScopes.length > 0) {
    throw new ConfigError([`SCOPES lacks ${missingScopes.join(', ')}, which Tacto needs (see README, "Access scopes")`]);
  }
  const dkimParts = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY].filter((part) => part !== undefined).length;
  if (dkimParts !== 0 && dkimParts !== 3) {
    throw new ConfigError(['DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY go together: set all three or none']);
  }
  return {
    apiKey: e.SHOPIFY_API_KEY,
    apiSecret: e.SHOPIFY_API_SECRET,
    appUrl: e.HOST,
    scopes: e.SCOPES,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    logLevel: e.LOG_LEVEL,
    shopOrigins: e.SHOP_ORIGINS,
    appBridgeUrl: e.APP_BRIDGE_URL,
    backfill: { batchRecords: e.BACKFILL_BATCH_RECORDS, pollIntervalMs: e.BACKFILL_POLL_MS },
    mail: e.SMTP_URL
      ? {
          smtpUrl: e.SMTP_URL,
          ...(e.DKIM_DOMAIN && e.DKIM_SELECTOR && e.DKIM_PRIVATE_KEY
            ? { dkim: { domainName: e.DKIM_DOMAIN, keySelector: e.DKIM_SELECTOR, privateKey: e.DKIM_PRIVATE_KEY.replace(/\\n/g, '\n') } }
            : {}),
        }
      : null,
    followupTickMs: e.FOLLOWUP_TICK_MS,
    masterKey: e.TOKEN_ENCRYPTION_KEY,
  };
}
