import type { WireClient, WireRequest, WireResponse } from './wire.ts';

/**
 * What a route's 4xx may be besides Tacto's JSON error (`{ error, message }`):
 * - `json`: nothing else (webhooks, app proxy — its HTML page included —, admin API, unsubscribe, OAuth, health).
 * - `shopify-library`: the admin document, where Shopify's `ensureInstalledOnShop()` answers a shop it cannot read
 *   itself, as text/html: 400 "No shop provided" (a repeated `shop`) or 422 "Invalid shop provided".
 * - `static-file`: /assets, where serve-static answers a method other than GET and HEAD with an empty 405.
 */
export type ErrorFormat = 'json' | 'shopify-library' | 'static-file';

const ALLOWED_OTHER_ERRORS: Record<ErrorFormat, (res: WireResponse) => boolean> = {
  json: () => false,
  'shopify-library': (res) => (res.status === 400 || res.status === 422) && /^text\/html\b/.test(String(res.headers['content-type'] ?? '')),
  'static-file': (res) => res.status === 405 && res.body.length === 0 && res.headers.allow === 'GET, HEAD',
};

/** One fuzz request, described before it is built (signing happens at send time: timestamps and tokens age). */
export interface Probe {
  /** Route family, for counting and reports: webhooks, proxy, api, unsubscribe, oauth, pages, … */
  family: string;
  /** What the probe tries, in a few words (reports only). */
  label: string;
  errorFormat: ErrorFormat;
  /** Its signature, HMAC or token is wrong: any answer below 400 means it got through. */
  mustBeRefused?: boolean;
  build(): Promise<WireRequest> | WireRequest;
}

export interface Finding {
  family: string;
  label: string;
  method: string;
  target: string;
  requestHeaders: string;
  requestBody: string;
  status: number | null;
  responseType: string;
  responseBody: string;
  /** Server-side errors logged while this request ran (stack traces), when any could be matched to it. */
  serverLog?: string;
}

/** An error the server logged with its request path (the error responder logs every 5xx so). */
export interface LoggedError {
  path: string;
  stack: string;
}

export interface BatchResult {
  sent: number;
  byFamily: Record<string, number>;
  byStatus: Record<string, number>;
  /** family → status code → answers, for the log. */
  statusesByFamily: Record<string, Record<number, number>>;
  /** Forged requests answered below 400. */
  accepted: Finding[];
  serverErrors: Finding[];
  /** No answer at all (connection reset, timeout): the server must always answer. */
  unanswered: Finding[];
  /** A 4xx from a JSON route that is not `{ error: <code>, … }` JSON. */
  malformedErrors: Finding[];
  ms: number;
}

const snippet = (data: Buffer | string | undefined, max = 300): string => {
  if (data === undefined) return '';
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : data;
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
};

function finding(probe: Probe, req: WireRequest, res: WireResponse | null): Finding {
  return {
    family: probe.family,
    label: probe.label,
    method: req.method,
    target: req.target.length > 300 ? `${req.target.slice(0, 300)}… (${req.target.length} chars)` : req.target,
    requestHeaders: req.headers.map(([name, value]) => `${name}: ${value.length > 120 ? `${value.slice(0, 120)}…(${value.length})` : value}`).join(' | '),
    requestBody: snippet(req.body),
    status: res?.status ?? null,
    responseType: String(res?.headers['content-type'] ?? ''),
    responseBody: res ? snippet(res.body) : '',
  };
}

/** Express answers OPTIONS itself with the route's methods (`GET, HEAD, POST`); no handler runs, nothing is read. */
function isAllowList(method: string, res: WireResponse): boolean {
  return method === 'OPTIONS' && res.status === 200 && /^[A-Z]+(, [A-Z]+)*$/.test(res.body.toString('utf8'));
}

/** A 4xx that a JSON route answered as Tacto answers errors: JSON whose `error` is a non-empty code. */
export function isJsonError(method: string, res: WireResponse): boolean {
  if (!/^application\/json\b/.test(String(res.headers['content-type'] ?? ''))) return false;
  if (method === 'HEAD') return true; // no body to read
  try {
    const body = JSON.parse(res.body.toString('utf8')) as unknown;
    return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' && (body as { error: string }).error.length > 0;
  } catch {
    return false;
  }
}

