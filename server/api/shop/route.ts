import { Router } from 'express';
import { z } from 'zod';
import type { Storage } from '../../db/storage.ts';
import { authOf } from '../../auth/session-token.ts';
import type { ShopifyApp } from '../../shopify/shopify-app.ts';

const SHOP_QUERY = `#graphql
  query TactoShop {
    shop { name myshopifyDomain currencyCode ianaTimezone }
  }`;

const shopResponse = z.object({
  shop: z.object({ name: z.string(), myshopifyDomain: z.string(), currencyCode: z.string(), ianaTimezone: z.string() }),
});

/** GET /api/shop: the installed shop as the Admin API reports it, and Tacto's installation record. */
export function shopRoute(deps: { shopify: ShopifyApp; storage: Storage }): Router {
  const router = Router();
  router.get('/shop', async (_req, res) => {
    const { session, shop } = authOf(res);
    const client = new deps.shopify.api.clients.Graphql({ session });
    const response = await client.request(SHOP_QUERY);
    const data = shopResponse.parse(response.data);
    const installation = await deps.storage.shops.find(shop);
    res.json({
      shop: data.shop,
      installation: installation && { installedAt: installation.installedAt.toISOString(), scopes: installation.scopes },
    });
  });
  return router;
}
