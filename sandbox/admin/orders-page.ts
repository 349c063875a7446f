import express, { Router } from 'express';
import { placeOrder } from '../store/place-order.ts';
import type { SandboxStore } from '../store/store.ts';
import type { SandboxAttribute, SandboxOrder } from '../store/types.ts';
import { currentQuantity } from '../webhooks/line-item-payload.ts';
import { escapeHtml } from './html.ts';

const LISTED = 30;

/**
 * The sandbox admin's Orders page: the latest orders with their state, a button to fulfil one, and a form to
 * place a new order for a customer — what a merchant does in Shopify admin, and what sets follow-ups going
 * (each change reaches the app as Shopify's webhooks: orders/create, orders/fulfilled, orders/updated).
 */
export function orderRoutes(deps: { store: SandboxStore; page(title: string, body: string): string }): Router {
  const { store } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb' });

  router.get('/admin/orders', (req, res) => {
    const query = searchQuery(req.query.query);
    const orders = [...store.orders.values()]
      .filter((order) => query === '' || order.name.toLowerCase() === query || order.name.toLowerCase() === `#${query}`)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, LISTED);
    const rows = orders
      .map((order) => {
        const customer = order.customerId === null ? null : store.customers.get(order.customerId);
        const state = order.cancelledAt ? 'Cancelled' : order.fulfillments.length > 0 ? `Fulfilled ${escapeHtml(order.fulfillments[0]!.createdAt)}` : 'Unfulfilled';
        return `<tr><td>${escapeHtml(order.name)}</td><td>${escapeHtml(order.createdAt)}</td><td>${customer ? escapeHtml(`${customer.firstName} ${customer.lastName}`) : 'Guest'}</td><td>${orderItems(order)}</td><td>${state}${refundState(order)}</td><td>${orderActions(order)}</td></tr>`;
      })
      .join('');
    const customers = [...store.customers.values()]
      .map((c) => `<option value="${c.id}">${escapeHtml(`${c.firstName} ${c.lastName} (${c.emailMarketingConsent.marketingState.toLowerCase().replace('_', ' ')})`)}</option>`)
      .join('');
    const products = [...store.products.values()]
      .filter((p) => p.status === 'ACTIVE')
      .map((p) => `<option value="${p.id}">${escapeHtml(p.title)}</option>`)
      .join('');
    const body = `<main class="padded"><h1>Orders</h1>
      <div class="card"><h2>Place an order</h2>
        <form method="post" action="/admin/orders">
          <p><label>Customer <select name="customer_id">${customers}</select></label></p>
          <p><label>Product <select name="product_id">${products}</select></label></p>
          <p><label><input type="checkbox" name="fulfill" value="1" checked> Fulfil it at once</label></p>
          <button>Place order</button>
        </form></div>
      <div class="card"><form method="get" action="/admin/orders" role="search"><label>Order <input name="query" value="${escapeHtml(query)}" placeholder="#1001" size="8"></label> <button>Search</button></form>
        <table><caption class="visually-hidden">${query ? `Orders named ${escapeHtml(query)}` : 'Latest orders, newest first'}</caption>
        <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Customer</th><th scope="col">Items</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${rows || `<tr><td colspan="6">${query ? 'No order by that name.' : 'No orders yet.'}</td></tr>`}</tbody></table></div></main>`;
    res.type('html').set('Cache-Control', 'no-store').send(deps.page('Orders', body));
  });

  router.post('/admin/orders', form, (req, res) => {
    const customer = store.customers.get(Number(req.body?.customer_id));
    const product = store.products.get(Number(req.body?.product_id));
    if (!customer || !product || product.variants.length === 0 || product.status !== 'ACTIVE') {
      res.status(422).type('text').send('Choose a customer and a product on sale in this store.');
      return;
    }
    const order = placeOrder(store, { customerId: customer.id, productIds: [product.id] });
    if (req.body?.fulfill === '1') store.fulfillOrder(order.id);
    res.redirect(303, '/admin/orders');
  });

  // Refunds every unit still on the order, as "Refund" in Shopify admin with all quantities filled in.
  router.post('/admin/orders/:id/refund', (req, res) => {
    const order = store.orders.get(Number(req.params.id));
    const lines = order ? refundableLines(order) : [];
    if (!order || lines.length === 0) {
      res.status(422).type('text').send('Only an order with units left to refund can be refunded.');
      return;
    }
    store.refundOrder(order.id, lines, 'Refunded from the sandbox admin');
    res.redirect(303, '/admin/orders');
  });

  router.post('/admin/orders/:id/cancel', (req, res) => {
    const order = store.orders.get(Number(req.params.id));
    if (!order || order.cancelledAt) {
      res.status(422).type('text').send('Only an open order can be cancelled.');
      return;
    }
    store.cancelOrder(order.id, 'CUSTOMER');
    res.redirect(303, '/admin/orders');
  });

  router.post('/admin/orders/:id/fulfill', (req, res) => {
    const order = store.orders.get(Number(req.params.id));
    if (!order || order.cancelledAt || order.fulfillments.length > 0) {
      res.status(422).type('text').send('Only an open, unfulfilled order can be fulfilled.');
      return;
    }
    store.fulfillOrder(order.id);
    res.redirect(303, '/admin/orders');
  });
  return router;
}

/** Shopify admin's order search, by name only (`#1001` or `1001`); anything else lists the latest orders. */
function searchQuery(value: unknown): string {
  return typeof value === 'string' && /^#?\d{1,12}$/.test(value.trim()) ? value.trim().toLowerCase() : '';
}

/** Each line with its quantity and line item properties, then the order's note attributes (where `_tacto` shows). */
function orderItems(order: SandboxOrder): string {
  const lines = order.lineItems
    .map((line) => `<li>${escapeHtml(line.title)} × ${line.quantity}${attributeList(line.properties)}</li>`)
    .join('');
  const notes = order.noteAttributes?.length ? `<p class="attributes">Note attributes: ${attributeList(order.noteAttributes)}</p>` : '';
  return `<ul class="items">${lines}</ul>${notes}`;
}

function attributeList(attributes: readonly SandboxAttribute[] | undefined): string {
  if (!attributes?.length) return '';
  return ` <code>${attributes.map(({ name, value }) => `${escapeHtml(name)}: ${escapeHtml(value)}`).join(', ')}</code>`;
}

function refundState(order: SandboxOrder): string {
  if (order.refunds.length === 0 || order.cancelledAt) return '';
  return refundableLines(order).length === 0 ? ', refunded' : ', partly refunded';
}

function refundableLines(order: SandboxOrder) {
  return order.lineItems
    .map((line) => ({ lineItemId: line.id, quantity: currentQuantity(order, line) }))
    .filter((line) => line.quantity > 0);
}

function orderActions(order: SandboxOrder): string {
  const name = escapeHtml(order.name);
  const button = (action: string, label: string) =>
    `<form method="post" action="/admin/orders/${order.id}/${action}"><button aria-label="${label} ${name}">${label}</button></form>`;
  if (order.cancelledAt) return '';
  return [
    order.fulfillments.length === 0 ? button('fulfill', 'Fulfill') : '',
    refundableLines(order).length > 0 ? button('refund', 'Refund') : '',
    button('cancel', 'Cancel'),
  ].join('');
}
