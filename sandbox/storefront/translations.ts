import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type TranslationTree = { [key: string]: string | TranslationTree };

/** One Shopify `locales/` folder: storefront files (`es.json`) or schema files (`es.schema.json`). */
export interface LocaleFiles {
  defaultLocale: string;
  byLocale: Map<string, TranslationTree>;
}

/**
 * Reads a Shopify locales folder. The default locale is the one whose file is named `<locale>.default[.schema].json`.
 * Read on each call, so edits to the extension show on the next page load.
 */
export function readLocaleFolder(dir: string, kind: 'storefront' | 'schema'): LocaleFiles {
  const suffix = kind === 'schema' ? '.schema.json' : '.json';
  const byLocale = new Map<string, TranslationTree>();
  let defaultLocale: string | null = null;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(suffix) || (kind === 'storefront' && file.endsWith('.schema.json'))) continue;
    let locale = file.slice(0, -suffix.length);
    if (locale.endsWith('.default')) {
      locale = locale.slice(0, -'.default'.length);
      defaultLocale = locale;
    }
    byLocale.set(locale, JSON.parse(readFileSync(join(dir, file), 'utf8')) as TranslationTree);
  }
  if (!defaultLocale) throw new Error(`${dir} has no <locale>.default${suffix} file`);
  return { defaultLocale, byLocale };
}

/**
 * Pure: the translation of `key` in `locale`, falling back to the default locale as Shopify does, with `{{ name }}`
 * interpolated and `count` choosing a plural form (`one`/`other`). Null when no file has the key.
 */
export function translate(files: LocaleFiles, locale: string, key: string, vars: Record<string, unknown> = {}): string | null {
  for (const candidate of [locale, files.defaultLocale]) {
    const tree = files.byLocale.get(candidate);
    const found = tree ? lookup(tree, key) : undefined;
    const text = typeof found === 'object' ? pluralForm(found, vars.count) : found;
    if (typeof text === 'string') return interpolate(text, vars);
  }
  return null;
}

function lookup(tree: TranslationTree, key: string): string | TranslationTree | undefined {
  let node: string | TranslationTree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

function pluralForm(forms: TranslationTree, count: unknown): string | undefined {
  if (typeof count !== 'number') return undefined;
  const form = count === 0 && typeof forms.zero === 'string' ? forms.zero : count === 1 ? forms.one : forms.other;
  return typeof form === 'string' ? form : undefined;
}

function interpolate(text: string, vars: Record<string, unknown>): string {
  return text.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
