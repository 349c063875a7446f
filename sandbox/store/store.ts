import { matchesRuleSet } from './smart-collections.ts';
import { SandboxTheme } from './theme.ts';
import type {
  CollectionRuleSet,
  EmailMarketingConsent,
  SandboxCollection,
  SandboxCustomer,
  SandboxOrder,
  SandboxProduct,
  SandboxShop,
} from './types.ts';

/** A change in the store that Shopify would announce with a webhook. */
export type StoreChange =
  | { topic: 'orders/create' | 'orders/updated' | 'orders/cancelled' | 'orders/fulfilled'; order: SandboxOrder }
  | { topic: 'refunds/create'; order: SandboxOrder; refundId: number }
  | { topic: 'products/create' | 'products/update'; product: SandboxProduct }
  | { topic: 'products/delete'; productId: number }
  | { topic: 'collections/create' | 'collections/update'; collection: SandboxCollection }
  | { topic: 'collections/delete'; collectionId: number }
  | { topic: 'customers_email_marketing_consent/update'; customer: SandboxCustomer };

type NewProduct = Omit<SandboxProduct, 'id' | 'createdAt' | 'updatedAt' | 'variants'> & {
  variants: Omit<SandboxProduct['variants'][number], 'id'>[];
  createdAt?: string;
};
type NewCollection = Pick<SandboxCollection, 'title' | 'handle'> & {
  translations?: SandboxCollection['translations'];
  /** Rules make a smart collection; without them the collection is custom and starts with `productIds`. */
  ruleSet?: CollectionRuleSet | null;
  productIds?: number[];
};
type NewCustomer = Omit<SandboxCustomer, 'id' | 'createdAt' | 'updatedAt'> & { createdAt?: string };
type NewOrder = Omit<
  SandboxOrder,
  'id' | 'name' | 'updatedAt' | 'processedAt' | 'lineItems' | 'refunds' | 'fulfillments' | 'cancelledAt' | 'cancelReason'
> & {
  lineItems: Omit<SandboxOrder['lineItems'][number], 'id'>[];
  processedAt?: string;
};

/**
 * In-memory records of one sandbox shop. Every mutation stamps `updatedAt` and reports a StoreChange,
 * which the sandbox turns into signed webhooks, as Shopify does.
 */
export class SandboxStore {
  readonly products = new Map<number, SandboxProduct>();
  readonly collections = new Map<number, SandboxCollection>();
  readonly customers = new Map<number, SandboxCustomer>();
  readonly orders = new Map<number, SandboxOrder>();
  /** The live theme: which of the app's embeds and blocks the storefront shows. */
  readonly theme = new SandboxTheme('demo');
  private nextId = 1_000_001;
  private nextOrderNumber = 1001;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  /** Clock used for timestamps; tests and loaders may replace it. */
  now: () => Date = () => new Date();

