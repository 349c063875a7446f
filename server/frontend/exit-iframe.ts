import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import { exitIframePolicy, formatPolicy } from './content-security-policy.ts';

/**
 * /exitiframe: OAuth cannot run inside the admin's iframe, so this page asks App Bridge to send the top
 * window to the auth URL. Only our own /api/auth is accepted as a target (no open redirect). Its one inline
 * line runs by a nonce made for this response; no other inline script could.
 */
export function exitIframe(options: { appUrl: URL; apiKey: string; appBridgeUrl: string; frameAncestors: (shop: unknown) => string[] }): RequestHandler {
  return (req, res) => {
    let target: URL;
    try {
      target = new URL(String(req.query.redirectUri ?? ''));
    } catch {
      res.status(400).json({ error: 'invalid_redirect', message: 'redirectUri must be a URL.' });
      return;
    }
    if (target.origin !== options.appUrl.origin || target.pathname !== '/api/auth') {
      res.status(400).json({ error: 'invalid_redirect', message: 'redirectUri must point to this app\'s /api/auth.' });
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const url = JSON.stringify(target.toString()).replace(/</g, '\\u003c');
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .set('Content-Security-Policy', formatPolicy(exitIframePolicy({ appBridgeUrl: options.appBridgeUrl, nonce, frameAncestors: options.frameAncestors(req.query.shop) })))
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="shopify-api-key" content="${options.apiKey.replace(/"/g, '&quot;')}">
<script src="${options.appBridgeUrl.replace(/"/g, '&quot;')}"></script><title>Redirecting…</title></head>
<body><p>Redirecting to authorization…</p><script nonce="${nonce}">open(${url}, '_top');</script></body></html>`);
  };
}
