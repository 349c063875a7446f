import type {
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
  | { topic: 'customers_email_marketing_consent/update'; customer: SandboxCustomer };

type NewProduct = Omit<SandboxProduct, 'id' | 'createdAt' | 'updatedAt' | 'variants'> & {
  variants: Omit<SandboxProduct['variants'][number], 'id'>[];
  createdAt?: string;
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

  addCollection(input: Omit<SandboxCollection, 'id'>): SandboxCollection {
    const collection = { ...input, id: this.id() };
    this.collections.set(collection.id, collection);
    return collection;
  }

  addProduct(input: NewProduct): SandboxProduct {
    const at = input.createdAt ?? this.stamp();
    const product: SandboxProduct = {
      ...input,
      id: this.id(),
      variants: input.variants.map((variant) => ({ ...variant, id: this.id() })),
      createdAt: at,
      updatedAt: at,
    };
    this.products.set(product.id, product);
    this.emit({ topic: 'products/create', product });
    return product;
  }

  updateProduct(id: number, patch: Partial<Omit<SandboxProduct, 'id' | 'createdAt'>>): SandboxProduct {
    const product = this.require(this.products, id, 'product');
    Object.assign(product, patch, { updatedAt: this.stamp() });
    this.emit({ topic: 'products/update', product });
    return product;
  }

  deleteProduct(id: number): void {
    this.require(this.products, id, 'product');
    this.products.delete(id);
    this.emit({ topic: 'products/delete', productId: id });
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
