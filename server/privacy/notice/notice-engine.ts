import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Liquid, Tag, TypeGuards, type TagToken, type TopLevelToken } from 'liquidjs';
import { cachedStorefrontLocales, translate, type LocaleFiles } from '../../i18n/storefront-locales.ts';
import { escapeHtml } from '../../text/escape-html.ts';

/** The theme app extension shoppers get: its blocks, snippets, locales and assets. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../extensions/tacto');

/** `{% schema %}…{% endschema %}`: read by Shopify for the theme editor; prints nothing on a page. */
class SchemaTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    for (let next = remainTokens.shift(); next; next = remainTokens.shift()) {
      if (TypeGuards.isTagToken(next) && next.name === 'endschema') return;
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }

  render(): void {}
}


/** liquidjs hands `name: value` arguments to a filter as `[name, value]` pairs. */
function namedArguments(args: unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const arg of args) if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') named[arg[0]] = arg[1];
  return named;
}

type FilterThis = { context: { getSync(path: string[]): unknown } };

/**
 * A Liquid engine for the extension's own files, behaving as Shopify's does for them: `t` reads the extension's
 * locale files in the page's language (`request.locale.iso_code`) and escapes unless the key ends in `_html`,
 * `{% render %}` reads `snippets/`, and `{% schema %}` prints nothing. Whatever Liquid the blocks gain later that
 * the admin cannot know (an object Shopify fills on a real page, a filter only Shopify has) renders as nil or
 * passes its input through, rather than failing: the admin shows the notice, never an error about it.
 * Stylesheets and scripts are not linked: the admin's preview inlines tacto.css itself and runs no script.
 */
export function createNoticeEngine(extensionDir = EXTENSION_DIR): { engine: Liquid; locales: () => LocaleFiles } {
  // Parsed once while the files stay the same; an edited file still shows at once in the admin's preview.
  const locales = () => cachedStorefrontLocales(join(extensionDir, 'locales'));
  const engine = new Liquid({
    root: [join(extensionDir, 'blocks')],
    partials: [join(extensionDir, 'snippets')],
    extname: '.liquid',
    cache: false,
    strictFilters: false,
    strictVariables: false,
  });
  engine.registerTag('schema', SchemaTag);
  engine.registerFilter('t', function (this: FilterThis, key: unknown, ...args: unknown[]) {
    const locale = String(this.context.getSync(['request', 'locale', 'iso_code']) ?? 'en');
    const text = translate(locales(), locale, String(key), namedArguments(args));
    // What Shopify prints for a missing key: a gap shows in the preview instead of hiding.
    if (text === null) return `translation missing: ${locale}.${String(key)}`;
    return String(key).endsWith('_html') ? text : escapeHtml(text);
  });
  engine.registerFilter('asset_url', (file: unknown) => String(file));
  engine.registerFilter('stylesheet_tag', () => '');
  engine.registerFilter('script_tag', () => '');
  return { engine, locales };
}

/** Renders `blocks/<name>.liquid` with the page's Liquid objects, as Shopify does for an app embed. */
export async function renderBlock(engine: Liquid, extensionDir: string, name: string, scope: Record<string, unknown>): Promise<string> {
  const file = join(extensionDir, 'blocks', `${name}.liquid`);
  const templates = engine.parse(readFileSync(file, 'utf8'), file);
  return (await engine.render(templates, scope)) as string;
}