/**
 * Sends every probe with at most `concurrency` in flight (keep-alive connections), checking each answer: no
 * 5xx, an answer at all, and JSON errors where the route is JSON. `serverErrorsLogged` drains the server's
 * logged errors after each 5xx so the report carries the stack.
 */
export async function runBatch(
  probes: Probe[],
  options: { client: WireClient; concurrency: number; serverErrorsLogged?: () => LoggedError[] },
): Promise<BatchResult> {
  const started = performance.now();
  const result: BatchResult = { sent: 0, byFamily: {}, byStatus: {}, statusesByFamily: {}, accepted: [], serverErrors: [], unanswered: [], malformedErrors: [], ms: 0 };
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      const req = await probe.build();
      result.sent += 1;
      result.byFamily[probe.family] = (result.byFamily[probe.family] ?? 0) + 1;
      let res: WireResponse;
      try {
        res = await options.client.send(req);
      } catch (error) {
        result.unanswered.push({ ...finding(probe, req, null), responseBody: String(error) });
        continue;
      }
      const statusClass = `${Math.floor(res.status / 100)}xx`;
      result.byStatus[statusClass] = (result.byStatus[statusClass] ?? 0) + 1;
      const statuses = (result.statusesByFamily[probe.family] ??= {});
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (probe.mustBeRefused && res.status < 400 && !isAllowList(req.method, res)) result.accepted.push(finding(probe, req, res));
      if (res.status >= 500) {
        const path = req.target.split('?')[0];
        const logged = (options.serverErrorsLogged?.() ?? []).filter((entry) => entry.path === path).map((entry) => entry.stack);
        result.serverErrors.push({ ...finding(probe, req, res), ...(logged.length ? { serverLog: logged.join('\n---\n') } : {}) });
      } else if (res.status >= 400 && !isJsonError(req.method, res) && !ALLOWED_OTHER_ERRORS[probe.errorFormat](res)) {
        result.malformedErrors.push(finding(probe, req, res));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.ms = performance.now() - started;
  return result;
}

/**
 * Asks /healthz every `everyMs` while a batch runs, each on its own connection, and remembers every check that
 * did not answer `{ status: "ok" }` within `timeoutMs`. Polling, not a fixed wait: the verdict is each answer.
 */
export function watchHealth(client: WireClient, options: { everyMs: number }): { stop(): Promise<{ checks: number; failures: string[]; slowestMs: number }> } {
  let stopped = false;
  let checks = 0;
  let slowestMs = 0;
  const failures: string[] = [];
  const check = async () => {
    checks += 1;
    try {
      const res = await client.send({ method: 'GET', target: '/healthz', headers: [] });
      slowestMs = Math.max(slowestMs, res.ms);
      const body = res.body.toString('utf8');
      if (res.status !== 200 || body !== '{"status":"ok"}') failures.push(`check ${checks}: ${res.status} ${body.slice(0, 200)}`);
    } catch (error) {
      failures.push(`check ${checks}: no answer (${String(error)})`);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await check();
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, options.everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await check(); // and once more after the batch
      return { checks, failures, slowestMs };
    },
  };
}

/** Findings as lines a reader can act on: route, input, answer, server log. */
export function describeFindings(title: string, findings: Finding[], annotate: (f: Finding) => string | null = () => null): string {
  if (findings.length === 0) return `${title}: none`;
  const lines = findings.map((f, i) => {
    const known = annotate(f);
    return [
      `#${i + 1} [${f.family}] ${f.label}${known ? `  << ${known}` : ''}`,
      `   ${f.method} ${f.target}`,
      `   headers: ${f.requestHeaders}`,
      `   body: ${f.requestBody}`,
      `   → ${f.status ?? 'no answer'} ${f.responseType} ${f.responseBody}`,
      ...(f.serverLog ? [`   server: ${f.serverLog.split('\n').slice(0, 12).join('\n           ')}`] : []),
    ].join('\n');
  });
  return `${title}: ${findings.length}\n${lines.join('\n')}`;
}
