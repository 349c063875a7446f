/**
 * Fuzz probes for every route family Tacto serves (server/app.ts), each in two kinds:
 *
 * - `forged`: fails authentication (no, wrong, stale or tampered signature/HMAC/token, or a token of a shop that
 *   did not install) or needs none (documents, assets, health). Such a request must write nothing.
 * - `signed`: passes authentication (signed exactly as Shopify signs) with random and malformed input behind it,
 *   so validation code is reached. It may write; it must still never get a 5xx.
 *
 * Probes are data drawn by fast-check; signatures and tokens are computed in `build()`, at send time, because
 * they carry timestamps.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { signAdminQuery, signSessionToken, signWebhookBody } from '../../../sandbox/oauth/signing.ts';
import { unsubscribeToken } from '../../../server/followups/mail/unsubscribe-token.ts';
import {
  bodyBytes,
  contentEncoding,
  contentType,
  extraHeaders,
  headerValue,
  hostileJsonValue,
  hostileText,
  numberText,
  oddMethod,
  pathSegment,
  pathSegments,
  QUERY_BUDGET,
  queryPairs,
  rawQueryFragment,
  renderQuery,
  shapedJsonText,
  splicedText,
  wellFormed,
} from './arbitraries.ts';
import type { ErrorFormat, Probe } from './runner.ts';
import type { WireRequest } from './wire.ts';

/** What the probes need to know about the app under test. */
export interface FuzzTarget {
  appOrigin: URL;
  /** The installed sandbox shop. */
  shop: string;
  apiKey: string;
  apiSecret: string;
  /** Real customers and products of the installed shop (the demo seed). */
  customerIds: number[];
  productHandles: string[];
  /** The secret unsubscribe links are signed with (derived from the API secret). */
  unsubscribeSecret: string;
  /** Files of the built admin under /assets. */
  assetNames: string[];
  /** Starts an OAuth authorization for the installed shop: the state Shopify would send back and its signed cookie. */
  beginOAuth(): Promise<{ state: string; cookie: string }>;
  /** The sender persona saved and verified before the fuzz (the same Reply-To keeps it verified). */
  persona: { fullName: string; role: string; signature: string; fromAddress: string; replyTo: string };
}

export type ProbeKind = 'forged' | 'signed';

/** Shops that never installed Tacto, but whose names Shopify would accept. */
const OTHER_SHOPS = ['other-shop.myshopify.com', 'never-installed.myshopify.com', 'admin.shopify.com/store/other-shop'];
const WRONG_SECRET = 'not-the-app-secret';

const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]): fc.Arbitrary<T> => fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** Headers common to every probe: the route's own, then body headers, then random extras. */
interface Extras {
  headers: [string, string][];
  contentType: string | null;
  contentEncoding: string | null;
  chunked: boolean;
}
const extras: fc.Arbitrary<Extras> = fc.record({
  headers: weighted([3, fc.constant<[string, string][]>([])], [1, extraHeaders]),
  contentType,
  contentEncoding,
  chunked: weighted([6, fc.constant(false)], [1, fc.constant(true)]),
});

/** Node's default limit for a request's line and headers together (it answers 431 itself beyond it). */
const NODE_HEAD_LIMIT = 16 * 1024;

function withBody(method: string, target: string, headers: [string, string][], body: Buffer | undefined, x: Extras): WireRequest {
  const all: [string, string][] = [...headers];
  const sendsBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
  if (sendsBody && x.contentType !== null) all.push(['Content-Type', x.contentType]);
  if (sendsBody && x.contentEncoding !== null) all.push(['Content-Encoding', x.contentEncoding]);
  all.push(...x.headers);
  const head = target.length + all.reduce((size, [name, value]) => size + name.length + value.length + 4, 0);
  // A request Node refuses by itself would test Node, not Tacto: the budgets in arbitraries.ts keep this from happening.
  if (head > NODE_HEAD_LIMIT - 1_024) throw new Error(`probe head of ${head} bytes passes Node's header limit: tighten the arbitraries' budgets`);
  return { method, target, headers: all, ...(sendsBody ? { body, chunked: x.chunked } : {}) };
}

const probe = (family: string, label: string, errorFormat: ErrorFormat, build: () => Promise<WireRequest> | WireRequest, mustBeRefused = false): Probe => ({
  family,
  label,
  errorFormat,
  build,
  mustBeRefused,
});

// ---------------------------------------------------------------------------------------------------------------
// POST /webhooks

const WEBHOOK_TOPICS = [
  'orders/create', 'orders/updated', 'orders/cancelled', 'refunds/create', 'products/update', 'products/delete',
  'customers_email_marketing_consent/update', 'bulk_operations/finish', 'customers/data_request', 'customers/redact', 'shop/redact', 'app/uninstalled',
];
/** Topics that end the installed shop's installation or data: signed ones are only sent for shops that never installed. */
const DESTRUCTIVE_TOPICS = new Set(['app/uninstalled', 'shop/redact']);

function webhookExample(topic: string, shop: string, customerId: number): Record<string, unknown> {
  const at = '2026-01-02T03:04:05Z';
  switch (topic) {
    case 'orders/create':
    case 'orders/updated':
    case 'orders/cancelled':
      return { id: 9_000_001, created_at: at, updated_at: at, cancelled_at: null, customer: { id: customerId }, line_items: [{ id: 1, product_id: 2, variant_id: 3, quantity: 1 }], refunds: [], fulfillments: [] };
    case 'refunds/create':
      return { id: 1, order_id: 9_000_001, refund_line_items: [] };
    case 'products/update':
      return { id: 9_000_002, title: 'Fuzz', handle: 'fuzz', product_type: '', status: 'active', tags: '', updated_at: at, variants: [{ price: '1.00' }] };
    case 'products/delete':
      return { id: 9_000_002 };
    case 'customers_email_marketing_consent/update':
      return { customer_id: customerId, email_address: 'a@example.com', email_marketing_consent: { state: 'unsubscribed', opt_in_level: null, consent_updated_at: at } };
    case 'customers/data_request':
      return { shop_id: 1, shop_domain: shop, orders_requested: [1], customer: { id: customerId, email: 'a@example.com', phone: null }, data_request: { id: 1 } };
    case 'customers/redact':
      return { shop_id: 1, shop_domain: shop, customer: { id: customerId, email: 'a@example.com', phone: null }, orders_to_redact: [1] };
    default:
      return { shop_id: 1, shop_domain: shop };
  }
}

