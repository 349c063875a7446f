import express, { Router } from 'express';
import { z } from 'zod';
import type { AppRegistration } from '../app-registration.ts';
import type { SandboxShop } from '../store/types.ts';
import type { Installations } from './installations.ts';
import { signAdminQuery } from './signing.ts';

/** The `host` parameter Shopify adds to admin URLs: base64 of the shop's admin location. */
export function adminHostParam(shop: SandboxShop): string {
  const handle = shop.myshopifyDomain.split('.')[0]!;
  const adminHost = `admin.${shop.myshopifyDomain.slice(handle.length + 1)}/store/${handle}`;
  return Buffer.from(adminHost).toString('base64').replace(/=+$/, '');
}

const authorizeQuery = z.object({
  client_id: z.string(),
  scope: z.string().default(''),
  redirect_uri: z.url(),
  state: z.string().min(1),
});

const tokenRequest = z.object({ client_id: z.string(), client_secret: z.string(), code: z.string() });

/**
 * Shopify's OAuth endpoints. The merchant "approves" at once (there is one sandbox merchant); everything
 * else — redirect URI check, signed callback, one-time code, secret check — is as strict as Shopify.
 */
export function oauthProviderRoutes(deps: { shop: SandboxShop; app: AppRegistration; installations: Installations }): Router {
  const { shop, app, installations } = deps;
  const router = Router();

  router.get('/admin/oauth/authorize', (req, res) => {
    const query = authorizeQuery.safeParse(req.query);
    if (!query.success) {
      res.status(400).type('text').send(`Oauth error invalid_request: ${query.error.issues[0]?.message}`);
      return;
    }
    const { client_id, scope, redirect_uri, state } = query.data;
    const redirect = new URL(redirect_uri);
    if (client_id !== app.apiKey) {
      res.status(400).type('text').send('Oauth error invalid_request: The client_id is not valid');
      return;
    }
    if (redirect.origin !== app.appUrl.origin) {
      res.status(400).type('text').send('Oauth error invalid_request: The redirect_uri is not whitelisted');
      return;
    }
    // read_all_orders needs Shopify's approval; a shop configured without it grants the rest only.
    const scopes = scope
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && (s !== 'read_all_orders' || shop.grantsReadAllOrders));
    const params: Record<string, string> = {
      code: installations.issueCode(scopes),
      host: adminHostParam(shop),
      shop: shop.myshopifyDomain,
      state,
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    params.hmac = signAdminQuery(params, app.apiSecret);
    for (const [key, value] of Object.entries(params)) redirect.searchParams.set(key, value);
    res.redirect(302, redirect.toString());
  });

  router.post('/admin/oauth/access_token', express.json(), express.urlencoded({ extended: false }), (req, res) => {
    const body = tokenRequest.safeParse(req.body);
    if (!body.success || body.data.client_id !== app.apiKey || body.data.client_secret !== app.apiSecret) {
      res.status(400).json({ error: 'invalid_request', error_description: 'The client credentials are invalid' });
      return;
    }
    const installation = installations.redeemCode(body.data.code);
    if (!installation) {
      res.status(400).json({ error: 'invalid_request', error_description: 'The authorization code was not found or was already used' });
      return;
    }
    res.json({ access_token: installation.accessToken, scope: installation.scopes.join(',') });
  });

  return router;
}
