/**
 * `npm start`. With Shopify credentials in the environment it runs the app alone (as `npm run serve`).
 * Without them it starts the offline sandbox store beside the app, installs the app into it through the
 * real OAuth flow on first start, and prints where to look.
 */
import { dirname } from 'node:path';
import { ConfigError } from '../server/config.ts';
import { TokenKeyMismatchError } from '../server/db/sqlite/seal-stored-tokens.ts';
import { startServer, type RunningServer } from '../server/main.ts';
import { ADMIN_APP_PATH } from '../sandbox/admin/routes.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { sandboxAppEnv, sandboxKeyFile, sandboxPorts } from './sandbox-env.ts';

async function main(): Promise<void> {
  const env = process.env;
  if (env.SHOPIFY_API_KEY || env.SHOPIFY_API_SECRET) {
    const running = await startServer({ ...env, PORT: env.PORT ?? env.BACKEND_PORT });
    console.log(`Tacto is listening on port ${running.url.port} for ${running.config.appUrl.origin}`);
    stopOnSignal([running]);
    return;
  }

  const { appUrl, sandboxUrl } = sandboxPorts(env);
  const sandbox = await startSandbox({
    appUrl,
    port: Number(sandboxUrl.port),
    smtpPort: Number(env.SANDBOX_SMTP_PORT ?? 2525),
    dataDir: env.SANDBOX_DATA_DIR ?? 'data/sandbox',
    seed: sandboxSeed(env.SANDBOX_SEED),
    theme: sandboxTheme(env.SANDBOX_THEME),
  });
  const appEnv = sandboxAppEnv(env, sandbox.url, appUrl, sandbox.smtp?.port);
  const running = await startServer(appEnv).catch(async (error: unknown) => {
    await sandbox.close();
    if (!(error instanceof TokenKeyMismatchError) || env.TOKEN_ENCRYPTION_KEY) throw error;
    // The sandbox's key sits beside its database; one without the other cannot be read.
    const keyFile = sandboxKeyFile(appEnv.DATABASE_PATH);
    throw new Error(`${error.message}\nThe sandbox keeps its key in ${keyFile}: restore that file, or delete ${dirname(keyFile)}/ to start over.`);
  });
  stopOnSignal([running, sandbox]);

  const offlineId = running.shopify.api.session.getOfflineId(sandbox.shop.myshopifyDomain);
  const session = await running.storage.sessions.loadSession(offlineId);
  const granted = session?.accessToken ? sandbox.installations.authenticate(session.accessToken) : null;
  // A scope added since the last start (read_themes…) is granted by installing again, as Shopify asks the merchant to.
  const lacksScope = granted !== null && sandbox.app.scopes.some((scope) => scope !== 'read_all_orders' && !granted.scopes.includes(scope));
  if (!granted || lacksScope) {
    await sandbox.install();
    console.log(`Installed Tacto into ${sandbox.shop.name} through OAuth.`);
  }
  const at = (path: string) => new URL(path, sandbox.url).toString();
  console.log(`
Tacto is running against the offline sandbox store "${sandbox.shop.name}" (${sandbox.shop.myshopifyDomain}).

  Admin (Tacto embedded)   ${at(ADMIN_APP_PATH)}
  Storefront preview       ${at('/')}
  Sandbox admin home       ${at('/admin')}
  Mail sink                ${at('/mail')}${sandbox.smtp ? `   (SMTP on 127.0.0.1:${sandbox.smtp.port})` : ''}
  App server               ${appUrl.origin}

Press Ctrl+C to stop.`);
}

function sandboxSeed(value: string | undefined): 'demo' | 'online-retail' | 'empty' {
  if (value === undefined || value === 'demo' || value === 'online-retail' || value === 'empty') return value ?? 'demo';
  throw new Error(`SANDBOX_SEED must be demo, online-retail or empty (got "${value}")`);
}

function sandboxTheme(value: string | undefined): 'demo' | 'bare' {
  if (value === undefined || value === 'demo' || value === 'bare') return value ?? 'demo';
  throw new Error(`SANDBOX_THEME must be demo or bare (got "${value}")`);
}

function stopOnSignal(parts: (RunningServer | Sandbox)[]): void {
  const stop = async () => {
    for (const part of parts) await part.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
