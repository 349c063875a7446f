/**
 * The sandbox store is reached through Shopify's own library, whose fetch is replaced to send a routed shop's
 * requests to its origin. The library has one fetch per process: when something else replaced it (another
 * instance of the library under test), the next app to start puts the routing back instead of silently sending
 * its shop's OAuth and GraphQL calls to `https://<shop>` on the internet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abstractFetch, setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routedOriginOf, routeShopsToOrigins } from '../../server/shopify/shop-routing.ts';

let server: Server;
let origin: string;
const libraryFetch = abstractFetch;

beforeAll(async () => {
  server = createServer((request, response) => response.end(`routed ${request.url}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  setAbstractFetchFunc(libraryFetch);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const shop = 'routing-check.sandbox.test';
const ask = async () => (await abstractFetch(`https://${shop}/admin/oauth/access_token`, {})).text();

it('routes a shop to its origin, and routes it again after the library’s fetch was replaced', async () => {
  routeShopsToOrigins(new Map([[shop, origin]]));
  expect(routedOriginOf(shop)).toBe(origin);
  expect(await ask()).toBe('routed /admin/oauth/access_token');

  setAbstractFetchFunc(async () => new Response('elsewhere'));
  expect(await ask()).toBe('elsewhere');

  routeShopsToOrigins(new Map([[shop, origin]]));
  expect(await ask()).toBe('routed /admin/oauth/access_token');
});
