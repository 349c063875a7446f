import { Router, type Request, type RequestHandler } from 'express';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { Storage } from '../db/storage.ts';
import { HttpError } from '../http/errors.ts';
import { localeParam, shopperLocale, shopperWords } from '../i18n/shopper-words.ts';
import type { Logger } from '../logger.ts';
import { readUnsubscribeToken, TEST_MAIL_TOKEN } from './mail/unsubscribe-token.ts';
import type { ShopAdmin } from './shop-admin.ts';
import { escapeHtml } from '../text/escape-html.ts';

/**
 * The page's words, from the storefront's locale files (server/i18n/shopper-words.ts) like every page a shopper
 * reads; its language is the buyer's, which the follow-up's link carries as `?locale=`, else the browser's, else
 * English.
 */
function wordsFor(req: Request) {
  const locale = shopperLocale(req, localeParam.parse(req.query.locale));
  const t = shopperWords(locale);
  return {
    locale,
    title: t('tacto.terms.unsubscribe'),
    ask: t('tacto.unsubscribe.ask'),
    button: t('tacto.unsubscribe.button'),
    done: t('tacto.unsubscribe.done'),
    test: t('tacto.unsubscribe.test'),
  };
}
type Words = ReturnType<typeof wordsFor>;

const page = (words: Words, body: string) =>
  `<!doctype html><html lang="${words.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${escapeHtml(words.title)}</title>` +
  '<style>body{max-width:32rem;margin:3rem auto;padding:0 1rem;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a}' +
  'button{font:inherit;padding:.6rem 1.2rem;border:1px solid #1a1a1a;border-radius:.4rem;background:#fff;cursor:pointer}</style>' +
  `</head><body><main>${body}</main></body></html>`;

/**
 * /unsubscribe/<token>, the link in every follow-up. GET shows a page with a button and changes nothing (mail
 * scanners follow links). POST — the page's button, or a mail client's RFC 8058 one-click POST — unsubscribes at
 * once: no cookie, no login, 200 without a redirect. The token is checked before anything is read or written;
 * a bad or forged one gets a 400 and changes nothing. The customer's consent is withdrawn here (their address is
 * dropped, so no follow-up can reach them) and written back to Shopify, so the store's other mail stops too.
 *
 * /unsubscribe/test-mail is the link of test mails and previews (TEST_MAIL_TOKEN): GET and POST both answer a
 * page saying it is a test, and change nothing anywhere.
 */
export function unsubscribeRoutes(deps: {
  storage: Storage;
  shopAdmin: Pick<ShopAdmin, 'unsubscribe'>;
  analytics: Pick<AnalyticsService, 'countUnsubscribe'>;
  secret: string;
  logger: Logger;
}): Router {
  const router = Router();
  const tokenOf = (req: Request<{ token: string }>) => {
    const named = readUnsubscribeToken(deps.secret, req.params.token);
    if (!named) throw new HttpError(400, 'invalid_token', 'This unsubscribe link is not valid. Use the link from the email itself.');
    return named;
  };

  const testPage: RequestHandler = (req, res) => {
    const words = wordsFor(req);
    res.set('Cache-Control', 'no-store');
    if (req.method === 'POST' && req.accepts(['html', 'text']) !== 'html') return void res.type('text').send(words.test);
    res.type('html').send(page(words, `<h1>${escapeHtml(words.title)}</h1><p role="status">${escapeHtml(words.test)}</p>`));
  };
  // Before the token routes: a test link names nobody, so there is nothing to check and nothing to change.
  router.get(`/unsubscribe/${TEST_MAIL_TOKEN}`, testPage);
  router.post(`/unsubscribe/${TEST_MAIL_TOKEN}`, testPage);

  router.get('/unsubscribe/:token', (req, res) => {
    tokenOf(req);
    const words = wordsFor(req);
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        page(
          words,
          // No action: the form posts to this same address, `?locale=` included, so the answer is in the same language.
          `<h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.ask)}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(words.button)}</button></form>`,
        ),
      );
  });

  router.post('/unsubscribe/:token', async (req, res) => {
    const { shop, customerId } = tokenOf(req);
    // Counted once per buyer who was subscribed: a second click, or a mail client's one-click after the button, is not
    // another unsubscribe.
    if (await deps.storage.ingest.withdrawConsent(shop, customerId, 'UNSUBSCRIBED')) await deps.analytics.countUnsubscribe(shop);
    try {
      await deps.shopAdmin.unsubscribe(shop, customerId, new Date());
    } catch (error) {
      // Tacto has already stopped; Shopify will hear it from the store's own unsubscribe handling or the merchant.
      deps.logger.error({ shop, customerId, err: error }, 'unsubscribe not written back to Shopify');
    }
    const words = wordsFor(req);
    res.set('Cache-Control', 'no-store');
    if (req.accepts(['html', 'text']) === 'html') res.type('html').send(page(words, `<h1>${escapeHtml(words.title)}</h1><p role="status">${escapeHtml(words.done)}</p>`));
    else res.type('text').send(words.done);
  });
  return router;
}
