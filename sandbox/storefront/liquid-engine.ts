import { Liquid } from 'liquidjs';
import { SchemaTag } from './schema-tag.ts';
import { registerShopifyFilters, type FilterSources } from './shopify-filters.ts';

/**
 * A Liquid engine that behaves like Shopify's for one file tree: `{% render %}` looks in `partialsDir`, unknown
 * variables are nil, output is not auto-escaped, and `{% schema %}` prints nothing. The theme and the extension each
 * get their own, because `t` and `asset_url` read different folders, as on Shopify.
 */
export function createShopifyLiquid(options: FilterSources & { root: string; partialsDir: string }): Liquid {
  const engine = new Liquid({
    root: [options.root],
    partials: [options.partialsDir],
    extname: '.liquid',
    cache: false,
    strictFilters: true,
  });
  engine.registerTag('schema', SchemaTag);
  registerShopifyFilters(engine, options);
  return engine;
}
