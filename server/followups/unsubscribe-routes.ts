import { Router, type Request, type RequestHandler } from 'express';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { Storage } from '../db/storage.ts';
import { HttpError } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import { readUnsubscribeToken, TEST_MAIL_TOKEN } from './mail/unsubscribe-token.ts';
import type { ShopAdmin } from './shop-admin.ts';

const WORDS = {
  en: {
    title: 'Unsubscribe',
    ask: 'Stop emails from this store to you?',
    button: 'Unsubscribe',
    done: 'You are unsubscribed. No more emails from this store will be sent to you.',
    test: 'This link comes from a test email or a preview: it unsubscribes nobody, and nothing was changed. In a real follow-up, it unsubscribes the person the email was sent to.',
  },
  es: {
    title: 'Darte de baja',
    ask: '¿Dejar de recibir correos de esta tienda?',
    button: 'Darme de baja',
    done: 'Te diste de baja. Esta tienda no te enviará más correos.',
    test: 'Este enlace viene de un correo de prueba o de una vista previa: no da de baja a nadie y no se cambió nada. En un correo real, da de baja a la persona a quien se envió.',
  },
  pt: {
    title: 'Cancelar inscrição',
    ask: 'Parar de receber e-mails desta loja?',
    button: 'Cancelar inscrição',
    done: 'Sua inscrição foi cancelada. Esta loja não enviará mais e-mails para você.',
    test: 'Este link vem de um e-mail de teste ou de uma prévia: não cancela a inscrição de ninguém e nada foi alterado. Em um e-mail real, cancela a inscrição da pessoa que o recebeu.',
  },
} as const;

const languageOf = (req: Request): keyof typeof WORDS => {
  const preferred = req.acceptsLanguages('en', 'es', 'pt');
  return preferred === 'es' || preferred === 'pt' ? preferred : 'en';
};

const page = (lang: keyof typeof WORDS, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${WORDS[lang].title}</title>` +
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
    const lang = languageOf(req);
    res.set('Cache-Control', 'no-store');
    if (req.method === 'POST' && req.accepts(['html', 'text']) !== 'html') return void res.type('text').send(WORDS[lang].test);
    res.type('html').send(page(lang, `<h1>${WORDS[lang].title}</h1><p role="status">${WORDS[lang].test}</p>`));
  };
  // Before the token routes: a test link names nobody, so there is nothing to check and nothing to change.
  router.get(`/unsubscribe/${TEST_MAIL_TOKEN}`, testPage);
  router.post(`/unsubscribe/${TEST_MAIL_TOKEN}`, testPage);

  router.get('/unsubscribe/:token', (req, res) => {
    tokenOf(req);
    const lang = languageOf(req);
    const words = WORDS[lang];
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        page(
          lang,
          `<h1>${words.title}</h1><p>${words.ask}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${words.button}</button></form>`,
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
    const lang = languageOf(req);
    res.set('Cache-Control', 'no-store');
    if (req.accepts(['html', 'text']) === 'html') res.type('html').send(page(lang, `<h1>${WORDS[lang].title}</h1><p role="status">${WORDS[lang].done}</p>`));
    else res.type('text').send(WORDS[lang].done);
  });
  return router;
}
