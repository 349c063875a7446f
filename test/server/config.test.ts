import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

const valid = { SHOPIFY_API_KEY: 'key', SHOPIFY_API_SECRET: 'secret', HOST: 'https://tacto.example.com', TOKEN_ENCRYPTION_KEY: 'ab'.repeat(32) };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration at boot', () => {
  it('accepts a complete environment and fills defaults', () => {
    const config = loadConfig(valid);
    expect(config.appUrl.host).toBe('tacto.example.com');
    expect(config.port).toBe(3456);
    expect(config.scopes).toContain('read_orders');
    expect(config.shopOrigins.size).toBe(0);
    expect(config.appBridgeUrl).toBe('https://cdn.shopify.com/shopifycloud/app-bridge.js');
  });

  it('reads follow-up mail settings: no SMTP means none are sent; DKIM needs all three parts, a one-line key is unescaped', () => {
    expect(loadConfig(valid).mail).toBeNull();
    expect(loadConfig({ ...valid, SMTP_URL: 'smtps://u:p@smtp.example.com:465' }).mail).toEqual({ smtpUrl: 'smtps://u:p@smtp.example.com:465' });
    expect(problemsOf({ ...valid, SMTP_URL: 'https://smtp.example.com' }).join()).toMatch(/^SMTP_URL /);
    expect(problemsOf({ ...valid, SMTP_URL: 'smtp://localhost:25', DKIM_DOMAIN: 'shop.example' }).join()).toMatch(/DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY go together/);
    const key = '-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----';
    const config = loadConfig({ ...valid, SMTP_URL: 'smtp://localhost:25', DKIM_DOMAIN: 'shop.example', DKIM_SELECTOR: 'tacto', DKIM_PRIVATE_KEY: key });
    expect(config.mail?.dkim).toEqual({ domainName: 'shop.example', keySelector: 'tacto', privateKey: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----' });
  });

  it('names every missing variable in one error', () => {
    const problems = problemsOf({});
    expect(problems.join('\n')).toMatch(/SHOPIFY_API_KEY/);
    expect(problems.join('\n')).toMatch(/SHOPIFY_API_SECRET/);
    expect(problems.join('\n')).toMatch(/HOST/);
    expect(problems.join('\n')).toMatch(/TOKEN_ENCRYPTION_KEY is required/);
    expect(problems).toHaveLength(4);
  });

  it('explains an invalid value by its name', () => {
    expect(problemsOf({ ...valid, HOST: 'not a url' }).join()).toMatch(/^HOST /);
    expect(problemsOf({ ...valid, PORT: 'eighty' }).join()).toMatch(/^PORT /);
    expect(problemsOf({ ...valid, LOG_LEVEL: 'loud' }).join()).toMatch(/^LOG_LEVEL /);
    // A key of the wrong length would silently weaken or break encryption: refused, with how to make one.
    expect(problemsOf({ ...valid, TOKEN_ENCRYPTION_KEY: 'ab'.repeat(16) }).join()).toMatch(/^TOKEN_ENCRYPTION_KEY must be 32 random bytes.*openssl rand -hex 32/);
    expect(problemsOf({ ...valid, TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64') })).toEqual([]);
    expect(problemsOf({ ...valid, SHOP_ORIGINS: 'nonsense' }).join()).toMatch(/SHOP_ORIGINS.*nonsense/);
  });

  it('refuses a scope list without what Tacto needs, but runs without read_all_orders', () => {
    expect(problemsOf({ ...valid, SCOPES: 'read_products' }).join()).toMatch(/SCOPES lacks read_orders/);
    expect(problemsOf({ ...valid, SCOPES: 'read_products,read_orders,read_customers,write_customers,write_app_proxy,read_themes,read_locales,read_translations' })).toEqual([]);
  });

  it('parses shop routes for the sandbox', () => {
    const config = loadConfig({ ...valid, SHOP_ORIGINS: 'tacto-demo.sandbox.test=http://127.0.0.1:3457' });
    expect(config.shopOrigins.get('tacto-demo.sandbox.test')).toBe('http://127.0.0.1:3457');
  });
});
