import { createHash } from 'node:crypto';
import { parseGid, toGid } from '../../store/gid.ts';
import type { SandboxCollection, SandboxProduct } from '../../store/types.ts';
import { STOREFRONT_LOCALES, storefrontLanguages } from '../../storefront/locale.ts';
import { invalidGlobalId } from '../graphql/errors.ts';
import { requireScope } from './access.ts';
import { connectionOf, sortedList, type ConnectionArgs } from './connection.ts';
import type { AdminContext } from './context.ts';
import type { Resolvers } from './resolver-types.ts';

/** A product or collection seen as Shopify's `TranslatableResource`. */
type Translatable = { type: 'Product'; record: SandboxProduct } | { type: 'Collection'; record: SandboxCollection };

const RESOURCE_TYPES: Record<string, Translatable['type']> = { PRODUCT: 'Product', COLLECTION: 'Collection' };

/**
 * The fields a merchant can translate, in Shopify's keys: `title`, `handle` (the URL in that language) and, for a
 * product, `body_html`. Each entry: its key, its content type and the record's own value.
 */
function translatableFields(resource: Translatable): { key: string; type: string; value: string }[] {
  const fields = [
    { key: 'title', type: 'SINGLE_LINE_TEXT_FIELD', value: resource.record.title },
    { key: 'handle', type: 'URI', value: resource.record.handle },
  ];
  if (resource.type === 'Product') fields.push({ key: 'body_html', type: 'HTML', value: resource.record.description });
  return fields;
}

/**
 * Shopify's `Translation` list of a product or collection in `locale`: one entry per translated key (none when the
 * record has no translation there). Shared by `Product.translations` and `TranslatableResource.translations`.
 */
export function translationsOf(record: SandboxProduct | SandboxCollection, locale: string) {
  const translation = record.translations[locale] as { title: string; handle?: string; description?: string } | undefined;
  if (!translation) return [];
  const entries = [{ key: 'title', value: translation.title }];
  if (translation.handle !== undefined) entries.push({ key: 'handle', value: translation.handle });
  if (translation.description !== undefined) entries.push({ key: 'body_html', value: translation.description });
  return entries.map((entry) => ({ ...entry, locale, outdated: false, updatedAt: null }));
}

function resourceOf(ctx: AdminContext, gid: string): Translatable | null {
  const parsed = parseGid(gid);
  if (!parsed) throw invalidGlobalId(gid);
  if (parsed.type === 'Product') {
    const record = ctx.store.products.get(parsed.id);
    return record ? { type: 'Product', record } : null;
  }
  if (parsed.type === 'Collection') {
    const record = ctx.store.collections.get(parsed.id);
    return record ? { type: 'Collection', record } : null;
  }
  return null;
}

const byId = (resources: Iterable<Translatable>) => sortedList(resources, (resource) => ({ id: resource.record.id, value: resource.record.id }));

export const translationQueryResolvers: Resolvers<unknown> = {
  // The sandbox publishes the storefront's three languages; the shop's primary locale is the primary one.
  shopLocales: (_root, args: { published: boolean }, ctx: AdminContext) => {
    requireScope(ctx, 'shopLocales', 'read_locales');
    const primary = ctx.store.shop.primaryLocale;
    const languages = storefrontLanguages(primary);
    const locales = STOREFRONT_LOCALES.includes(primary) ? languages : [...languages, { iso_code: primary, name: primary, primary: true }];
    void args.published; // Every sandbox locale is published: the filter changes nothing.
    return locales.map((language) => ({ locale: language.iso_code, name: language.name, primary: language.primary, published: true }));
  },
  translatableResource: (_root, args: { resourceId: string }, ctx: AdminContext) => {
    requireScope(ctx, 'translatableResource', 'read_translations');
    return resourceOf(ctx, args.resourceId);
  },
  translatableResources: (_root, args: ConnectionArgs & { resourceType: string }, ctx: AdminContext, info) => {
    requireScope(ctx, 'translatableResources', 'read_translations');
    const type = RESOURCE_TYPES[args.resourceType];
    const resources: Translatable[] =
      type === 'Product'
        ? [...ctx.store.products.values()].map((record) => ({ type, record }))
        : type === 'Collection'
          ? [...ctx.store.collections.values()].map((record) => ({ type, record }))
          : [];
    return connectionOf(byId(resources), args, ctx, info);
  },
  translatableResourcesByIds: (_root, args: ConnectionArgs & { resourceIds: string[] }, ctx: AdminContext, info) => {
    requireScope(ctx, 'translatableResourcesByIds', 'read_translations');
    const found = args.resourceIds.flatMap((id) => resourceOf(ctx, id) ?? []);
    return connectionOf(byId(found), args, ctx, info);
  },
};

export const translatableResourceResolvers: Resolvers<Translatable> = {
  resourceId: (resource) => toGid(resource.type, resource.record.id),
  translatableContent: (resource, _args, ctx) =>
    translatableFields(resource).map((field) => ({
      ...field,
      locale: ctx.store.shop.primaryLocale,
      // Shopify's digest is a SHA-256 of the original value: translationsRegister must quote it.
      digest: createHash('sha256').update(field.value).digest('hex'),
    })),
  translations: (resource, args: { locale: string; outdated?: boolean | null }) => {
    const entries = translationsOf(resource.record, args.locale);
    // Nothing in the sandbox is outdated: asking for outdated translations only finds none.
    return args.outdated === true ? [] : entries;
  },
};
