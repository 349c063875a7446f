/**
 * The Lighthouse benchmark's server, in its own process so that Lighthouse's own work in the orchestrator never
 * delays an answer: the demo sandbox store with Tacto installed (orders imported, model built), wired as
 * bench/proxy-server-child.ts's `app` mode and `npm start` wire it, so the storefront's Tacto block asks
 * `/apps/tacto/picks` through the sandbox's app proxy and the app answers. Sends `{ storefront, productPath }`
 * when ready and exits when told `close`.
 */
import { startInstalledDemoApp } from './installed-demo-app.ts';

/** The product page measured: a coat of the demo catalog, whose block has complements to show. */
const PRODUCT_HANDLE = 'wool-overcoat';

export interface LighthouseServerReady {
  /** The sandbox's browser-facing origin: storefront, extension assets and the app proxy. */
  storefront: string;
  productPath: string;
}

/**
 * Without a holdout: every Lighthouse run is a new visitor (a fresh profile), and one drawn into the holdout would
 * see no block, measuring a page without it. The experiment's own work (enrolling, marking the cart) runs when the
 * page is idle after the block has filled, so it could not move the page's first paints anyway.
 */
const demo = await startInstalledDemoApp('lighthouse', { analytics: { initialExperiment: { question: 'block', holdoutPercent: 0 } } });
const { sandbox } = demo;
if (![...sandbox.store.products.values()].some((p) => p.handle === PRODUCT_HANDLE && p.status === 'ACTIVE')) {
  throw new Error(`the demo catalog has no active product ${PRODUCT_HANDLE}`);
}

process.on('message', async (command) => {
  if (command === 'close') {
    await demo.close();
    process.exit(0);
  }
});
const ready: LighthouseServerReady = { storefront: sandbox.url.origin, productPath: `/products/${PRODUCT_HANDLE}` };
process.send!(ready);
