import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../extensions/tacto');
export const LOCALES = ['en.default', 'es', 'pt-BR'] as const;

export type Tree = { [key: string]: string | Tree };

export function readJson(relativePath: string): Tree {
  return JSON.parse(readFileSync(join(EXTENSION_DIR, relativePath), 'utf8')) as Tree;
}

/** Every Liquid file of the extension (blocks and snippets), by relative path. */
export function liquidFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['blocks', 'snippets']) {
    for (const name of readdirSync(join(EXTENSION_DIR, folder)).filter((file) => file.endsWith('.liquid'))) {
      files.set(`${folder}/${name}`, readFileSync(join(EXTENSION_DIR, folder, name), 'utf8'));
    }
  }
  return files;
}

/** The keys a Liquid source translates with `'key' | t` (or `| translate`). */
export function translationKeys(source: string): string[] {
  return [...source.matchAll(/(['"])([\w.-]+)\1\s*\|\s*(?:t|translate)\b/g)].map((match) => match[2]!);
}

/** The parsed `{% schema %}` of a block. */
export function blockSchema(source: string): unknown {
  const json = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source)?.[1];
  if (json === undefined) throw new Error('block has no schema');
  return JSON.parse(json);
}

/** Every `t:` reference inside a schema, without the prefix. */
export function schemaTranslationKeys(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('t:') ? [value.slice(2)] : [];
  if (Array.isArray(value)) return value.flatMap(schemaTranslationKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(schemaTranslationKeys);
  return [];
}

export function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

/** Every leaf key of a locale file, dotted. */
export function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}
