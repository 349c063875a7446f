import { SimulatedBrowser } from './browser.ts';
import type { SimulationOptions } from './options.ts';
import { adminOrderId, confirmedOrderName, handleOfUrl, picksBlock, productLinks, type PicksBlock } from './page-reading.ts';
import { blockSetting, converts, enrolment, experimentMark, surfaceOfTemplate, testedExperience, type ExperimentView, type PageView, type ShopperPlan } from './plan.ts';
import { choose } from './random.ts';
import type { ShopperOutcome } from './summary.ts';

interface PicksAnswer {
  items: { kind: string; url: string; title: string }[];
  experiment: ExperimentView | null;
}

interface ProductJson {
  handle: string;
  type: string;
  variants: { id: number; price: number; available: boolean }[];
}

/** What the page's block showed: its surface and setting, and the product picks in it (by handle). */
interface ShownPicks {
  proxyPath: string;
  surface: string;
  block: string;
  handles: string[];
}

/**
 * One shopper's visit, through the storefront's real paths as a browser running tacto.js takes them: the home page,
 * a featured product, the picks of each page (`GET /apps/tacto/picks`), the experiment's enrolment and the cart's
 * mark, the `seen` and `count` beacons, a pick's quick add (`/cart/add.js`) or its link (`?tacto=<surface>`) and the
 * product form there, checkout, and later a refund or cancellation from the sandbox admin.
 */
