/**
 * Hostile input, route-agnostic: strings, numbers written as text, JSON shapes and bodies, paths, queries and
 * headers as an attacker would send them. Everything here is pure data drawn by fast-check; the probes
 * (probes.ts) put it on the routes.
 */
import fc from 'fast-check';

/** Lone surrogates become U+FFFD (as String#toWellFormed does): encodeURIComponent throws on them. */
export const wellFormed = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Values that have broken parsers before: traversal, injection, prototype keys, odd numbers, odd characters. */
export const NASTY_STRINGS = [
  '', ' ', '0', '-1', '-0', '1.5', '1e400', '-1e400', '9007199254740993', '99999999999999999999999999999', '0x1F', '1_000', 'NaN',
  'Infinity', 'null', 'undefined', 'true', '[]', '{}', '[object Object]',
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__',
  '../../etc/passwd', '..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2f', '....//....//', '/etc/passwd\u0000', 'data/tacto.sqlite', '.env',
  "' OR '1'='1", '1; DROP TABLE shops; --', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{ 7 | times: 7 }}',
  '{% include "package.json" %}', '${7*7}', '%s%s%s%n', '\u0000', '\r\n', '\t', '\u2028', '\uFEFF', 'ÿ', 'é', '😀', '𝕏',
  '\u202Eevil', 'ｓｈｏｐ', '٣', 'x'.repeat(300),
];

/** Numbers as an attacker types them: negative, huge, fractional, exponent, hex, locale digits. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: 1, max: 5_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.constantFrom('-1', '0', '-0', '00', '007', '+5', ' 7', '7 ', '1e3', '1e400', '0x1f', '0b1', '1_000', '9007199254740991', '9007199254740993', '٣'),
);

/** Any JS string a client might send (well-formed UTF-16: what survives URL and JSON encoding). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: numberText },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 3_000 }).map((n) => 'A'.repeat(n)) },
);

/**
 * Node answers 431 itself when a request's line and headers pass 16 KiB: queries and paths stay under
 * QUERY_BUDGET characters and extra headers under HEADER_BUDGET, so with a session token every request reaches
 * the app ("very long, within what Node accepts").
 */
export const QUERY_BUDGET = 6_000;
export const HEADER_BUDGET = 4_000;

/** Any JSON value, with the hostile ones over-represented. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { __proto__: null }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) },
);

/** Characters that pass a length check but break a header, a log line, a layout or a parser. */
const SPLICED = ['\n', '\r\n', '\r', '\u0000', '\u0007', '\u001b[31m', '\u0085', '\u2028', '\t', '\u202E', '\u200B', '<', '"', "'", '\\', '{{', '{%', '😀', 'é'];

/** A valid string with one hostile piece spliced in: still passes "is a string of the right length". */
export const splicedText = (valid: string): fc.Arbitrary<string> =>
  fc.tuple(fc.nat({ max: valid.length }), fc.constantFrom(...SPLICED)).map(([at, piece]) => valid.slice(0, at) + piece + valid.slice(at));

/**
 * A JSON object shaped like `valid` with some fields replaced by hostile values or spliced with control
 * characters, some dropped, and maybe extra keys (prototype keys among them): gets past "is it JSON" into each
 * field's validation.
 */
export function mutatedObject(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid);
  const stringKeys = keys.filter((key) => typeof valid[key] === 'string');
  const spliced = stringKeys.length
    ? fc.dictionary(fc.constantFrom(...stringKeys), fc.constant(null), { maxKeys: 2 }).chain((chosen) =>
        fc.record(Object.fromEntries(Object.keys(chosen).map((key) => [key, splicedText(valid[key] as string)])) as Record<string, fc.Arbitrary<string>>),
      )
    : fc.constant<Record<string, string>>({});
  return fc
    .record({
      // Half hostile replacements, half spliced strings (valid values but for one bad piece).
      replaced: fc.oneof(fc.dictionary(fc.constantFrom(...keys), hostileJsonValue, { maxKeys: 3 }), spliced),
      dropped: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      extra: fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'admin', 'shop', 'id'), fc.string({ maxLength: 8 })), hostileJsonValue, { maxKeys: 2 }),
    })
    .map(({ replaced, dropped, extra }) => {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of keys) if (!dropped.includes(key)) Object.defineProperty(out, key, { value: key in replaced ? replaced[key] : valid[key], enumerable: true, writable: true, configurable: true });
      for (const [key, value] of Object.entries(extra)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/** Text that is JSON by shape but hostile by size or depth, or not JSON at all. */
export const oddJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.integer({ min: 1, max: 3_000 }).map((n) => JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: i, v: 'x'.repeat(8) })) })),
  fc.constantFrom(
    '', '{', '}', '{"a":}', "{'a':1}", '[1,]', '{"a":1,}', 'NaN', 'undefined', '{"a":1}{"b":2}', '\u0000', 'null', '"just a string"', '12345',
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"a":1e99999}',
    '{"a":' + '9'.repeat(400) + '}',
  ),
  fc.string({ maxLength: 200 }),
);

