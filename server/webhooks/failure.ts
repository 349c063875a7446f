import { GraphqlQueryError, HttpMaxRetriesError, HttpRequestError, HttpResponseError, HttpThrottlingError } from '@shopify/shopify-api';
import { ZodError } from 'zod';

/*
 * Pure: what to do with an event whose handler threw. Shopify does not resend an event Tacto answered 200, so
 * a failure that may pass (Shopify unreachable, 5xx, throttled) is retried on Tacto's own schedule, and only a
 * failure that cannot pass (a payload Tacto cannot read, a 4xx, a topic without handler) is given up at once.
 * The reason is stored and shown to the merchant: it names codes and field paths, never a value from the
 * payload or from Shopify's answer (those may be personal data).
 */

export type Failure =
  /** Shopify is away or busy: try again later (not before `retryAfterMs` when Shopify said so). */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** Will fail the same way every time: a dead letter now. */
  | { kind: 'dead'; reason: string }
  /** Nothing to apply any more (the shop uninstalled since the event was queued). */
  | { kind: 'skip'; reason: string };

/** Thrown by a handler that needs the shop's access token after the shop uninstalled. */
export class ShopNotInstalledError extends Error {
  constructor() {
    super('The shop has uninstalled Tacto.');
    this.name = 'ShopNotInstalledError';
  }
}

/** Thrown for a queued event whose topic has no handler (a subscription dropped since). */
export class UnknownTopicError extends Error {
  constructor() {
    super('Tacto has no handler for this topic.');
    this.name = 'UnknownTopicError';
  }
}

export const MAX_REASON_LENGTH = 300;

/** Node's and undici's codes for a connection that failed or broke: the network, not the request. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
/** SQLite's "try again": another connection held the lock past busy_timeout. */
const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
/** GraphQL error codes Shopify answers with status 200 that pass by themselves. */
const PASSING_GRAPHQL_CODES = new Set(['THROTTLED', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

export function classifyFailure(error: unknown): Failure {
  if (error instanceof ShopNotInstalledError) return { kind: 'skip', reason: 'The shop has uninstalled Tacto' };
  if (error instanceof UnknownTopicError) return { kind: 'dead', reason: 'Unknown topic' };
  if (error instanceof ZodError) return { kind: 'dead', reason: bounded(`Invalid payload: ${describeIssues(error)}`) };
  if (error instanceof SyntaxError) return { kind: 'dead', reason: 'Invalid payload: not JSON' };
  if (error instanceof HttpThrottlingError) {
    const seconds = error.response.retryAfter;
    return { kind: 'retry', reason: 'Shopify throttled the request (429)', ...(seconds && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  if (error instanceof HttpMaxRetriesError) return { kind: 'retry', reason: 'Shopify kept failing' };
  if (error instanceof HttpResponseError) {
    const status = error.response.code;
    // Below 400: the answer broke off or was not JSON (a proxy's page, a cut connection); it may pass.
    if (status >= 500 || status === 429 || status < 400) return { kind: 'retry', reason: `Shopify answered ${status}` };
    return { kind: 'dead', reason: `Shopify refused the request (${status})` };
  }
  if (error instanceof HttpRequestError) return { kind: 'retry', reason: 'Shopify could not be reached' };
  if (error instanceof GraphqlQueryError) {
    const codes = graphqlCodes(error.body);
    if (codes.some((code) => PASSING_GRAPHQL_CODES.has(code))) {
      return { kind: 'retry', reason: codes.includes('THROTTLED') ? 'Shopify throttled the request' : `Shopify failed (${codes.join(', ')})` };
    }
    return { kind: 'dead', reason: bounded(`Shopify refused the query (${codes.join(', ') || 'no code'})`) };
  }
  const code = errorCode(error);
  if (code && NETWORK_CODES.has(code)) return { kind: 'retry', reason: `Shopify could not be reached (${code})` };
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return { kind: 'retry', reason: 'Shopify did not answer in time' };
  }
  if (error instanceof TypeError && error.message === 'fetch failed') return { kind: 'retry', reason: 'Shopify could not be reached' };
  if (code && BUSY_CODES.has(code)) return { kind: 'retry', reason: 'The database was busy' };
  // A defect in Tacto: retrying would fail the same way. The name only: a message may quote a value.
  return { kind: 'dead', reason: bounded(`Internal error (${error instanceof Error ? error.name : typeof error})`) };
}

/** `line_items.0.quantity: invalid_type (number)`, … — paths are the schema's keys, never the payload's values. */
function describeIssues(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.') || '(body)';
      const expected = 'expected' in issue && typeof issue.expected === 'string' ? ` (${issue.expected})` : '';
      return `${path}: ${issue.code}${expected}`;
    })
    .join('; ');
}

function graphqlCodes(body: unknown): string[] {
  const errors = (body as { errors?: { graphQLErrors?: unknown } } | undefined)?.errors?.graphQLErrors;
  if (!Array.isArray(errors)) return [];
  const codes = errors.map((e) => (e as { extensions?: { code?: unknown } })?.extensions?.code).filter((c): c is string => typeof c === 'string');
  // Codes are Shopify's constants (ACCESS_DENIED, THROTTLED …): anything else is not echoed.
  return [...new Set(codes.filter((c) => /^[A-Z_]{1,40}$/.test(c)))];
}

/** The `code` of a Node/undici error, or of its cause (fetch wraps the socket error in `cause`). */
function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function bounded(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}
