import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET, SANDBOX_SHOP_DOMAIN } from '../sandbox/credentials.ts';
import { newMasterKey } from '../server/security/keys.ts';

/** Ports and paths of the local sandbox setup (`npm start` without credentials). */
export function sandboxPorts(env: NodeJS.ProcessEnv) {
  return {
    appUrl: new URL(`http://localhost:${env.PORT ?? 3456}`),
    sandboxUrl: new URL(`http://localhost:${env.SANDBOX_PORT ?? 3457}`),
  };
}

/**
 * The app's environment when it runs against the sandbox store: the sandbox's fixed credentials, and the
 * addresses that differ from production (the shop's API, App Bridge's script, the SMTP server).
 */
export function sandboxAppEnv(env: NodeJS.ProcessEnv, sandboxUrl: URL, appUrl: URL, smtpPort?: number): Record<string, string | undefined> {
  return {
    ...env,
    SHOPIFY_API_KEY: SANDBOX_API_KEY,
    SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
    HOST: appUrl.origin,
    PORT: appUrl.port,
    SHOP_ORIGINS: `${SANDBOX_SHOP_DOMAIN}=${sandboxUrl.origin}`,
    APP_BRIDGE_URL: new URL('/cdn/app-bridge.js', sandboxUrl).toString(),
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    // Follow-ups go to the sandbox's own SMTP sink (its Mail page shows them).
    SMTP_URL: env.SMTP_URL ?? (smtpPort === undefined ? undefined : `smtp://127.0.0.1:${smtpPort}`),
    // A follow-up round every 5 s, so a fulfilled order's mail shows in the sink soon after it is due.
    FOLLOWUP_TICK_MS: env.FOLLOWUP_TICK_MS ?? '5000',
    TOKEN_ENCRYPTION_KEY: env.TOKEN_ENCRYPTION_KEY ?? sandboxMasterKey(env.DATABASE_PATH ?? 'data/tacto.sqlite'),
  };
}

/**
 * The sandbox's TOKEN_ENCRYPTION_KEY: made once and kept beside its database (readable by the owner only), so a
 * restart still reads the tokens it stored. Deleting data/ starts over with a new key and a new database.
 */
export function sandboxMasterKey(databasePath: string): string {
  const file = sandboxKeyFile(databasePath);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = newMasterKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** Where the sandbox keeps its TOKEN_ENCRYPTION_KEY: beside the database it encrypts. */
export function sandboxKeyFile(databasePath = 'data/tacto.sqlite'): string {
  return resolve(dirname(databasePath), 'token-encryption.key');
}
