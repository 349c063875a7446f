import sharp from 'sharp';

/** Shown at 80 px beside each complement; twice that for sharp screens. */
const SIZE = 160;
/** A product picture larger than this is not fetched: the CDN serves far smaller ones. */
const MAX_BYTES = 5_000_000;
const MAX_PIXELS = 24_000_000;
const FETCH_TIMEOUT_MS = 3_000;
/** Pictures kept in memory (a few KB each), so a day of mails fetches each product's picture about once. */
const CACHE_SIZE = 300;
/** A picture that could not be fetched is tried again after this long (a CDN hiccup is not forever). */
const RETRY_FAILED_AFTER_MS = 10 * 60_000;

export interface InlineImage {
  filename: string;
  contentType: 'image/jpeg';
  content: Buffer;
}

export type FetchImage = (url: URL, signal: AbortSignal) => Promise<Response>;

/**
 * Complements' pictures as small JPEGs to attach by Content-ID: the mail never loads anything remote (no image
 * doubles as a tracking pixel), so the picture is fetched once here, at send, from Shopify's CDN or the shop's own
 * storefront origin only (the product's URL comes from the store; nothing else is reached). A picture that cannot
 * be fetched or read leaves the complement without one: the mail still goes.
 */
export class ComplementImages {
  private readonly cache = new Map<string, { image: InlineImage | null; until: number }>();

  constructor(private readonly deps: { fetch?: FetchImage; extraOrigins?: (shop: string) => readonly string[]; clock?: () => number } = {}) {}

  async of(shop: string, storefrontUrl: string, imageUrl: string | null): Promise<InlineImage | null> {
    if (!imageUrl) return null;
    const url = allowedImageUrl(imageUrl, storefrontUrl, this.deps.extraOrigins?.(shop) ?? []);
    if (!url) return null;
    const key = url.toString();
    const now = (this.deps.clock ?? Date.now)();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.image;
    const image = await this.load(url).catch(() => null);
    this.cache.delete(key);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { image, until: image ? Infinity : now + RETRY_FAILED_AFTER_MS });
    return image;
  }

  private async load(url: URL): Promise<InlineImage | null> {
    const response = await (this.deps.fetch ?? ((u, signal) => fetch(u, { signal, redirect: 'error' })))(url, AbortSignal.timeout(FETCH_TIMEOUT_MS));
    if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_BYTES) return null;
    const content = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', pages: 1 })
      .resize(SIZE, SIZE, { fit: 'cover' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    return { filename: 'product.jpg', contentType: 'image/jpeg', content };
  }
}

/**
 * The picture's URL when it may be fetched: http(s) on Shopify's CDN, the storefront's origin (a relative URL is
 * read against it) or an origin the app routes the shop to (SHOP_ORIGINS, the sandbox); null otherwise.
 */
export function allowedImageUrl(imageUrl: string, storefrontUrl: string, extraOrigins: readonly string[]): URL | null {
  let url: URL;
  try {
    url = new URL(imageUrl, storefrontUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const origins = new Set([new URL(storefrontUrl).origin, ...extraOrigins]);
  if (url.origin === 'https://cdn.shopify.com' || origins.has(url.origin)) return url;
  return null;
}
