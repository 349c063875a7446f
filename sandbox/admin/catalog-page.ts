import express, { Router } from 'express';
import { freeHandle, slugify } from '../admin-api/resolvers/mutations-catalog.ts';
import type { SandboxStore } from '../store/store.ts';
import type { SandboxCollection } from '../store/types.ts';
import { escapeHtml } from './html.ts';

const MAX_TITLE = 255;
const MEMBERS_SHOWN = 8;

/**
 * The sandbox admin's Catalog page: add a product, make a collection (custom, or smart by a tag), put products in
 * and out of a custom collection, delete one — what a merchant does in Shopify admin. Each change reaches the app
 * as Shopify's webhooks (products/create, collections/create|update|delete, products/update), so a new product
 * can be watched becoming a pick on the storefront preview.
 */
export function catalogRoutes(deps: { store: SandboxStore; page(title: string, body: string): string }): Router {
  const { store } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const refuse = (res: express.Response, message: string) => res.status(422).type('text').send(message);
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const titleOk = (title: string) => title.length > 0 && title.length <= MAX_TITLE;
  const option = (id: number, label: string) => `<option value="${id}">${escapeHtml(label)}</option>`;

  router.get('/admin/catalog', (_req, res) => {
    const products = [...store.products.values()];
    const collections = [...store.collections.values()];
    const row = (c: SandboxCollection) => {
      const members = products.filter((p) => p.collectionIds.includes(c.id));
      const kind = c.ruleSet ? `Smart: ${c.ruleSet.rules.map((r) => `${r.column.toLowerCase()} ${r.relation.toLowerCase().replace('_', ' ')} “${r.condition}”`).join(c.ruleSet.appliedDisjunctively ? ' or ' : ' and ')}` : 'Custom';
      const names = members.slice(0, MEMBERS_SHOWN).map((p) => p.title).join(', ') + (members.length > MEMBERS_SHOWN ? ` … (${members.length})` : '');
      const label = escapeHtml(c.title);
      const manual = c.ruleSet
        ? ''
        : `<form method="post" action="/admin/catalog/collections/${c.id}/add"><select name="product_id" aria-label="Product to add to ${label}">${products
            .filter((p) => !members.includes(p))
            .map((p) => option(p.id, p.title))
            .join('')}</select> <button>Add</button></form>
          <form method="post" action="/admin/catalog/collections/${c.id}/remove"><select name="product_id" aria-label="Product to remove from ${label}">${members
            .map((p) => option(p.id, p.title))
            .join('')}</select> <button>Remove</button></form>`;
      return `<tr><td>${label}<br><small>${escapeHtml(c.handle)}</small></td><td>${escapeHtml(kind)}</td><td>${escapeHtml(names) || 'None'}</td>
        <td>${manual}<form method="post" action="/admin/catalog/collections/${c.id}/delete"><button aria-label="Delete ${label}">Delete</button></form></td></tr>`;
    };
    const body = `<main class="padded"><h1>Catalog</h1>
      <div class="card"><h2>Add a product</h2>
        <form method="post" action="/admin/catalog/products">
          <p><label>Title <input name="title" required maxlength="${MAX_TITLE}"></label></p>
          <p><label>Product type <input name="product_type" maxlength="${MAX_TITLE}"></label></p>
          <p><label>Tags (comma separated) <input name="tags"></label></p>
          <p><label>Price <input name="price" inputmode="decimal" value="25.00"></label></p>
          <p><label>Collection <select name="collection_id"><option value="">None</option>${collections
            .filter((c) => !c.ruleSet)
            .map((c) => option(c.id, c.title))
            .join('')}</select></label></p>
          <button>Add product</button>
        </form></div>
      <div class="card"><h2>New collection</h2>
        <form method="post" action="/admin/catalog/collections">
          <p><label>Title <input name="title" required maxlength="${MAX_TITLE}"></label></p>
          <p><label>Smart: every product tagged <input name="tag" placeholder="leave empty for a custom collection"></label></p>
          <button>Create collection</button>
        </form></div>
      <div class="card"><table><caption class="visually-hidden">Collections</caption>
        <thead><tr><th scope="col">Collection</th><th scope="col">Kind</th><th scope="col">Products</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${collections.map(row).join('') || '<tr><td colspan="4">No collections yet.</td></tr>'}</tbody></table></div></main>`;
    res.type('html').set('Cache-Control', 'no-store').send(deps.page('Catalog', body));
  });

  router.post('/admin/catalog/products', form, (req, res) => {
    const title = text(req.body?.title);
    const price = Number(text(req.body?.price) || '0');
    const collectionId = text(req.body?.collection_id) ? Number(req.body.collection_id) : null;
    const collection = collectionId === null ? null : store.collections.get(collectionId);
    if (!titleOk(title) || !Number.isFinite(price) || price < 0 || (collectionId !== null && (!collection || collection.ruleSet))) {
      refuse(res, 'Give the product a title (up to 255 characters), a price of 0 or more, and a custom collection or none.');
      return;
    }
    store.addProduct({
      title,
      translations: {},
      description: '',
      handle: freeHandle(new Set([...store.products.values()].map((p) => p.handle)), slugify(title)),
      vendor: store.shop.name,
      productType: text(req.body?.product_type).slice(0, MAX_TITLE),
      category: null,
      tags: [...new Set(text(req.body?.tags).split(',').map((t) => t.trim()).filter(Boolean))],
      collectionIds: collection ? [collection.id] : [],
      imageUrl: null,
      imageAlt: '',
      status: 'ACTIVE',
      variants: [{ title: 'Default Title', sku: '', price: price.toFixed(2), availableForSale: true, inventoryQuantity: 10 }],
    });
    res.redirect(303, '/admin/catalog');
  });

  router.post('/admin/catalog/collections', form, (req, res) => {
    const title = text(req.body?.title);
    const tag = text(req.body?.tag);
    if (!titleOk(title)) {
      refuse(res, 'Give the collection a title (up to 255 characters).');
      return;
    }
    store.addCollection({
      title,
      handle: freeHandle(new Set([...store.collections.values()].map((c) => c.handle)), slugify(title, 'collection')),
      ruleSet: tag ? { appliedDisjunctively: false, rules: [{ column: 'TAG', relation: 'EQUALS', condition: tag }] } : null,
    });
    res.redirect(303, '/admin/catalog');
  });

  router.post('/admin/catalog/collections/:id/:action', form, (req, res) => {
    const collection = store.collections.get(Number(req.params.id));
    const action = req.params.action;
    if (!collection) {
      refuse(res, 'That collection does not exist (any more).');
      return;
    }
    if (action === 'delete') {
      store.deleteCollection(collection.id);
      res.redirect(303, '/admin/catalog');
      return;
    }
    const product = store.products.get(Number(req.body?.product_id));
    if ((action !== 'add' && action !== 'remove') || !product || collection.ruleSet) {
      refuse(res, 'Choose a product; a smart collection takes its products from its rules.');
      return;
    }
    if (action === 'add') store.addProductsToCollection(collection.id, [product.id]);
    else store.removeProductsFromCollection(collection.id, [product.id]);
    res.redirect(303, '/admin/catalog');
  });
  return router;
}