type WebhookSigning = 'valid' | 'missing' | 'empty' | 'garbage' | 'hex' | 'wrong-secret' | 'other-body' | 'truncated' | 'padded' | 'repeated';
const FORGED_WEBHOOK: WebhookSigning[] = ['missing', 'empty', 'garbage', 'hex', 'wrong-secret', 'other-body', 'truncated', 'padded', 'repeated'];
const WEBHOOK_HEADERS = ['X-Shopify-Topic', 'X-Shopify-Shop-Domain', 'X-Shopify-Webhook-Id', 'X-Shopify-Event-Id', 'X-Shopify-Triggered-At', 'X-Shopify-API-Version'];

export function webhookProbe(t: FuzzTarget, kind: ProbeKind): fc.Arbitrary<Probe> {
  return fc
    .record({
      method: weighted([12, fc.constant('POST')], [1, oddMethod]),
      path: weighted([12, fc.constant('/webhooks')], [1, fc.constantFrom('/webhooks/', '/WEBHOOKS', '/webhooks?x=1', '//webhooks', '/webhooks/../webhooks', '/webhooks%2F')]),
      topic: weighted([10, fc.constantFrom(...WEBHOOK_TOPICS)], [1, headerValue]),
      shopChoice: weighted([8, fc.constant('installed')], [2, fc.constantFrom(...OTHER_SHOPS)], [1, headerValue]),
      customer: fc.nat(),
      signing: kind === 'signed' ? fc.constant<WebhookSigning>('valid') : fc.constantFrom(...FORGED_WEBHOOK),
      // Mostly every header Shopify sends; sometimes one missing (the library must refuse, not crash).
      dropped: weighted([6, fc.constant<string[]>([])], [1, fc.subarray(WEBHOOK_HEADERS, { minLength: 1, maxLength: 2 })]),
      eventId: weighted([4, fc.uuid()], [1, headerValue]),
      webhookId: weighted([4, fc.uuid()], [1, headerValue]),
      triggeredAt: weighted([4, fc.constant('2026-01-02T03:04:05.000Z')], [1, headerValue]),
      apiVersion: weighted([4, fc.constant('2026-07')], [1, headerValue]),
      bodyIndex: fc.nat(),
      extras,
      oversized: weighted([60, fc.constant(false)], [1, fc.constant(true)]),
    })
    .chain((r) => {
      const shop = r.shopChoice === 'installed' ? t.shop : r.shopChoice;
      // Signed uninstalls and shop redactions go to shops that never installed: the installed shop must stay
      // installed for the rest of the signed batch to reach its routes.
      const safeShop = kind === 'signed' && DESTRUCTIVE_TOPICS.has(r.topic) && shop === t.shop ? OTHER_SHOPS[0]! : shop;
      const example = webhookExample(r.topic, safeShop, t.customerIds[r.customer % t.customerIds.length]!);
      return bodyBytes(shapedJsonText(example)).map((body) => ({ ...r, shop: safeShop, body }));
    })
    .map((r) =>
      probe('webhooks', `${kind} ${r.signing} ${r.method} ${r.topic.slice(0, 40)}`, 'json', () => {
        const body = r.oversized ? Buffer.alloc(1_100_000, 0x20) : r.body;
        const right = createHmac('sha256', t.apiSecret).update(body.toString('utf8'), 'utf8').digest('base64');
        const hmac: Record<WebhookSigning, string | null> = {
          valid: right,
          missing: null,
          empty: '',
          garbage: createHmac('sha256', 'garbage').update(String(r.bodyIndex)).digest('base64'),
          hex: createHmac('sha256', t.apiSecret).update(body).digest('hex'),
          'wrong-secret': createHmac('sha256', WRONG_SECRET).update(body).digest('base64'),
          'other-body': signWebhookBody(`${body.toString('utf8')} `, t.apiSecret),
          truncated: right.slice(0, 20),
          padded: `${right}=`,
          repeated: right,
        };
        const headers: [string, string][] = [
          ['X-Shopify-Topic', r.topic],
          ['X-Shopify-Shop-Domain', r.shop],
          ['X-Shopify-Webhook-Id', r.webhookId],
          ['X-Shopify-Event-Id', r.eventId],
          ['X-Shopify-Triggered-At', r.triggeredAt],
          ['X-Shopify-API-Version', r.apiVersion],
        ];
        const kept = headers.filter(([name]) => !r.dropped.includes(name));
        const value = hmac[r.signing];
        if (value !== null) kept.push(['X-Shopify-Hmac-Sha256', value]);
        // Two HMAC headers (the right one second): Node joins them, and the joined value must not pass.
        if (r.signing === 'repeated') kept.unshift(['X-Shopify-Hmac-Sha256', hmac.garbage!]);
        return withBody(r.method, r.path, kept, body, r.extras);
      }, kind === 'forged'),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// /proxy/* (the storefront's app proxy)

const PROXY_ROUTES: [string, string[]][] = [
  ['/proxy/ping', ['GET']],
  ['/proxy/picks', ['GET']],
  ['/proxy/preferences', ['GET', 'POST', 'DELETE']],
  ['/proxy/topics', ['GET']],
  ['/proxy/feedback', ['POST']],
  ['/proxy/seen', ['POST']],
  ['/proxy/count', ['POST']],
  ['/proxy/enroll', ['POST']],
  ['/proxy/data', ['GET', 'DELETE']],
  ['/proxy/data.json', ['GET']],
];
const PICKS_KEYS = ['template', 'product_id', 'collection_id', 'cart', 'limit', 'guides', 'locale', 'personalization'];

type ProxySigning = 'valid' | 'none' | 'garbage' | 'uppercase' | 'stale' | 'future' | 'wrong-secret' | 'tampered' | 'no-timestamp' | 'hmac-name' | 'twice' | 'truncated';
const FORGED_PROXY: ProxySigning[] = ['none', 'garbage', 'uppercase', 'stale', 'future', 'wrong-secret', 'tampered', 'no-timestamp', 'hmac-name', 'twice', 'truncated'];

/** Shopify's app-proxy signature over parameters in query order (repeats joined by ","), as Shopify computes it. */
function proxySignature(pairs: [string, string][], secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of pairs) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const message = [...grouped.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((key) => `${key}=${grouped.get(key)!.join(',')}`)
    .join('');
  return createHmac('sha256', secret).update(message).digest('hex');
}

function picksValue(key: string): fc.Arbitrary<string> {
  const valid: Record<string, fc.Arbitrary<string>> = {
    template: fc.constantFrom('index', 'product', 'product.alternate', 'cart', 'collection', 'search'),
    product_id: numberText,
    collection_id: numberText,
    cart: fc.array(numberText, { maxLength: 120 }).map((ids) => ids.join(',')),
    limit: fc.constantFrom('1', '4', '12', '13', '0', '-4', '4.5', ''),
    guides: fc.constantFrom('0', '1', '2'),
    locale: fc.constantFrom('en', 'es', 'pt-BR', 'xx', '../../en', ''),
    personalization: fc.constantFrom('0', '1', 'yes'),
    path_prefix: fc.constantFrom('/apps/tacto', '/apps/../admin', "/apps/'><script>", ''),
  };
  return weighted([2, valid[key] ?? hostileText], [1, hostileText]);
}

export function proxyProbe(t: FuzzTarget, kind: ProbeKind): fc.Arbitrary<Probe> {
  const routeAndMethod = weighted<[string, string]>(
    [12, fc.constantFrom(...PROXY_ROUTES).chain(([path, methods]) => fc.constantFrom(...methods).map((m): [string, string] => [path, m]))],
    [2, fc.tuple(fc.constantFrom(...PROXY_ROUTES.map(([path]) => path)), oddMethod)],
    [1, fc.tuple(fc.constantFrom('/proxy', '/proxy/', '/proxy//picks', '/proxy/../api/shop', '/proxy/%2e%2e/healthz', '/proxy/picks/', '/PROXY/picks', '/proxy/data.JSON'), oddMethod)],
    [1, fc.tuple(pathSegment.map((segment) => `/proxy/${segment}`), oddMethod)],
  );
  const known = fc.constantFrom(...PICKS_KEYS, 'path_prefix').chain((key) => picksValue(key).map((value): [string, string] => [key, value]));
  return fc
    .record({
      route: routeAndMethod,
      params: fc
        .tuple(
          fc.array(known, { maxLength: 6 }),
          queryPairs(PICKS_KEYS),
          // Shopify's own names from the shopper too, now and then: repeated, they must not confuse the check.
          weighted([8, fc.constant<[string, string][]>([])], [1, fc.array(fc.tuple(fc.constantFrom('shop', 'logged_in_customer_id', 'timestamp', 'signature', 'path_prefix'), hostileText), { minLength: 1, maxLength: 2 })]),
        )
        .map(([a, b, c]) => [...a, ...b, ...c])
        .filter((pairs) => renderQuery(pairs).length <= QUERY_BUDGET),
      customer: weighted<string>(
        [3, fc.constant('')],
        [4, fc.nat().map((i) => String(t.customerIds[i % t.customerIds.length]))],
        [1, numberText],
        [1, hostileText],
      ),
      shopChoice: weighted([10, fc.constant('installed')], [1, fc.constantFrom(...OTHER_SHOPS, 'TACTO-DEMO.SANDBOX.TEST', `${t.shop}/`, `${t.shop}.evil.com`)], [1, hostileText]),
      signing: kind === 'signed' ? fc.constant<ProxySigning>('valid') : fc.constantFrom(...FORGED_PROXY),
      // Outside Shopify's 90-second window by a margin no queueing delay on a loaded machine can eat up.
      skew: fc.integer({ min: 150, max: 10_000_000 }),
      handleIndex: fc.nat(),
      // Unsigned fragments no encoder writes (broken escapes, bracket keys): they must fail the signature, so
      // only forged probes carry them.
      rawFragments: kind === 'signed' ? fc.constant<string[]>([]) : weighted([8, fc.constant<string[]>([])], [1, fc.array(rawQueryFragment, { minLength: 1, maxLength: 2 })]),
      extras,
    })
    .chain((r) => {
      const handle = t.productHandles[r.handleIndex % t.productHandles.length]!;
      const example =
        r.route[0] === '/proxy/feedback'
          ? { handle, reason: 'not-my-style' }
          : r.route[0] === '/proxy/seen'
            ? { view: (r.handleIndex % 0xffff).toString(16).padStart(32, '0'), handles: [handle], surface: 'product-page', block: '4-grid-g-q' }
            : r.route[0] === '/proxy/count'
              ? { event: 'click', surface: 'home', block: '4-grid-g-q' }
              : r.route[0] === '/proxy/enroll'
                ? { experiment: '1', arm: 'holdout' }
                : { personalization: 'off', declaredTopics: ['baby'] };
      const oversized = fc.integer({ min: 4_200, max: 20_000 }).map((n) => JSON.stringify({ declaredTopics: ['baby'], pad: 'x'.repeat(n) }));
      return bodyBytes(weighted([8, shapedJsonText(example)], [1, oversized])).map((body) => ({ ...r, body }));
    })
    .map((r) => {
      const [path, method] = r.route;
      return probe('proxy', `${kind} ${r.signing} ${method} ${path.slice(0, 40)}`, 'json', () => {
        const shop = r.shopChoice === 'installed' ? t.shop : r.shopChoice;
        const now = Math.floor(Date.now() / 1000);
        const timestamp = r.signing === 'stale' ? now - r.skew : r.signing === 'future' ? now + r.skew : now;
        // The shopper's parameters first, then Shopify's own, as Shopify appends them.
        const shopify: [string, string][] = [['shop', shop], ['logged_in_customer_id', r.customer], ['path_prefix', '/apps/tacto']];
        if (r.signing !== 'no-timestamp') shopify.push(['timestamp', String(timestamp)]);
        // Well-formed text only, so what the server decodes is exactly what was signed.
        const pairs = [...r.params, ...shopify].map(([key, value]): [string, string] => [wellFormed(key), wellFormed(value)]);
        const signedPairs = pairs.filter(([key]) => key !== 'signature' && key !== 'hmac');
        const right = proxySignature(signedPairs, t.apiSecret);
        const signature: Record<ProxySigning, string | null> = {
          valid: right,
          none: null,
          garbage: createHmac('sha256', 'garbage').update(path).digest('hex'),
          uppercase: right.toUpperCase(),
          stale: right,
          future: right,
          'wrong-secret': proxySignature(signedPairs, WRONG_SECRET),
          tampered: right,
          'no-timestamp': right,
          'hmac-name': null,
          twice: right,
          truncated: right.slice(0, 63),
        };
        const sent = [...pairs];
        if (r.signing === 'tampered') sent.push(['logged_in_customer_id', String(t.customerIds[0])]);
        if (r.signing === 'hmac-name') sent.push(['hmac', right]);
        const value = signature[r.signing];
        if (value !== null) sent.push(['signature', value]);
        if (r.signing === 'twice') sent.push(['signature', right]);
        const target = `${path}${renderQuery(sent, r.rawFragments)}`;
        return withBody(method, target, [], r.body, r.extras);
      }, kind === 'forged');
    });
}

// ---------------------------------------------------------------------------------------------------------------
// /api/* (the embedded admin, behind a session token)

const SETTINGS = { enabled: false, delayDays: 7, capCount: 1, capDays: 30, sendWindow: { start: '09:00', end: '19:00' }, avoidDays: [0] };

/** Liquid that parses and renders: what a merchant would write, with odd characters. No CPU-hostile loops. */
const GOOD_LIQUID = [
  'Hi {{ customer.first_name }},', 'How is the {{ product.title }}?', '{{ shop.name }}', '— {{ persona.name }}, {{ persona.role }}', '{{ guide.title }}',
  '{% if customer.first_name %}yes{% else %}no{% endif %}', '{% for i in (1..3) %}{{ i }}{% endfor %}', '{{ product.title | upcase | truncate: 5 }}',
  '{{ customer.__proto__ }}', '{{ customer.constructor.name }}', '{{ product["title"] }}', '{% assign x = "y" %}{{ x }}', '{% capture c %}c{% endcapture %}',
  '{% raw %}{{ raw }}{% endraw %}', '{% comment %}c{% endcomment %}', '{% cycle "a", "b" %}', '{{ "now" | date: "%Y" }}', '{{ 9999999999999999999 | plus: 1 }}',
  '{% liquid echo "x" %}', '{%- if true -%}trim{%- endif -%}', '{{ 1 | divided_by: 0 }}', '<b>bold</b>', '<script>alert(1)</script>', 'https://example.com',
  'BUY NOW!!! FREE!!!', 'Unsubscribe', '\n', '\r\n', '😀', '\u0000',
];
/** Liquid that does not parse, or that reaches for files (which a template must never read). */
const BAD_LIQUID = ['{{', '}}', '{%', '%}', '{% if %}', '{% endif %}', '{% endfor %}', '{{ customer.first_name | nope }}', '{{ "a" | append }}', '{% include "package.json" %}', '{% render "x" %}', '{% layout "y" %}'];
/** Template text: mostly Liquid that works (so rendering is reached), sometimes broken or hostile. */
const templateText = (maxPieces: number) =>
  weighted(
    [4, fc.array(fc.constantFrom(...GOOD_LIQUID), { minLength: 1, maxLength: maxPieces }).map((p) => p.join(' '))],
    [3, fc.array(fc.constantFrom(...GOOD_LIQUID, ...BAD_LIQUID), { minLength: 1, maxLength: maxPieces }).map((p) => p.join(' '))],
    [1, hostileText],
  );

const templateExample = fc.record({ locale: weighted([4, fc.constantFrom('en', 'es', 'pt-BR')], [1, hostileText]), subject: templateText(3), body: templateText(10) });

interface ApiRoute {
  method: string;
  path: fc.Arbitrary<string>;
  /** A body of the right shape, to mutate; absent for routes that take none. */
  body?: fc.Arbitrary<Record<string, unknown>>;
  /** Its share of the probes. */
  weight: number;
}

const photoImage = (pngBase64: string) =>
  weighted(
    [3, fc.constant(`data:image/png;base64,${pngBase64}`)],
    [2, fc.uint8Array({ maxLength: 400 }).map((bytes) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`)],
    [1, fc.constantFrom('jpeg', 'webp', 'gif', 'svg+xml', 'png;charset=utf-8').chain((kind) => fc.base64String({ maxLength: 200 }).map((b) => `data:image/${kind};base64,${b}`))],
    [1, fc.constant(`data:image/png;base64,${pngBase64.slice(0, Math.floor(pngBase64.length / 2))}`)],
    [1, fc.constant('data:image/svg+xml;base64,' + Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64'))],
    [1, hostileText],
  );

function apiRoutes(t: FuzzTarget, pngBase64: string): ApiRoute[] {
  const explainQuery = fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.constantFrom('surface', 'productId', 'productIds', 'collectionId', 'customerId', 'limit', 'consent'),
          weighted([2, fc.constantFrom('home', 'product', 'cart', 'collection', 'email', 'granted', 'denied', '1,2,3', '8')], [2, numberText], [1, hostileText]),
        ),
        { maxLength: 6 },
      ),
      queryPairs(['surface', 'productId']),
    )
    .map(([a, b]) => renderQuery([...a, ...b]));
  return [
    { method: 'GET', path: fc.constant('/api/shop'), weight: 2 },
    { method: 'GET', path: fc.constant('/api/backfill'), weight: 2 },
    { method: 'POST', path: fc.constant('/api/backfill'), weight: 1 },
    { method: 'GET', path: fc.constant('/api/onboarding'), weight: 2 },
    { method: 'GET', path: fc.constant('/api/privacy/data-requests'), weight: 2 },
    { method: 'GET', path: weighted([2, numberText.map(encodeURIComponent)], [1, pathSegment]).map((id) => `/api/privacy/data-requests/${id}`), weight: 4 },
    {
      method: 'GET',
      path: fc
        .array(fc.tuple(fc.constantFrom('locale', 'country'), weighted([2, fc.constantFrom('en', 'es', 'pt-BR', 'fr', 'AR', 'ar', 'BRA')], [1, hostileText])), { maxLength: 3 })
        .map((pairs) => `/api/privacy/notice${renderQuery(pairs)}`),
      weight: 3,
    },
    { method: 'GET', path: fc.constant('/api/privacy/tables'), weight: 1 },
    { method: 'GET', path: fc.constant('/api/privacy/report'), weight: 1 },
    { method: 'GET', path: fc.constant('/api/webhooks/dead-letters'), weight: 2 },
    { method: 'GET', path: explainQuery.map((q) => `/api/recommendations/explain${q}`), weight: 8 },
    {
      method: 'GET',
      path: weighted([2, fc.constantFrom('olivia', 'ben', 'example.com', 'o', '')], [1, hostileText]).map((q) => `/api/recommendations/customers?query=${encodeURIComponent(q)}`),
      weight: 3,
    },
    { method: 'POST', path: fc.constant('/api/recommendations/rebuild'), weight: 1 },
    { method: 'GET', path: fc.constant('/api/recommendations/signals'), weight: 2 },
    { method: 'GET', path: fc.constant('/api/recommendations/settings'), weight: 1 },
    {
      method: 'PUT',
      path: fc.constant('/api/recommendations/settings'),
      body: fc.record({
        preset: fc.constantFrom('standard', 'strict', 'lax'),
        personalShare: fc.constantFrom(0, 25, 50, 100, 33, -1),
        frequencyCapViews: fc.constantFrom(1, 3, 6, 21, 2.5),
        frequencyCapDays: fc.constantFrom(1, 14, 30, 0),
        historyWindowDays: fc.constantFrom(30, 90, 180, 366, '180'),
        eventWindowDays: fc.constantFrom(7, 30, 60, 181),
        substituteRestDays: fc.constantFrom(30, 180, 365, 1e308),
        reorderReminders: fc.constantFrom(true, false, 'yes'),
      }),
      weight: 3,
    },
    { method: 'GET', path: fc.constant('/api/recommendations/merchandising'), weight: 1 },
    { method: 'GET', path: fc.constant('/api/recommendations/catalog-tags'), weight: 1 },
    {
      method: 'PUT',
      path: fc.constant('/api/recommendations/merchandising'),
      body: (() => {
        const anyId = fc.oneof(fc.integer({ min: 1, max: 2_000_000 }), fc.constantFrom(0, -1, 1.5, 2 ** 60, '7', null));
        return fc.record({
          excludedProducts: fc.array(anyId, { maxLength: 6 }),
          excludedCollections: fc.array(fc.record({ id: anyId, title: weighted([3, fc.constantFrom('Winter', '')], [1, hostileText]) }), { maxLength: 3 }),
          excludedTags: fc.array(weighted([3, fc.constantFrom('winter', ' sale ', '')], [1, hostileText]), { maxLength: 3 }),
          pins: fc.array(fc.record({ productId: anyId, complements: fc.array(anyId, { maxLength: 6 }) }), { maxLength: 3 }),
          neverTogether: fc.array(fc.tuple(anyId, anyId), { maxLength: 3 }),
        });
      })(),
      weight: 3,
    },
    { method: 'GET', path: fc.constant('/api/followups'), weight: 2 },
    {
      method: 'GET',
      path: fc
        .tuple(fc.constantFrom('report', 'report.csv'), fc.array(fc.tuple(fc.constantFrom('from', 'to'), weighted([2, fc.constantFrom('2026-11-01', '2026-12-03', '2026-02-30', '1999-01-01')], [1, hostileText])), { maxLength: 3 }))
        .map(([name, pairs]) => `/api/analytics/${name}${renderQuery(pairs)}`),
      weight: 4,
    },
    { method: 'GET', path: fc.constant('/api/analytics/settings'), weight: 1 },
    {
      method: 'POST',
      path: fc.constant('/api/analytics/settings'),
      body: fc.record({ question: fc.constantFrom('block', 'personalization', 'x'), holdoutPercent: fc.constantFrom(0, 10, 50, 51, -1, 2.5) }),
      weight: 2,
    },
    { method: 'PUT', path: fc.constant('/api/followups/persona'), body: fc.constant(t.persona), weight: 5 },
    { method: 'PUT', path: fc.constant('/api/followups/persona/photo'), body: photoImage(pngBase64).map((image) => ({ image })), weight: 3 },
    { method: 'POST', path: fc.constant('/api/followups/persona/verification'), weight: 1 },
    { method: 'POST', path: fc.constant('/api/followups/persona/verify'), body: fc.constant({ code: '123456' }), weight: 3 },
    { method: 'POST', path: fc.constant('/api/followups/lint'), body: templateExample, weight: 4 },
    { method: 'PUT', path: fc.constant('/api/followups/flow'), body: templateExample.map((tpl) => ({ ...tpl, settings: SETTINGS })), weight: 5 },
    { method: 'POST', path: fc.constant('/api/followups/preview'), body: templateExample, weight: 6 },
    { method: 'POST', path: fc.constant('/api/followups/test'), body: templateExample, weight: 3 },
    { method: 'GET', path: pathSegments(3).map((path) => `/api/${path}`), weight: 2 },
    { method: 'GET', path: fc.constantFrom('/api', '/api/', '/api//shop', '/api/shop/', '/API/shop', '/api/shop;x', '/api/../healthz', '/api/%2e%2e/healthz', '/api/followups/persona/../../shop'), weight: 1 },
  ];
}

type TokenMode =
  | 'valid' | 'missing' | 'bearer-only' | 'garbage' | 'lowercase-scheme' | 'basic' | 'wrong-secret' | 'wrong-audience' | 'expired' | 'not-yet-valid'
  | 'other-shop' | 'junk-dest' | 'alg-none' | 'hs512' | 'tampered' | 'duplicate-header';
const FORGED_TOKENS: TokenMode[] = ['missing', 'bearer-only', 'garbage', 'lowercase-scheme', 'basic', 'wrong-secret', 'wrong-audience', 'expired', 'not-yet-valid', 'other-shop', 'junk-dest', 'alg-none', 'hs512', 'tampered', 'duplicate-header'];

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The Authorization header values of one mode (several for a repeated header). */
async function authorization(mode: TokenMode, t: FuzzTarget, userId: string, junk: string): Promise<string[]> {
  const sign = (overrides: Partial<Parameters<typeof signSessionToken>[0]> = {}) =>
    signSessionToken({ shop: t.shop, apiKey: t.apiKey, apiSecret: t.apiSecret, userId, ...overrides });
  const custom = async (claims: Record<string, unknown>, alg = 'HS256') => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ aud: t.apiKey, sub: userId, ...claims })
      .setProtectedHeader({ alg, typ: 'JWT' })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(t.apiSecret));
  };
  switch (mode) {
    case 'valid':
      return [`Bearer ${await sign()}`];
    case 'missing':
      return [];
    case 'bearer-only':
      return ['Bearer', 'Bearer '];
    case 'garbage':
      return [`Bearer ${junk}`];
    case 'lowercase-scheme':
      return [`bearer ${junk}`];
    case 'basic':
      return [`Basic ${Buffer.from(`${t.apiKey}:${t.apiSecret}`).toString('base64')}`];
    case 'wrong-secret':
      return [`Bearer ${await sign({ apiSecret: WRONG_SECRET })}`];
    case 'wrong-audience':
      return [`Bearer ${await sign({ apiKey: 'another-app' })}`];
    case 'expired':
      return [`Bearer ${await sign({ now: new Date(Date.now() - 10 * 60_000) })}`];
    case 'not-yet-valid':
      return [`Bearer ${await sign({ now: new Date(Date.now() + 10 * 60_000) })}`];
    case 'other-shop':
      return [`Bearer ${await sign({ shop: OTHER_SHOPS[Math.abs(userId.length) % 2]! })}`];
    case 'junk-dest':
      return [`Bearer ${await custom({ dest: userId.length % 2 ? junk : 12345, iss: junk })}`];
    case 'alg-none':
      return [`Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ dest: `https://${t.shop}`, aud: t.apiKey, exp: 9_999_999_999 })}.`];
    case 'hs512':
      return [`Bearer ${await custom({ dest: `https://${t.shop}` }, 'HS512')}`];
    case 'tampered': {
      // A real token for another shop, its payload swapped for the installed shop's: the signature no longer fits.
      const [header, , signature] = (await sign({ shop: OTHER_SHOPS[0]! })).split('.');
      return [`Bearer ${header}.${b64url({ dest: `https://${t.shop}`, aud: t.apiKey, exp: 9_999_999_999, nbf: 0 })}.${signature}`];
    }
    case 'duplicate-header':
      // Node keeps the first Authorization header of a request: the garbage one.
      return [`Bearer ${junk}`, `Bearer ${await sign()}`];
  }
}

export function apiProbe(t: FuzzTarget, kind: ProbeKind, pngBase64: string): fc.Arbitrary<Probe> {
  const routes = apiRoutes(t, pngBase64);
  const route = fc.oneof(...routes.map((r) => ({ weight: r.weight, arbitrary: fc.constant(r) })));
  return fc
    .record({
      route,
      methodOverride: weighted([10, fc.constant<string | null>(null)], [1, oddMethod]),
      token: kind === 'signed' ? fc.constant<TokenMode>('valid') : fc.constantFrom(...FORGED_TOKENS),
      userId: weighted([3, fc.constant('1')], [1, fc.string({ maxLength: 20 })]),
      junk: weighted([2, fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.'.split('')), maxLength: 400 })], [1, headerValue]),
      extras,
    })
    .chain((r) =>
      fc.record({
        path: r.route.path,
        body: r.route.body
          ? bodyBytes(weighted([8, r.route.body.chain((valid) => shapedJsonText(valid))], [1, fc.integer({ min: 100_000, max: 120_000 }).map((n) => JSON.stringify({ pad: 'x'.repeat(n) }))]))
          : weighted([4, fc.constant<Buffer | undefined>(undefined)], [1, bodyBytes(hostileJsonValue.map((v) => JSON.stringify(v) ?? ''))]),
      }).map((x) => ({ ...r, ...x })),
    )
    .map((r) => {
      const method = r.methodOverride ?? r.route.method;
      return probe('api', `${kind} ${r.token} ${method} ${r.path.slice(0, 50)}`, 'json', async () => {
        const auth = await authorization(r.token, t, r.userId, r.junk);
        return withBody(method, r.path, auth.map((value): [string, string] => ['Authorization', value]), r.body, r.extras);
      }, kind === 'forged');
    });
}

// ---------------------------------------------------------------------------------------------------------------
// /unsubscribe/<token> (the link in every follow-up)

type UnsubscribeMode = 'valid-customer' | 'valid-unknown' | 'valid-other-shop' | 'random' | 'shaped' | 'wrong-secret' | 'tampered' | 'swapped' | 'long' | 'segment';

export function unsubscribeProbe(t: FuzzTarget, kind: ProbeKind): fc.Arbitrary<Probe> {
  const modes: UnsubscribeMode[] = kind === 'signed' ? ['valid-customer', 'valid-unknown', 'valid-other-shop'] : ['random', 'shaped', 'wrong-secret', 'tampered', 'swapped', 'long', 'segment'];
  return fc
    .record({
      mode: fc.constantFrom(...modes),
      method: weighted([5, fc.constantFrom('GET', 'POST')], [1, oddMethod]),
      customer: fc.nat(),
      unknownId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      random: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.'.split('')), maxLength: 120 }),
      segment: pathSegment,
      flip: fc.nat(),
      language: weighted([3, fc.constantFrom('en', 'es', 'pt-BR,pt;q=0.9', 'fr')], [1, headerValue]),
      accept: weighted([3, fc.constantFrom('text/html', 'text/plain', '*/*', 'application/json')], [1, headerValue]),
      body: weighted([3, fc.constant<Buffer | undefined>(undefined)], [1, fc.constant(Buffer.from('List-Unsubscribe=One-Click'))], [1, bodyBytes(hostileJsonValue.map((v) => JSON.stringify(v) ?? ''))]),
      extras,
    })
    .map((r) =>
      probe('unsubscribe', `${kind} ${r.mode} ${r.method}`, 'json', () => {
        const customerId = t.customerIds[r.customer % t.customerIds.length]!;
        const real = unsubscribeToken(t.unsubscribeSecret, t.shop, customerId);
        const [version, payload, signature] = real.split('.') as [string, string, string];
        const flipAt = r.flip % signature.length;
        const flipped = signature.slice(0, flipAt) + (signature[flipAt] === 'A' ? 'B' : 'A') + signature.slice(flipAt + 1);
        const other = unsubscribeToken(t.unsubscribeSecret, OTHER_SHOPS[0]!, customerId).split('.');
        const token: Record<UnsubscribeMode, string> = {
          'valid-customer': real,
          'valid-unknown': unsubscribeToken(t.unsubscribeSecret, t.shop, r.unknownId),
          'valid-other-shop': unsubscribeToken(t.unsubscribeSecret, OTHER_SHOPS[r.customer % 2]!, customerId),
          random: encodeURIComponent(r.random) || 'x',
          shaped: `v1.${Buffer.from(`${customerId}:${t.shop}`).toString('base64url')}.${Buffer.from(r.random).toString('base64url')}`,
          'wrong-secret': unsubscribeToken(WRONG_SECRET, t.shop, customerId),
          tampered: `${version}.${payload}.${flipped}`,
          // The payload of one token with the signature of another.
          swapped: `${version}.${payload}.${other[2]}`,
          long: `${real}${'A'.repeat(600)}`,
          segment: r.segment || '%2e%2e',
        };
        const headers: [string, string][] = [['Accept-Language', r.language], ['Accept', r.accept]];
        return withBody(r.method, `/unsubscribe/${token[r.mode]}`, headers, r.body, { ...r.extras, contentType: r.body ? 'application/x-www-form-urlencoded' : null });
      }, kind === 'forged'),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// OAuth: /api/auth and /api/auth/callback.
// - forged: begins, and callbacks without the state cookie of a started authorization or without a valid HMAC:
//   they never complete.
// - signed: callbacks signed with the app's secret, carrying the state and cookie of an authorization this client
//   really started, with random codes and parameters. Shopify (the sandbox) refuses every such code, so nothing
//   is installed, but everything before the token exchange, and the exchange's refusal, is reached.

const HEX = fc.constantFrom(...'0123456789abcdef'.split(''));
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export function oauthProbe(t: FuzzTarget, kind: ProbeKind): fc.Arbitrary<Probe> {
  // Signed callbacks name the installed shop or one no check accepts: a valid other shop would send the token
  // exchange out to the internet.
  const shopValue =
    kind === 'signed'
      ? weighted([8, fc.constant(t.shop)], [1, fc.constantFrom('evil.com', 'javascript:alert(1)', '', `${t.shop}.evil.com`)])
      : weighted([3, fc.constant(t.shop)], [2, fc.constantFrom(...OTHER_SHOPS, `${t.shop}/`, 'evil.com', 'a.myshopify.com.evil.com', 'javascript:alert(1)')], [2, hostileText]);
  return fc
    .record({
      callback: kind === 'signed' ? fc.constant(true) : fc.boolean(),
      method: weighted([8, fc.constant('GET')], [1, oddMethod]),
      shop: shopValue,
      shopTwice: weighted([6, fc.constant(false)], [1, fc.constant(true)]),
      code: weighted([2, fc.string({ unit: HEX, minLength: 32, maxLength: 32 })], [1, hostileText]),
      realState: kind === 'signed' ? weighted([6, fc.constant(true)], [1, fc.constant(false)]) : fc.constant(false),
      state: weighted([2, fc.string({ unit: HEX, minLength: 15, maxLength: 15 })], [1, hostileText]),
      host: weighted([2, fc.constant(Buffer.from('admin.shopify.com/store/tacto-demo').toString('base64url'))], [1, hostileText]),
      timestamp: weighted([3, fc.constant('now')], [1, numberText]),
      hmac: kind === 'signed' ? fc.constant('valid') : fc.constantFrom('valid', 'none', 'garbage', 'wrong-secret'),
      cookie:
        kind === 'signed'
          ? weighted([6, fc.constant<string | null>('real')], [1, fc.constant(null)])
          : weighted([3, fc.constant<string | null>(null)], [1, fc.string({ maxLength: 60 }).map((v) => `shopify_app_state=${encodeURIComponent(v)}; shopify_app_state.sig=${encodeURIComponent(v)}`)], [1, headerValue]),
      extra: queryPairs(['embedded', 'id_token', 'session']),
      extras,
    })
    .map((r) =>
      probe(
        'oauth',
        `${kind} ${r.callback ? 'callback' : 'begin'} ${r.hmac} ${r.method}`,
        'json',
        async () => {
          const started = kind === 'signed' ? await t.beginOAuth() : null;
          const path = r.callback ? '/api/auth/callback' : '/api/auth';
          const params: Record<string, string> = Object.create(null) as Record<string, string>;
          params.shop = wellFormed(r.shop);
          if (r.callback) Object.assign(params, { code: wellFormed(r.code), state: started && r.realState ? started.state : wellFormed(r.state), host: wellFormed(r.host) });
          params.timestamp = r.timestamp === 'now' ? String(Math.floor(Date.now() / 1000)) : r.timestamp;
          const pairs: [string, string][] = [...Object.entries(params), ...r.extra.map(([k, v]): [string, string] => [wellFormed(k), wellFormed(v)])];
          if (r.hmac !== 'none') {
            const secret = r.hmac === 'wrong-secret' ? WRONG_SECRET : t.apiSecret;
            pairs.push(['hmac', r.hmac === 'garbage' ? 'f'.repeat(64) : signAdminQuery(Object.fromEntries(pairs), secret)]);
          }
          if (r.shopTwice) pairs.push(['shop', OTHER_SHOPS[0]!]);
          const cookie = r.cookie === 'real' ? started?.cookie : r.cookie;
          const headers: [string, string][] = [['User-Agent', BROWSER], ...(cookie ? ([['Cookie', cookie]] as [string, string][]) : [])];
          return withBody(r.method, `${path}${renderQuery(pairs)}`, headers, undefined, r.extras);
        },
        // A forged callback never completes: no state cookie of a started authorization, or no valid HMAC.
        kind === 'forged' && r.callback,
      ),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Public pages and files: the admin document, /assets, /exitiframe, /healthz, and paths that match nothing.

const ADMIN_PAGES = ['/', '/recommendations', '/follow-ups', '/privacy', '/analytics'];

export function publicProbe(t: FuzzTarget): fc.Arbitrary<Probe> {
  const host = Buffer.from('admin.shopify.com/store/tacto-demo').toString('base64url');
  const page = fc
    .record({
      path: fc.constantFrom(...ADMIN_PAGES),
      method: weighted([6, fc.constantFrom('GET', 'HEAD')], [1, oddMethod]),
      pairs: fc.tuple(
        fc.array(fc.tuple(fc.constantFrom('shop', 'host', 'embedded'), weighted([3, fc.constantFrom(t.shop, host, '1', ...OTHER_SHOPS)], [1, hostileText])), { maxLength: 4 }),
        queryPairs(['shop', 'host', 'embedded', 'id_token', 'hmac', 'locale']),
      ),
    })
    .map((r) => ({ family: 'pages', method: r.method, target: `${r.path}${renderQuery([...r.pairs[0], ...r.pairs[1]])}`, errorFormat: (r.method === 'GET' || r.method === 'HEAD' ? 'shopify-library' : 'json') as ErrorFormat }));
  const asset = fc
    .record({
      name: weighted([3, fc.constantFrom(...t.assetNames)], [2, pathSegment], [1, fc.constantFrom('../index.html', '..%2findex.html', '../../package.json', '..%2f..%2f.env', '%2e%2e/%2e%2e/server/config.ts', 'index-.js', '.', '')]),
      method: weighted([6, fc.constantFrom('GET', 'HEAD')], [1, oddMethod]),
      range: weighted([4, fc.constant<string | null>(null)], [1, fc.constantFrom('bytes=0-10', 'bytes=99999999-', 'bytes=-1', 'bytes=a-b', 'bytes=0-1,2-3,4-5')]),
    })
    .map((r) => ({ family: 'assets', method: r.method, target: `/assets/${r.name}`, errorFormat: 'static-file' as ErrorFormat, headers: r.range ? ([['Range', r.range]] as [string, string][]) : [] }));
  const exit = fc
    .record({
      method: weighted([6, fc.constant('GET')], [1, oddMethod]),
      uri: weighted(
        [2, fc.constantFrom(`${t.appOrigin.origin}/api/auth?shop=${t.shop}`, `${t.appOrigin.origin}/api/auth/../../admin`, 'https://evil.example/api/auth', 'javascript:alert(1)//', `${t.appOrigin.origin}/api/auth?x=</script><script>alert(1)</script>`)],
        [2, hostileText],
      ),
      twice: fc.boolean(),
    })
    .map((r) => ({ family: 'exitiframe', method: r.method, target: `/exitiframe${renderQuery([['redirectUri', r.uri], ...(r.twice ? ([['redirectUri', 'x']] as [string, string][]) : [])])}`, errorFormat: 'json' as ErrorFormat }));
  const health = fc
    .record({ method: oddMethod, path: fc.constantFrom('/healthz', '/healthz/', '/HEALTHZ', '//healthz', '/healthz?x=1&x=2', '/healthz/../healthz', '/healthz%00') })
    .map((r) => ({ family: 'healthz', method: r.method, target: r.path, errorFormat: 'json' as ErrorFormat }));
  const unknown = fc
    .record({ method: oddMethod, path: pathSegments(3), query: queryPairs(['shop']) })
    .map((r) => ({ family: 'unknown', method: r.method, target: `/${r.path}${renderQuery(r.query)}`, errorFormat: 'json' as ErrorFormat }));
  return fc
    .tuple(weighted<{ family: string; method: string; target: string; errorFormat: ErrorFormat; headers?: [string, string][] }>([3, page], [2, asset], [1, exit], [1, health], [2, unknown]), extras)
    .map(([r, x]) => probe(r.family, `public ${r.method} ${r.target.slice(0, 50)}`, r.errorFormat, () => withBody(r.method, r.target, r.headers ?? [], undefined, x)));
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-up sequences: state the single requests above rarely line up (a verified persona whose name then turns
// hostile, followed by a preview, a test mail and a saved flow), in order.

export function followupSequence(t: FuzzTarget): fc.Arbitrary<Probe[]> {
  // The Reply-To stays the verified one, so the persona stays verified and the test mail is really sent.
  const persona = fc
    .record({
      fullName: weighted([3, splicedText(t.persona.fullName)], [1, hostileText]),
      role: weighted([2, fc.constant(t.persona.role)], [1, splicedText(t.persona.role)]),
      signature: weighted([2, fc.constant(t.persona.signature)], [1, splicedText(t.persona.signature)], [1, hostileText]),
    })
    .map((p) => ({ ...t.persona, ...p }));
  const settings = fc.record({ enabled: fc.boolean(), delayDays: fc.integer({ min: -1, max: 61 }), capCount: fc.integer({ min: 0, max: 11 }) }).map((s) => ({ ...SETTINGS, ...s }));
  return fc.record({ persona, template: templateExample, settings }).map(({ persona: p, template, settings: s }) => {
    const step = (method: string, path: string, body: unknown) =>
      probe('followups', `signed sequence ${method} ${path}`, 'json', async () => {
        const [auth] = await authorization('valid', t, '1', '');
        return { method, target: path, headers: [['Authorization', auth!], ['Content-Type', 'application/json']], body: Buffer.from(JSON.stringify(body)) };
      });
    return [
      step('PUT', '/api/followups/persona', p),
      step('POST', '/api/followups/preview', template),
      step('POST', '/api/followups/test', template),
      step('PUT', '/api/followups/flow', { ...template, settings: s }),
    ];
  });
}
