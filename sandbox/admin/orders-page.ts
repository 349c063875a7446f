import express, { Router } from 'express';
import { placeOrder } from '../store/place-order.ts';
import type { SandboxStore } from '../store/store.ts';
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

  router.get('/admin/orders', (_req, res) => {
    const orders = [...store.orders.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, LISTED);
    const rows = orders
      .map((order) => {
        const customer = order.customerId === null ? null : store.customers.get(order.customerId);
        const state = order.cancelledAt ? 'Cancelled' : order.fulfillments.length > 0 ? `Fulfilled ${escapeHtml(order.fulfillments[0]!.createdAt)}` : 'Unfulfilled';
        const action =
          !order.cancelledAt && order.fulfillments.length === 0
            ? `<form method="post" action="/admin/orders/${order.id}/fulfill"><button aria-label="Fulfill ${escapeHtml(order.name)}">Fulfill</button></form>`
            : '';
        return `<tr><td>${escapeHtml(order.name)}</td><td>${escapeHtml(order.createdAt)}</td><td>${customer ? escapeHtml(`${customer.firstName} ${customer.lastName}`) : 'Guest'}</td><td>${escapeHtml(order.lineItems.map((l) => l.title).join(', '))}</td><td>${state}</td><td>${action}</td></tr>`;
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
      <div class="card"><table><caption class="visually-hidden">Latest orders, newest first</caption>
        <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Customer</th><th scope="col">Items</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${rows || '<tr><td colspan="6">No orders yet.</td></tr>'}</tbody></table></div></main>`;
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
