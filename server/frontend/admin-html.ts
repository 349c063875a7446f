import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RequestHandler } from 'express';

export const ADMIN_BUILD_DIR = resolve(import.meta.dirname, '../../dist/admin');

/**
 * Serves the admin's index.html with App Bridge loaded first, as Shopify requires (the meta tag tells App
 * Bridge our API key). The script's URL is configuration: Shopify's CDN in production, the sandbox's
 * equivalent offline.
 */
export function adminHtml(options: { apiKey: string; appBridgeUrl: string; buildDir?: string }): RequestHandler {
  let template: string | undefined;
  const head =
    `<meta name="shopify-api-key" content="${escapeAttribute(options.apiKey)}" />\n` +
    `    <script src="${escapeAttribute(options.appBridgeUrl)}"></script>`;
  return async (_req, res) => {
    template ??= await readFile(resolve(options.buildDir ?? ADMIN_BUILD_DIR, 'index.html'), 'utf8');
    res.type('html').set('Cache-Control', 'no-store').send(template.replace('<!-- app-bridge -->', head));
  };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
