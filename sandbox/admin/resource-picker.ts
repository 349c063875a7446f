import { Router } from 'express';
import { z } from 'zod';
import { toGid } from '../store/gid.ts';
import type { SandboxStore } from '../store/store.ts';
import type { SandboxCollection, SandboxProduct } from '../store/types.ts';

/** The most a picker lists at once, as Shopify's picker pages its list: search narrows it. */
const LISTED = 50;

const pickerQuery = z.object({
  type: z.enum(['product', 'collection']),
  query: z.string().max(100).default(''),
});

/** A product as App Bridge's resource picker hands it to the app (the fields Shopify documents, for one shop). */
export function productSelection(p: SandboxProduct) {
  return {
    id: toGid('Product', p.id),
    title: p.title,
    handle: p.handle,
    status: p.status,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    descriptionHtml: p.description,
    hasOnlyDefaultVariant: p.variants.length === 1,
    images: p.imageUrl ? [{ id: toGid('ProductImage', p.id), altText: p.imageAlt, originalSrc: p.imageUrl }] : [],
    variants: p.variants.map((v) => ({ id: toGid('ProductVariant', v.id), title: v.title, sku: v.sku, price: v.price, availableForSale: v.availableForSale })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function collectionSelection(c: SandboxCollection) {
  return { id: toGid('Collection', c.id), title: c.title, handle: c.handle, ruleSet: c.ruleSet, image: null };
}

/**
 * What the sandbox admin's resource picker lists: the catalog, searched by title, handle, tag or vendor (Shopify's
 * picker searches the same way). Only the admin page itself asks, as only Shopify admin renders the picker.
 */
export function resourcePickerRoutes(deps: { store: SandboxStore; adminOrigin: string }): Router {
  const router = Router();
  router.get('/admin/api/resource-picker', (req, res) => {
    if (req.get('sec-fetch-site') !== 'same-origin' && req.get('origin') !== deps.adminOrigin) {
      res.status(403).json({ error: 'forbidden', message: 'The resource picker is the sandbox admin page\'s.' });
      return;
    }
    const parsed = pickerQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid_request', message: 'type is product or collection; query at most 100 characters.' });
      return;
    }
    const wanted = parsed.data.query.trim().toLowerCase();
    const matches = (texts: string[]) => !wanted || texts.some((t) => t.toLowerCase().includes(wanted));
    const items =
      parsed.data.type === 'product'
        ? [...deps.store.products.values()].filter((p) => p.status === 'ACTIVE' && matches([p.title, p.handle, p.vendor, ...p.tags])).map(productSelection)
        : [...deps.store.collections.values()].filter((c) => matches([c.title, c.handle])).map(collectionSelection);
    items.sort((a, b) => a.title.localeCompare(b.title));
    res.set('Cache-Control', 'no-store').json({ items: items.slice(0, LISTED), more: items.length > LISTED });
  });
  return router;
}

/**
 * Runs in the admin page: App Bridge's `shopify.resourcePicker` drawn as Shopify admin draws it, above the app's
 * frame — a modal dialog with a search box, the matching resources to tick and Select / Cancel. Answers with
 * the chosen resources in App Bridge's shape, or nothing when cancelled.
 */
export const RESOURCE_PICKER_SCRIPT = `
const openResourcePicker = (options, done) => {
  const type = options && options.type === 'collection' ? 'collection' : 'product';
  const noun = type === 'collection' ? 'collection' : 'product';
  const multiple = options && options.multiple ? (typeof options.multiple === 'number' ? options.multiple : Infinity) : 1;
  const verb = options && options.action === 'add' ? 'Add' : 'Select';
  const chosen = new Map();
  for (const s of (options && options.selectionIds) || []) if (s && typeof s.id === 'string') chosen.set(s.id, null);
  const dialog = document.createElement('dialog');
  dialog.className = 'picker';
  dialog.setAttribute('aria-labelledby', 'picker-title');
  dialog.innerHTML = '<h2 id="picker-title"></h2><p><label for="picker-search"></label><input id="picker-search" type="search" autocomplete="off"></p>' +
    '<fieldset><legend class="visually-hidden"></legend><div class="picker-list"></div></fieldset><p class="picker-status" role="status" aria-live="polite"></p>' +
    '<p class="picker-actions"><button type="button" class="secondary" data-cancel>Cancel</button> <button type="button" data-select disabled></button></p>';
  dialog.querySelector('h2').textContent = verb + ' ' + noun + (multiple > 1 ? 's' : '');
  dialog.querySelector('label').textContent = 'Search ' + noun + 's';
  dialog.querySelector('legend').textContent = noun[0].toUpperCase() + noun.slice(1) + 's';
  const search = dialog.querySelector('input');
  search.value = (options && typeof options.query === 'string' && options.query) || '';
  const list = dialog.querySelector('.picker-list');
  const status = dialog.querySelector('.picker-status');
  const select = dialog.querySelector('[data-select]');
  select.textContent = verb;
  let finished = false;
  const finish = (result) => { if (finished) return; finished = true; dialog.close(); dialog.remove(); done(result); };
  const refresh = () => { select.disabled = ![...chosen.values()].some(Boolean); };
  let generation = 0;
  const load = async () => {
    const mine = ++generation;
    const response = await fetch('/admin/api/resource-picker?' + new URLSearchParams({ type, query: search.value }));
    const body = await response.json();
    if (mine !== generation) return;
    list.replaceChildren(...body.items.map((item) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = multiple > 1 ? 'checkbox' : 'radio';
      box.name = 'picker-choice';
      box.value = item.id;
      box.checked = chosen.has(item.id);
      if (box.checked) chosen.set(item.id, item);
      box.addEventListener('change', () => {
        if (multiple === 1) chosen.clear();
        if (box.checked) {
          if (chosen.size >= multiple) { box.checked = false; status.textContent = 'You can choose up to ' + multiple + '.'; return; }
          chosen.set(item.id, item);
        } else chosen.delete(item.id);
        refresh();
      });
      const title = document.createElement('span');
      title.textContent = item.title;
      label.append(box, ' ', title);
      return label;
    }));
    status.textContent = body.items.length === 0 ? 'No ' + noun + 's match “' + search.value + '”.' : body.items.length + ' ' + noun + (body.items.length === 1 ? '' : 's') + (body.more ? ' shown; search to narrow.' : '.');
    refresh();
  };
  let typing;
  search.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(load, 150); });
  search.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); clearTimeout(typing); load(); } });
  dialog.querySelector('[data-cancel]').addEventListener('click', () => finish(undefined));
  select.addEventListener('click', () => finish([...chosen.values()].filter(Boolean)));
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); finish(undefined); });
  document.body.append(dialog);
  dialog.showModal();
  search.focus();
  load();
};
`;

/** The picker dialog's look, beside the sandbox admin's other styles. */
export const RESOURCE_PICKER_STYLE = `
  dialog.picker { width: min(560px, 90vw); border: 0; border-radius: 12px; padding: 16px 20px; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
  dialog.picker::backdrop { background: rgba(0,0,0,.45); }
  dialog.picker input[type=search] { width: 100%; box-sizing: border-box; font: inherit; padding: 6px 8px; margin-top: 4px; }
  dialog.picker fieldset { border: 0; padding: 0; margin: 0; }
  dialog.picker .picker-list { max-height: 50vh; overflow: auto; }
  dialog.picker .picker-list label { display: block; padding: 6px 4px; border-bottom: 1px solid #e3e3e3; }
  dialog.picker .picker-actions { text-align: right; }
  dialog.picker button.secondary { background: #fff; color: #303030; }
  dialog.picker button[disabled] { opacity: .5; cursor: not-allowed; }
`;
