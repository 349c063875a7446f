/**
 * How the server listens, so that tests (and anything else sharing a machine) never race for a port: it binds
 * port 0 and reads the port the kernel gave it, and a listener bound before the app can be handed to it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boundPort, listenFirst } from '../../server/http/listen.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { closeListener, TEST_API_KEY, TEST_API_SECRET, TEST_MASTER_KEY } from '../support/app.ts';
import { listenOnLoopback, tempDir } from '../support/temp.ts';

const baseEnv = () => ({
  SHOPIFY_API_KEY: TEST_API_KEY,
  SHOPIFY_API_SECRET: TEST_API_SECRET,
  DATABASE_PATH: join(tempDir(), 'tacto.sqlite'),
  LOG_LEVEL: 'silent',
  TOKEN_ENCRYPTION_KEY: TEST_MASTER_KEY,
});

const running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

describe('a server on PORT=0 with HOST on port 0', () => {
  it('listens on a port the kernel picked and names itself by it', async () => {
    const app = await startServer({ ...baseEnv(), PORT: '0', HOST: 'http://localhost:0' }, { host: '127.0.0.1' });
    running.push(app);
    const port = Number(app.url.port);
    expect(port).toBeGreaterThan(0);
    expect(app.config.port).toBe(port);
    expect(app.config.appUrl.origin).toBe(`http://localhost:${port}`);
    expect((await fetch(new URL('/healthz', app.config.appUrl))).status).toBe(200);
  });
});

describe('a port bound before the app is ready', () => {
  it('answers 503 with Retry-After until the app serves on it, then the app answers', async () => {
    const early = await listenFirst(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${boundPort(early.server)}/healthz`;
      const starting = await fetch(url);
      expect(starting.status).toBe(503);
      expect(starting.headers.get('retry-after')).toBe('1');
      expect(await starting.json()).toMatchObject({ error: 'starting' });
      early.serve((_req, res) => res.end('ready'));
      expect(await (await fetch(url)).text()).toBe('ready');
    } finally {
      await closeListener(early.server);
    }
  });
});

describe('a server given a listener', () => {
  it('serves on it, leaves it bound when closed, and a restarted app serves on the same URL', async () => {
    const listener = await listenOnLoopback();
    try {
      const port = (listener.address() as { port: number }).port;
      const env = { ...baseEnv(), PORT: String(port), HOST: `http://localhost:${port}` };
      const first = await startServer(env, { listener });
      expect(first.url.port).toBe(String(port));
      expect((await fetch(new URL('/healthz', first.url))).status).toBe(200);

      await first.close();
      expect(listener.listening).toBe(true);
      // Nobody serves between two apps: the holder answers 503 rather than leaving the client hanging.
      expect((await fetch(new URL('/healthz', first.url))).status).toBe(503);

      const second = await startServer(env, { listener });
      running.push(second);
      expect((await fetch(new URL('/healthz', first.url))).status).toBe(200);
    } finally {
      await closeListener(listener);
    }
  });

  it('can be closed twice (the second call waits for the first)', async () => {
    const app = await startServer({ ...baseEnv(), PORT: '0', HOST: 'http://localhost:0' }, { host: '127.0.0.1' });
    await Promise.all([app.close(), app.close()]);
    await app.close();
    expect(app.server.listening).toBe(false);
  });
});
