import type { Server } from 'node:http';
import { resolve } from 'node:path';
import express, { type Router } from 'express';
import { createStorefrontRouter } from '../../../sandbox/storefront/index.ts';
import { SandboxStore } from '../../../sandbox/store/store.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../extensions/tacto');

/** A two-product store with one customer: enough to see every storefront page. */
export function smallStore(): SandboxStore {
  const store = new SandboxStore({
    name: 'Fixture Outfitters',
    myshopifyDomain: 'fixture.sandbox.test',
    email: 'owner@fixture.example',
    currencyCode: 'EUR',
    ianaTimezone: 'Europe/Madrid',
    primaryLocale: 'en',
    grantsReadAllOrders: true,
  });
  const base = { vendor: 'Northwind', category: null, tags: [], collectionIds: [], status: 'ACTIVE' as const };
  store.addProduct({
    ...base,
    title: 'Charcoal Wool Overcoat',
    translations: { es: { title: 'Abrigo de lana gris marengo' }, 'pt-BR': { title: 'Sobretudo de lã grafite' } },
    description: 'A knee-length overcoat in brushed wool.',
    handle: 'wool-overcoat',
    productType: 'Coat',
    imageUrl: '/images/wool-overcoat.svg',
    imageAlt: 'Charcoal Wool Overcoat',
    variants: [
      { title: 'M', sku: 'COAT-M', price: '239.00', availableForSale: true, inventoryQuantity: 12 },
      { title: 'L', sku: 'COAT-L', price: '239.00', availableForSale: true, inventoryQuantity: 7 },
    ],
  });
  store.addProduct({
    ...base,
    title: 'Merino Touchscreen Gloves',
    translations: { es: { title: 'Guantes de merino táctiles' } },
    description: 'Thin merino gloves that work with phones.',
    handle: 'merino-gloves',
    productType: 'Gloves',
    imageUrl: '/images/merino-gloves.svg',
    imageAlt: 'Merino Touchscreen Gloves',
    variants: [{ title: 'Default Title', sku: 'GLOVES', price: '35.00', availableForSale: true, inventoryQuantity: 30 }],
  });
  store.addCustomer({
    firstName: 'Olivia',
    lastName: 'Bennett',
    email: 'olivia.bennett@example.com',
    phone: '+44 20 7946 0001',
    locale: 'en',
    addresses: [{ address1: '1 Long Lane', city: 'London', zip: 'SE1 4PU', countryCode: 'GB' }],
    note: null,
    emailMarketingConsent: { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: null },
  });
  return store;
}

export interface RunningStorefront {
  url: URL;
  store: SandboxStore;
  close(): Promise<void>;
}

/** The storefront router on a real HTTP server on loopback; `extra` mounts stand-ins (e.g. the app proxy) first. */
export async function startStorefront(store = smallStore(), extra?: Router): Promise<RunningStorefront> {
  const app = express();
  if (extra) app.use(extra);
  app.use(createStorefrontRouter({ store, extensionDir: EXTENSION_DIR }));
  const server = await new Promise<Server>((done) => {
    const listening = app.listen(0, '127.0.0.1', () => done(listening));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    store,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

