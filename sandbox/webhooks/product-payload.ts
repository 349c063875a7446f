import { toGid } from '../store/gid.ts';
import type { SandboxProduct, SandboxShop } from '../store/types.ts';
import { lower, shopTime } from './payload-format.ts';

/**
 * The REST product resource of products/create and products/update. Keys follow the products/update sample
 * payload of shopify.dev's webhook reference (2026-07); `category` (sent since 2024-10) is
 * `{admin_graphql_api_id, name, full_name}` or null. Tags travel as one comma-and-space separated string.
 */
export function productPayload(product: SandboxProduct, shop: SandboxShop) {
  const createdAt = shopTime(product.createdAt, shop);
  const updatedAt = shopTime(product.updatedAt, shop);
  // The store keeps no image or option ids; these are stable and unique per product.
  const imageId = product.id * 10 + 2;
  const optionId = product.id * 10 + 3;
  const image = product.imageUrl
    ? {
        id: imageId,
        alt: product.imageAlt || null,
        position: 1,
        product_id: product.id,
        created_at: createdAt,
        updated_at: updatedAt,
        admin_graphql_api_id: toGid('ProductImage', imageId),
        width: 400,
        height: 400,
        src: product.imageUrl,
        variant_ids: [],
      }
    : null;
  return {
    admin_graphql_api_id: toGid('Product', product.id),
    body_html: product.description,
    created_at: createdAt,
    handle: product.handle,
    id: product.id,
    product_type: product.productType,
    published_at: product.status === 'ACTIVE' ? createdAt : null,
    template_suffix: null,
    title: product.title,
    updated_at: updatedAt,
    vendor: product.vendor,
    status: lower(product.status),
    published_scope: 'web',
    tags: product.tags.join(', '),
    variants: product.variants.map((variant, index) => ({
      admin_graphql_api_id: toGid('ProductVariant', variant.id),
      barcode: null,
      compare_at_price: null,
      created_at: createdAt,
      id: variant.id,
      inventory_policy: 'deny',
      position: index + 1,
      price: variant.price,
      product_id: product.id,
      sku: variant.sku || null,
      taxable: true,
      title: variant.title,
      updated_at: updatedAt,
      option1: variant.title,
      option2: null,
      option3: null,
      image_id: null,
      inventory_item_id: null,
      inventory_quantity: variant.inventoryQuantity,
      old_inventory_quantity: variant.inventoryQuantity,
    })),
    options: [
      {
        id: optionId,
        product_id: product.id,
        name: 'Title',
        position: 1,
        values: product.variants.map((variant) => variant.title),
      },
    ],
    images: image ? [image] : [],
    image,
    media: [],
    variant_gids: product.variants.map((variant) => ({
      admin_graphql_api_id: toGid('ProductVariant', variant.id),
      updated_at: product.updatedAt, // UTC with milliseconds in Shopify's sample, unlike the other times
    })),
    has_variants_that_requires_components: false,
    category: product.category
      ? {
          admin_graphql_api_id: toGid('TaxonomyCategory', product.category.id),
          name: product.category.name,
          full_name: product.category.fullName,
        }
      : null,
  };
}

/** products/delete carries only the id. */
export function productDeletePayload(productId: number) {
  return { id: productId };
}
