import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Binds `server` to `port` on `host` (0: a port the kernel picks, free by construction) and resolves once bound. */
export function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** The port a bound server listens on. */
export function boundPort(server: Server): number {
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the server is not listening on a TCP port');
  return address.port;
}

/**
 * A server bound before the app that will answer on it exists (to learn its port first): until `serve` is called
 * it answers 503 with Retry-After, as a starting server behind a proxy would, rather than leaving a client waiting.
 */
export async function listenFirst(port: number, host: string): Promise<{ server: Server; serve(handler: (req: IncomingMessage, res: ServerResponse) => void): void }> {
  const starting = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'starting', message: 'Tacto is starting' }));
  };
  const server = await listen(createServer(starting), port, host);
  return {
    server,
    serve(handler) {
      server.off('request', starting);
      server.on('request', handler);
    },
  };
}

/** HOST with port 0 stands for "the port this server listens on" (a server on PORT=0, reached directly). */
export function withListeningPort(appUrl: URL, port: number): URL {
  if (appUrl.port !== '0') return appUrl;
  const url = new URL(appUrl);
  url.port = String(port);
  return url;
}
