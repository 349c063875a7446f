import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Liquid } from 'liquidjs';
import { SchemaTag, type BlockSchema } from './schema-tag.ts';
import { readLocaleFolder, translate, type LocaleFiles } from './translations.ts';

/**
 * Pure: `block.settings` as Shopify fills them for a block the merchant added and left as it came: each setting's
 * schema default, with `t:` defaults read from the schema locale files in the page's language.
 */
export function defaultSettings(schema: BlockSchema, schemaLocales: LocaleFiles, locale: string): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const setting of schema.settings ?? []) {
    if (!setting.id) continue;
    const value = setting.default ?? (setting.type === 'checkbox' ? false : null);
    settings[setting.id] =
      typeof value === 'string' && value.startsWith('t:') ? (translate(schemaLocales, locale, value.slice(2)) ?? value) : value;
  }
  return settings;
}

/**
 * Renders one of the extension's blocks (`blocks/<name>.liquid`) into a page, as Shopify does for an app block or
 * an enabled app embed: with the page's objects plus `block` and `app`. A block whose `enabled_on` excludes the
 * page's template renders nothing, since Shopify would not let a merchant place it there.
 */
export async function renderAppBlock(input: {
  engine: Liquid;
  extensionDir: string;
  name: string;
  id: string;
  locale: string;
  templateName: string;
  scope: Record<string, unknown>;
}): Promise<string> {
  const file = join(input.extensionDir, 'blocks', `${input.name}.liquid`);
  const templates = input.engine.parse(readFileSync(file, 'utf8'), file);
  const schemaTag = templates.find((template): template is SchemaTag => template instanceof SchemaTag);
  if (!schemaTag) throw new Error(`${file} has no {% schema %}: Shopify rejects such a block`);
  const schema = schemaTag.schema;
  const allowed = schema.enabled_on?.templates;
  if (allowed && !allowed.includes('*') && !allowed.includes(input.templateName)) return '';
  const schemaLocales = readLocaleFolder(join(input.extensionDir, 'locales'), 'schema');
  const block = {
    id: input.id,
    type: `shopify://apps/tacto/blocks/${input.name}/sandbox`,
    settings: defaultSettings(schema, schemaLocales, input.locale),
    // Empty outside the theme editor, as on a live storefront.
    shopify_attributes: '',
  };
  return input.engine.render(templates, { ...input.scope, block, app: { metafields: {} } });
}
