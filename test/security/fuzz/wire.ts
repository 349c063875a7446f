import { Agent, request, type IncomingHttpHeaders } from 'node:http';

/**
 * One HTTP request exactly as it goes on the wire: the request target is not normalized (`/a/../b`, raw
 * latin-1 bytes and broken percent-escapes reach the server as written), headers may repeat, and the body may
 * go chunked without a Content-Length. `fetch` would clean all of that up before sending it.
 */
export interface WireRequest {
  method: string;
  /** Path and query as sent on the request line. Characters above U+00FF are not allowed (Node refuses them). */
  target: string;
  /** In order, repeats allowed. Host is added unless given. */
  headers: [string, string][];
  body?: Buffer;
  /** Send the body with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
}

export interface WireResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

/** A keep-alive client for one origin. `maxSockets` bounds the connections it opens. */
export class WireClient {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(
    private readonly origin: URL,
    options: { maxSockets: number; timeoutMs: number },
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
    this.timeoutMs = options.timeoutMs;
  }

  send(input: WireRequest): Promise<WireResponse> {
    const started = performance.now();
    const headers: string[] = [];
    if (!input.headers.some(([name]) => name.toLowerCase() === 'host')) headers.push('Host', this.origin.host);
    for (const [name, value] of input.headers) headers.push(name, value);
    if (input.body && !input.chunked) headers.push('Content-Length', String(input.body.length));
    if (input.body && input.chunked) headers.push('Transfer-Encoding', 'chunked');
    return new Promise<WireResponse>((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          hostname: this.origin.hostname === 'localhost' ? '127.0.0.1' : this.origin.hostname,
          port: this.origin.port,
          method: input.method,
          path: input.target,
          // The raw-headers form keeps repeats and order; Node adds nothing to it.
          headers,
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      if (input.body && input.chunked) {
        // A few chunks, so the server really reassembles them.
        const step = Math.max(1, Math.ceil(input.body.length / 3));
        for (let at = 0; at < input.body.length; at += step) req.write(input.body.subarray(at, at + step));
      } else if (input.body) {
        req.write(input.body);
      }
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
