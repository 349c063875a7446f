import { Drop } from 'liquidjs';
import type { SandboxCollection, SandboxCustomer, SandboxProduct, SandboxShop } from '../store/types.ts';
import { handleIn } from '../store/product-handles.ts';
import { countryObject, storefrontCountries } from './country.ts';
import { storefrontLanguages, type StorefrontLanguage } from './locale.ts';

/**
 * Pure: Shopify's Liquid objects built from sandbox records, holding only what the storefront shows. Prices are in
 * cents, as in Shopify's Liquid. The customer object deliberately carries no email, phone or address: nothing on
 * these pages needs them, and Tacto's blocks must not read them.
 */

export interface ProductObject {
  id: number;
  title: string;
  handle: string;
  url: string;
  description: string;
  vendor: string;
  type: string;
  price: number;
  available: boolean;
  featured_image: { src: string; alt: string; width: number; height: number } | null;
  variants: VariantObject[];
  selected_or_first_available_variant: VariantObject | null;
  has_only_default_variant: boolean;
}

export interface VariantObject {
  id: number;
  title: string;
  price: number;
  available: boolean;
}

export function toCents(price: string): number {
  return Math.round(Number(price) * 100);
}

/** The product as a shopper in `locale` sees it: titles from Translate & Adapt's translations when present. */
export function productObject(product: SandboxProduct, locale: string): ProductObject {
  const translated = product.translations[locale];
  const variants = product.variants.map((variant) => ({
    id: variant.id,
    title: variant.title,
    price: toCents(variant.price),
    available: variant.availableForSale && variant.inventoryQuantity > 0,
  }));
  return {
    id: product.id,
    title: translated?.title ?? product.title,
    // Shopify's `product.handle` and `url` are the page language's: the translated handle where there is one.
    handle: handleIn(product, locale),
    url: `/products/${handleIn(product, locale)}`,
    description: translated?.description ?? product.description,
    vendor: product.vendor,
    type: product.productType,
    price: Math.min(...variants.map((variant) => variant.price)),
    available: variants.some((variant) => variant.available),
    featured_image: product.imageUrl
      ? { src: product.imageUrl, alt: translated?.title ?? product.imageAlt, width: 400, height: 400 }
      : null,
    variants,
    selected_or_first_available_variant: variants.find((variant) => variant.available) ?? variants[0] ?? null,
    has_only_default_variant: variants.length === 1 && variants[0]?.title === 'Default Title',
  };
}

export interface CollectionObject {
  id: number;
  title: string;
  handle: string;
  url: string;
  products_count: number;
}

/** The collection as a shopper in `locale` sees it: its title from Translate & Adapt's translations when present. */
export function collectionObject(collection: SandboxCollection, products: readonly SandboxProduct[], locale: string): CollectionObject {
  return {
    id: collection.id,
    title: collection.translations[locale]?.title ?? collection.title,
    handle: collection.handle,
    url: `/collections/${collection.handle}`,
    products_count: products.filter((p) => p.status === 'ACTIVE' && p.collectionIds.includes(collection.id)).length,
  };
}

/**
 * Shopify's `collections` global: every collection on the online store, in the page's language. Like Shopify's it
 * can be iterated (`{% for collection in collections %}`) and read by handle (`collections['winter']`,
 * `collections.winter`); `size` counts them and `first` is the first.
 */
export class CollectionsDrop extends Drop implements Iterable<CollectionObject> {
  private readonly byHandle: Map<string, CollectionObject>;

  constructor(collections: readonly CollectionObject[]) {
    super();
    this.byHandle = new Map(collections.map((collection) => [collection.handle, collection]));
  }

  get size(): number {
    return this.byHandle.size;
  }

  get first(): CollectionObject | undefined {
    return this.byHandle.values().next().value;
  }

  [Symbol.iterator](): Iterator<CollectionObject> {
    return this.byHandle.values();
  }

  override liquidMethodMissing(handle: unknown): CollectionObject | undefined {
    return typeof handle === 'string' ? this.byHandle.get(handle) : undefined;
  }
}

export function customerObject(customer: SandboxCustomer | null): { id: number; first_name: string } | null {
  return customer ? { id: customer.id, first_name: customer.firstName } : null;
}

export function shopObject(shop: SandboxShop) {
  return {
    name: shop.name,
    permanent_domain: shop.myshopifyDomain,
    currency: shop.currencyCode,
    locale: shop.primaryLocale,
  };
}

/** `request` and `localization` for a page: Shopify's names for the page's type, path, language and country. */
export function requestObjects(input: { locale: string; primaryLocale: string; pageType: string; path: string; host: string; country: string }) {
  const languages = storefrontLanguages(input.primaryLocale);
  const language = languages.find((entry) => entry.iso_code === input.locale) as StorefrontLanguage;
  return {
    request: {
      locale: language,
      page_type: input.pageType,
      path: input.path,
      host: input.host,
      design_mode: false,
      visual_preview_mode: false,
    },
    localization: { language, available_languages: languages, country: countryObject(input.country), available_countries: storefrontCountries() },
  };
}

/** `template`: Shopify splits `customers/login` into a directory and a name. */
export function templateObject(pageType: string) {
  const [directory, name] = pageType.includes('/') ? pageType.split('/') : [null, pageType];
  return { name, directory, suffix: null };
}