/** Raw bodies: JSON text, broken encodings (invalid UTF-8, UTF-16, a BOM), or random bytes. */
export function bodyBytes(jsonText: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 6, arbitrary: jsonText.map((text) => Buffer.from(text, 'utf8')) },
    { weight: 2, arbitrary: oddJsonText.map((text) => Buffer.from(text, 'utf8')) },
    { weight: 1, arbitrary: jsonText.map((text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])) },
    { weight: 1, arbitrary: jsonText.map((text) => Buffer.from(text, 'utf16le')) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom([0xff], [0xfe, 0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00])
        .map((bad) => Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bad), Buffer.from('"}')])),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
  );
}

/** A JSON body of `valid`'s shape, mutated, or anything else. */
export const shapedJsonText = (valid: Record<string, unknown>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(JSON.stringify(valid)) },
    { weight: 5, arbitrary: mutatedObject(valid).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: hostileJsonValue.map((v) => JSON.stringify(v) ?? 'null') },
  );

/** Content types, right and wrong. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string | null>(
      null, 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=utf-16', 'application/json; charset=latin1',
      'application/json; charset=nope', 'application/vnd.api+json', 'text/plain', 'text/html', 'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz', 'application/octet-stream', 'image/png', 'a/b/c;;;', '', '*/*', 'application/json, text/plain',
    ),
  },
);

/** Encodings that body parsers inflate, or refuse. */
export const contentEncoding: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip') },
);

const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split('');

/** Header values Node will send: tab, printable ASCII and latin-1 bytes (sent as raw, often invalid UTF-8, bytes). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '__proto__', 'null', '../../etc/passwd', 'ÿþ', 'Ã©') },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: HEADER_BUDGET - 500 }).map((n) => 'v'.repeat(n)) },
);

/** Headers that frame the message itself: changing them would test the client, not the app. */
const FRAMING = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'expect', 'upgrade', 'te', 'trailer', 'keep-alive', 'proxy-connection']);

/** Extra request headers: random names, repeats of real ones, long values, junk for the ones the app reads. */
export const extraHeaders: fc.Arbitrary<[string, string][]> = fc.array(
  fc.oneof(
    fc.tuple(fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 20 }).filter((name) => !FRAMING.has(name.toLowerCase())), headerValue),
    fc.tuple(
      fc.constantFrom('Accept', 'Accept-Language', 'Accept-Encoding', 'Cookie', 'X-Forwarded-For', 'X-Forwarded-Proto', 'X-Forwarded-Host', 'Origin', 'Referer', 'User-Agent', 'If-None-Match', 'Range', '__proto__', 'Content-Type', 'X-HTTP-Method-Override'),
      headerValue,
    ),
  ),
  { maxLength: 3 },
).filter((headers) => headers.reduce((size, [name, value]) => size + name.length + value.length + 4, 0) <= HEADER_BUDGET);

/** HTTP methods Node's parser knows (an unknown one is refused by Node itself before the app sees it). */
export const oddMethod = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'MKCOL', 'LOCK', 'SEARCH', 'PURGE', 'REPORT', 'MOVE', 'COPY');

/**
 * One path segment: encoded hostile text, or raw traversal and broken escapes exactly as written. Raw bytes
 * above 0x7F are not sent in a request line: Node's parser refuses them (400) before the app sees anything, so
 * they would test Node, not Tacto; they travel percent-encoded, invalid UTF-8 included.
 */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText.map((text) => encodeURIComponent(wellFormed(text))) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '..', '.', '%2e%2e', '%2E%2E%2F', '..%2f..%2f', '%', '%Z', '%ZZ', '%C3%28', '%F0%9F', '%FF', '%00', '%0d%0a', '%C3%A9', ';', ';x=1',
      '%2F', '', 'a%20b', '*', '~', '%u0041', '....', 'index.html', '.env', '.git', 'package.json',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 500, max: 3_000 }).map((n) => 'p'.repeat(n)) },
);

/** Up to `max` segments, joined, within the query budget. */
export const pathSegments = (max: number): fc.Arbitrary<string> =>
  fc.array(pathSegment, { minLength: 1, maxLength: max }).map((segments) => segments.join('/')).filter((path) => path.length <= QUERY_BUDGET / 2);

/** A query: repeated keys, prototype keys, bracket syntax, long and broken values, in the order given. */
export const queryPairs = (keys: string[]): fc.Arbitrary<[string, string][]> =>
  fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...keys) },
        { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'a[b]', 'a[]', '__proto__[x]', 'toString', '') },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      ),
      hostileText,
    ),
    { maxLength: 8 },
  ).filter((pairs) => renderQuery(pairs).length <= QUERY_BUDGET / 2);

/** Renders pairs as a query: properly encoded, or (`raw`) with broken escapes and raw bytes left in. */
export function renderQuery(pairs: [string, string][], raw: string[] = []): string {
  const encoded = pairs.map(([key, value]) => `${encodeURIComponent(wellFormed(key))}=${encodeURIComponent(wellFormed(value))}`);
  const all = [...encoded, ...raw];
  return all.length ? `?${all.join('&')}` : '';
}

/** Query fragments no encoder would produce: broken escapes, raw latin-1 bytes, separators only. */
export const rawQueryFragment = fc.constantFrom('%', 'a=%ZZ', 'a=%C3%28', 'a=%FF%FE', '%00=%00', '%FF=%FE', '&&&', '=', '==', 'a=b=c', 'a[b][c][d][e][f]=1', 'a[]=1&a[]=2', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', '+=+', `k=${'%41'.repeat(400)}`);