export async function playJourney(input: { origin: URL; plan: ShopperPlan; options: SimulationOptions; now?: () => Date }): Promise<ShopperOutcome & { requests: number }> {
  const { plan, options } = input;
  const now = input.now ?? (() => new Date());
  const browser = new SimulatedBrowser(input.origin);
  const outcome: ShopperOutcome = {
    index: plan.index,
    customerId: plan.customerId,
    consent: plan.consent,
    enrolled: null,
    tested: true,
    counts: [],
    feedback: [],
    order: null,
    currency: null,
    error: null,
  };
  let experimentKnown = false;
  const lines: NonNullable<ShopperOutcome['order']>['lines'] = [];
  const count = (surface: string, block: string, counted: { shown?: number; clicked?: number; added?: number }) =>
    outcome.counts.push({ surface, block, shown: counted.shown ?? 0, clicked: counted.clicked ?? 0, added: counted.added ?? 0 });
  const consentQuery = plan.consent ? '' : '?personalization=0';

  /** tacto.js on a page: the picks, the experiment (entered once per browser), and the picks that came into view. */
  const viewPage = async (html: string, view: PageView): Promise<ShownPicks | null> => {
    const block = picksBlock(html);
    if (!block) return null;
    outcome.currency ??= block.currency;
    const answer = await browser.json<PicksAnswer>(`${block.proxyPath}/picks?${picksQuery(block, plan.consent)}`);
    if (!experimentKnown) {
      experimentKnown = true;
      const entered = enrolment(answer.experiment, plan);
      if (entered) {
        await browser.beacon(`${block.proxyPath}/enroll`, { experiment: String(entered.experimentId), arm: entered.arm });
        await browser.text('/cart/update.js', { json: { attributes: { _tacto_exp: experimentMark(entered.experimentId, entered.arm, now()) } } });
        outcome.enrolled = entered;
      }
      outcome.tested = testedExperience(answer.experiment, entered?.arm ?? null);
    }
    const surface = surfaceOfTemplate(block.template);
    const setting = blockSetting(block);
    const handles = [...new Set(answer.items.filter((item) => item.kind === 'product').flatMap((item) => handleOfUrl(item.url) ?? []))];
    if (handles.length === 0 || !plan.views[view].picksInView) return null;
    await browser.beacon(`${block.proxyPath}/seen${consentQuery}`, { view: plan.views[view].id, handles: handles.slice(0, 12), surface, block: setting });
    count(surface, setting, { shown: Math.min(handles.length, 12) });
    return { proxyPath: block.proxyPath, surface, block: setting, handles };
  };

  const product = (handle: string) => browser.json<ProductJson>(`/products/${encodeURIComponent(handle)}.js`);
  const variantOf = (json: ProductJson) => {
    const available = json.variants.filter((variant) => variant.available);
    return available.length > 0 ? choose(available, plan.variantDraw) : null;
  };

  try {
    if (plan.customerId !== null) await browser.post('/account/login', { customer_id: String(plan.customerId) });
    const home = await browser.text('/');
    await viewPage(home, 'home');
    const links = productLinks(home);
    if (links.length === 0) throw new Error('the home page links no product');
    const landing = choose(links, plan.landingDraw);
    const shown = await viewPage(await browser.text(landing), 'product');

    if (shown) {
      const proxy = shown.proxyPath;
      let picks = shown.handles;
      if (plan.feedback) {
        const handle = choose(picks, plan.feedback.draw);
        const json = await product(handle);
        await browser.text(`${proxy}/feedback`, { json: { handle, reason: plan.feedback.reason } });
        outcome.feedback.push({ reason: plan.feedback.reason, productType: json.type });
        // "Not for me" takes the pick off the block.
        picks = picks.filter((h) => h !== handle);
      }
      if (plan.quickAdd && picks.length > 0 && shown.block.endsWith('-q')) {
        const variant = variantOf(await product(choose(picks, plan.quickAdd.draw)));
        if (variant) {
          await browser.text('/cart/add.js', { json: { id: variant.id, quantity: 1, properties: { _tacto: shown.surface } } });
          await browser.beacon(`${proxy}/count`, { event: 'add', surface: shown.surface, block: shown.block });
          count(shown.surface, shown.block, { added: 1 });
          lines.push({ cents: variant.price, quantity: 1, surface: shown.surface });
        }
      }
      if (plan.click && picks.length > 0) {
        const handle = choose(picks, plan.click.draw);
        await browser.beacon(`${proxy}/count`, { event: 'click', surface: shown.surface, block: shown.block });
        count(shown.surface, shown.block, { clicked: 1 });
        await viewPage(await browser.text(`/products/${encodeURIComponent(handle)}?tacto=${shown.surface}`), 'pick');
        const variant = plan.click.addsWithForm ? variantOf(await product(handle)) : null;
        if (variant) {
          // The page opened from a pick marks the theme's own product form with the pick's surface.
          await browser.post('/cart/add', { id: String(variant.id), quantity: '1', 'properties[_tacto]': shown.surface });
          await browser.beacon(`${proxy}/count`, { event: 'add', surface: shown.surface, block: 'link' });
          count(shown.surface, 'link', { added: 1 });
          lines.push({ cents: variant.price, quantity: 1, surface: shown.surface });
        }
      }
    }

    if (converts(plan, options, outcome.tested)) {
      // The product the shopper came for, or, when it is sold out, the next featured one that is not.
      let variant: ProductJson['variants'][number] | null = null;
      const first = links.indexOf(landing);
      for (let i = 0; i < links.length && !variant; i++) variant = variantOf(await product(handleOfUrl(links[(first + i) % links.length]!)!));
      if (!variant) throw new Error('every featured product is sold out');
      const cartPage = await browser.post('/cart/add', { id: String(variant.id), quantity: '1' });
      lines.push({ cents: variant.price, quantity: 1, surface: null });
      await viewPage(await browser.text(cartPage), 'cart');
      const confirmation = await browser.post('/checkout', {});
      const name = confirmedOrderName(await browser.text(confirmation));
      if (!name) throw new Error('the confirmation page names no order');
      outcome.order = { name, lines, fulfilled: false, aftercare: null };
      if (plan.fulfils || plan.aftercare) {
        // The merchant finds the order in the sandbox admin and fulfils it, refunds or cancels it, as in Shopify admin.
        const page = await browser.text(`/admin/orders?query=${encodeURIComponent(name)}`);
        const id = adminOrderId(page, name, 'cancel');
        if (id === null) throw new Error(`order ${name} is not on the admin's Orders page`);
        for (const action of [...(plan.fulfils ? ['fulfill' as const] : []), ...(plan.aftercare ? [plan.aftercare] : [])]) {
          await browser.post(`/admin/orders/${id}/${action}`, {});
        }
        outcome.order.fulfilled = plan.fulfils;
        outcome.order.aftercare = plan.aftercare;
      }
    }
  } catch (error) {
    outcome.error = error instanceof Error ? error.message : String(error);
  }
  return { ...outcome, requests: browser.requests };
}

/** GET /apps/tacto/picks's query, as tacto.js builds it from the block's data attributes. */
function picksQuery(block: PicksBlock, consent: boolean): string {
  const query = new URLSearchParams({ template: block.template, limit: String(block.limit), guides: block.guides ? '1' : '0', locale: block.locale });
  if (block.productId) query.set('product_id', block.productId);
  if (block.cart) query.set('cart', block.cart);
  if (!consent) query.set('personalization', '0');
  return query.toString();
}

