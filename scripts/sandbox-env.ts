import { SANDBOX_API_KEY, SANDBOX_API_SECRET, SANDBOX_SHOP_DOMAIN } from '../sandbox/credentials.ts';

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
  };
}
