import { toGid } from '../store/gid.ts';
import type { SandboxCollection, SandboxShop } from '../store/types.ts';
import { shopTime } from './payload-format.ts';

/**
 * The REST collection resource of collections/create and collections/update, with the keys of shopify.dev's
 * sample payloads (2026-07). It lists no products: an app that follows membership reads it through the Admin API.
 */
export function collectionPayload(collection: SandboxCollection, shop: SandboxShop) {
  return {
    id: collection.id,
    handle: collection.handle,
    title: collection.title,
    updated_at: shopTime(collection.updatedAt, shop),
    // The sandbox keeps no collection description.
    body_html: '',
    published_at: shopTime(collection.publishedAt, shop),
    sort_order: 'best-selling',
    template_suffix: null,
    published_scope: 'web',
    admin_graphql_api_id: toGid('Collection', collection.id),
  };
}

/** collections/delete: the id, its gid and the publication scope, nothing else. */
export function collectionDeletePayload(collectionId: number) {
  return { id: collectionId, published_scope: 'web', admin_graphql_api_id: toGid('Collection', collectionId) };
}
