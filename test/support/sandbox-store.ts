import { SandboxStore } from '../../sandbox/store/store.ts';

/** An empty sandbox store for the demo shop, as unit tests of the sandbox build it. */
export function newTestStore(): SandboxStore {
  return new SandboxStore({
    name: 'Tacto Demo',
    myshopifyDomain: 'tacto-demo.sandbox.test',
    email: 'owner@example.com',
    currencyCode: 'EUR',
    ianaTimezone: 'Europe/Madrid',
    primaryLocale: 'en',
    grantsReadAllOrders: false,
  });
}