  constructor(readonly shop: SandboxShop) {}

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private id(): number {
    return this.nextId++;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /**
   * Announced as collections/create. A smart collection takes in every product its rules match at once; a custom
   * one starts with `productIds`.
   */
  addCollection(input: NewCollection): SandboxCollection {
    const at = this.stamp();
    const collection: SandboxCollection = {
      title: input.title,
      translations: input.translations ?? {},
      handle: input.handle,
      ruleSet: input.ruleSet ?? null,
      id: this.id(),
      publishedAt: at,
      updatedAt: at,
    };
    if (collection.ruleSet && input.productIds?.length) throw new Error('A smart collection takes its products from its rules');
    this.collections.set(collection.id, collection);
    if (collection.ruleSet) this.refreshSmartMembers(collection);
    else this.join(collection.id, input.productIds ?? []);
    this.emit({ topic: 'collections/create', collection });
    return collection;
  }

  /** Title, handle or (smart collections) rules; announced as collections/update, as every membership change is. */
  updateCollection(id: number, patch: Partial<Pick<SandboxCollection, 'title' | 'handle' | 'ruleSet'>>): SandboxCollection {
    const collection = this.require(this.collections, id, 'collection');
    if (patch.ruleSet !== undefined && (patch.ruleSet === null) !== (collection.ruleSet === null)) {
      throw new Error('A collection stays custom or smart: Shopify cannot switch it');
    }
    Object.assign(collection, patch, { updatedAt: this.stamp() });
    if (collection.ruleSet) this.refreshSmartMembers(collection);
    this.emit({ topic: 'collections/update', collection });
    return collection;
  }

  /** Products join a custom collection from the collection's side: Shopify announces collections/update only. */
  addProductsToCollection(id: number, productIds: number[]): SandboxCollection {
    const collection = this.requireCustom(id);
    for (const productId of productIds) this.require(this.products, productId, 'product');
    this.join(id, productIds);
    collection.updatedAt = this.stamp();
    this.emit({ topic: 'collections/update', collection });
    return collection;
  }

  /** Products leave a custom collection from the collection's side: collections/update only. */
  removeProductsFromCollection(id: number, productIds: number[]): SandboxCollection {
    const collection = this.requireCustom(id);
    const leaving = new Set(productIds);
    for (const product of this.products.values()) {
      if (leaving.has(product.id)) product.collectionIds = product.collectionIds.filter((c) => c !== id);
    }
    collection.updatedAt = this.stamp();
    this.emit({ topic: 'collections/update', collection });
    return collection;
  }

  /** Its products stay, outside it; announced as collections/delete (with the id only). */
  deleteCollection(id: number): void {
    this.require(this.collections, id, 'collection');
    this.collections.delete(id);
    for (const product of this.products.values()) {
      if (product.collectionIds.includes(id)) product.collectionIds = product.collectionIds.filter((c) => c !== id);
    }
    this.emit({ topic: 'collections/delete', collectionId: id });
  }

  /** `collectionIds` names custom collections; smart ones are decided by their rules. */
  addProduct(input: NewProduct): SandboxProduct {
    const at = input.createdAt ?? this.stamp();
    const product: SandboxProduct = {
      ...input,
      id: this.id(),
      variants: input.variants.map((variant) => ({ ...variant, id: this.id() })),
      createdAt: at,
      updatedAt: at,
    };
    this.placeInSmartCollections(product);
    this.products.set(product.id, product);
    this.emit({ topic: 'products/create', product });
    return product;
  }

  /**
   * Announced as products/update, also when only its collections change (from the product's side, or a tag that
   * moves it in or out of a smart collection): Shopify sends no collections/update then.
   */
  updateProduct(id: number, patch: Partial<Omit<SandboxProduct, 'id' | 'createdAt'>>): SandboxProduct {
    const product = this.require(this.products, id, 'product');
    Object.assign(product, patch, { updatedAt: this.stamp() });
    this.placeInSmartCollections(product);
    this.emit({ topic: 'products/update', product });
    return product;
  }

  deleteProduct(id: number): void {
    this.require(this.products, id, 'product');
    this.products.delete(id);
    this.emit({ topic: 'products/delete', productId: id });
  }

  private join(collectionId: number, productIds: number[]): void {
    for (const productId of productIds) {
      const product = this.products.get(productId);
      if (product && !product.collectionIds.includes(collectionId)) product.collectionIds = [...product.collectionIds, collectionId];
    }
  }

  /** The product's custom collections as they are, its smart ones as their rules say now. */
  private placeInSmartCollections(product: SandboxProduct): void {
    const custom = product.collectionIds.filter((id) => !this.collections.get(id)?.ruleSet);
    const smart = [...this.collections.values()].filter((c) => c.ruleSet && matchesRuleSet(product, c.ruleSet)).map((c) => c.id);
    product.collectionIds = [...custom, ...smart];
  }

  private refreshSmartMembers(collection: SandboxCollection): void {
    for (const product of this.products.values()) {
      const member = collection.ruleSet !== null && matchesRuleSet(product, collection.ruleSet);
      const listed = product.collectionIds.includes(collection.id);
      if (member && !listed) product.collectionIds = [...product.collectionIds, collection.id];
      if (!member && listed) product.collectionIds = product.collectionIds.filter((id) => id !== collection.id);
    }
  }

  private requireCustom(id: number): SandboxCollection {
    const collection = this.require(this.collections, id, 'collection');
    if (collection.ruleSet) throw new Error(`Collection ${id} is a smart collection: its rules choose its products`);
    return collection;
  }

  addCustomer(input: NewCustomer): SandboxCustomer {
    const at = input.createdAt ?? this.stamp();
    const customer: SandboxCustomer = { ...input, id: this.id(), createdAt: at, updatedAt: at };
    this.customers.set(customer.id, customer);
    return customer;
  }

  updateEmailMarketingConsent(customerId: number, consent: Omit<EmailMarketingConsent, 'consentUpdatedAt'>): SandboxCustomer {
    const customer = this.require(this.customers, customerId, 'customer');
    const at = this.stamp();
    customer.emailMarketingConsent = { ...consent, consentUpdatedAt: at };
    customer.updatedAt = at;
    this.emit({ topic: 'customers_email_marketing_consent/update', customer });
    return customer;
  }

  addOrder(input: NewOrder): SandboxOrder {
    const at = input.createdAt ?? this.stamp();
    const order: SandboxOrder = {
      ...input,
      id: this.id(),
      name: `#${this.nextOrderNumber++}`,
      lineItems: input.lineItems.map((line) => ({ ...line, id: this.id() })),
      refunds: [],
      fulfillments: [],
      processedAt: input.processedAt ?? at,
      updatedAt: at,
      cancelledAt: null,
      cancelReason: null,
      // Shopify records the checkout's language on every order; without one, the buyer's own, else the shop's.
      customerLocale:
        input.customerLocale ?? (input.customerId === null ? null : this.customers.get(input.customerId)?.locale) ?? this.shop.primaryLocale,
    };
    this.orders.set(order.id, order);
    this.emit({ topic: 'orders/create', order });
    return order;
  }

  cancelOrder(id: number, reason = 'CUSTOMER'): SandboxOrder {
    const order = this.require(this.orders, id, 'order');
    const at = this.stamp();
    order.cancelledAt = at;
    order.cancelReason = reason;
    order.updatedAt = at;
    this.emit({ topic: 'orders/cancelled', order });
    this.emit({ topic: 'orders/updated', order });
    return order;
  }

  fulfillOrder(id: number): SandboxOrder {
    const order = this.require(this.orders, id, 'order');
    const at = this.stamp();
    order.fulfillments.push({ id: this.id(), createdAt: at, status: 'SUCCESS' });
    order.updatedAt = at;
    this.emit({ topic: 'orders/fulfilled', order });
    this.emit({ topic: 'orders/updated', order });
    return order;
  }

  refundOrder(id: number, lines: { lineItemId: number; quantity: number }[], note: string | null = null): SandboxOrder {
    const order = this.require(this.orders, id, 'order');
    for (const line of lines) {
      if (!order.lineItems.some((item) => item.id === line.lineItemId)) {
        throw new Error(`Line item ${line.lineItemId} is not in order ${id}`);
      }
    }
    const at = this.stamp();
    const refund = { id: this.id(), createdAt: at, note, refundLineItems: lines };
    order.refunds.push(refund);
    order.updatedAt = at;
    this.emit({ topic: 'refunds/create', order, refundId: refund.id });
    this.emit({ topic: 'orders/updated', order });
    return order;
  }

  private require<T>(map: Map<number, T>, id: number, kind: string): T {
    const found = map.get(id);
    if (!found) throw new Error(`No ${kind} with id ${id} in the sandbox store`);
    return found;
  }
}
