import { escapeHtml } from '../html-escape.ts';
import type { Liquid } from 'liquidjs';
import { translate, type LocaleFiles } from './translations.ts';

/** What differs between the theme's Liquid and the extension's: where `t` and `asset_url` look. */
export interface FilterSources {
  /** Storefront locale files read on each render, so edits show at once. */
  translations: () => LocaleFiles;
  /** URL folder that `asset_url` points into, e.g. `/cdn/extensions/tacto/assets`. */
  assetBase: string;
}

/** The Shopify filters Tacto's blocks and the sandbox theme use, with Shopify's output shapes. */
export function registerShopifyFilters(engine: Liquid, sources: FilterSources): void {
  const pageLocale = (scope: { getSync(path: string[]): unknown }): string =>
    String(scope.getSync(['request', 'locale', 'iso_code']) ?? 'en');

  // `'key' | t: name: value`: the page's locale, then the default; escaped unless the key ends in `_html`, as on
  // Shopify. A missing key prints what Shopify prints, so a gap is visible in the preview.
  engine.registerFilter('t', function (this: { context: { getSync(path: string[]): unknown } }, key: unknown, ...args: unknown[]) {
    const locale = pageLocale(this.context);
    const text = translate(sources.translations(), locale, String(key), namedArguments(args));
    if (text === null) return `translation missing: ${locale}.${String(key)}`;
    return String(key).endsWith('_html') ? text : escapeHtml(text);
  });

  engine.registerFilter('asset_url', (file: unknown) => `${sources.assetBase}/${encodeURIComponent(String(file))}`);
  engine.registerFilter('stylesheet_tag', (url: unknown) => `<link href="${escapeHtml(String(url))}" rel="stylesheet" type="text/css" media="all" />`);
  engine.registerFilter('script_tag', (url: unknown) => `<script src="${escapeHtml(String(url))}" type="text/javascript"></script>`);

  // Prices are in cents in Shopify's Liquid objects; the shop's currency, the page's language.
  engine.registerFilter('money', function (this: { context: { getSync(path: string[]): unknown } }, cents: unknown) {
    const currency = String(this.context.getSync(['shop', 'currency']) ?? 'USD');
    const amount = Number(cents ?? 0) / 100;
    return new Intl.NumberFormat(pageLocale(this.context), { style: 'currency', currency }).format(amount);
  });

  // Product pictures live at `/images/<handle>.svg` in the sandbox; the size arguments are accepted and ignored.
  engine.registerFilter('image_url', (image: unknown, ...args: unknown[]) => {
    const src = imageSource(image);
    const width = namedArguments(args).width;
    return src && width ? `${src}?width=${encodeURIComponent(String(width))}` : src;
  });
  engine.registerFilter('img_url', (image: unknown) => imageSource(image));

  // Shopify's `json` is safe inside <script>: no raw `<`, `>` or `&`.
  engine.registerFilter('json', (value: unknown) =>
    JSON.stringify(value ?? null).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** liquidjs hands `name: value` arguments to a filter as `[name, value]` pairs. */
function namedArguments(args: unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const arg of args) {
    if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') named[arg[0]] = arg[1];
  }
  return named;
}

function imageSource(image: unknown): string {
  if (typeof image === 'string') return image;
  if (image && typeof image === 'object') {
    const record = image as { src?: unknown; featured_image?: { src?: unknown } };
    if (typeof record.src === 'string') return record.src;
    if (typeof record.featured_image?.src === 'string') return record.featured_image.src;
  }
  return '';
}

export { escapeHtml };
