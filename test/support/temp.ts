import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];
process.once('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory, removed when the test process exits. */
export function tempDir(prefix = 'tacto-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * A loopback HTTP listener on a port the kernel picked (port 0): free by construction and held from then on, so
 * a test knows its server's URL before the server starts, without the race of "find a free port, release it,
 * listen on it" (another process may take the port in between).
 *
 * While no app serves on it (before the first, between a close and a restart), it answers 503 with Retry-After,
 * as a restarting server behind a proxy does, rather than leaving a client hanging.
 */
export async function listenOnLoopback(): Promise<Server> {
  const server = createHttpServer();
  server.on('request', (_req, res) => {
    if (server.listenerCount('request') > 1) return; // an app is attached and answers
    res.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'application/json' }).end('{"error":"unavailable","message":"no app is serving"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/**
 * A port that was free a moment ago.
 * @deprecated Racy for a server: between this probe closing and the server listening, another process may take the
 * port. Servers in tests listen on port 0 (`listenOnLoopback`, `startTestApp`, `startAppWithSandbox`, or PORT=0 and
 * HOST=http://localhost:0 for a child process) and read their port. Kept only so tests written against it keep
 * compiling; nothing in this repository needs it.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
