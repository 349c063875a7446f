import express from 'express';
import { mailJson, renderMailDetail, renderMailList } from './mail-pages.ts';
import type { SmtpSink } from './smtp-sink.ts';

/** The mailbox pages load nothing from anywhere; they may only frame their own message bodies. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'";
/**
 * A received HTML body is untrusted: no scripts, no network (remote images could track the reader), no
 * forms, in a sandbox with an opaque origin. Inline styles and data: images keep it looking as sent.
 */
const BODY_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/**
 * GET /mail (list, newest first), GET /mail/:id (one message), GET /mail/:id/html (its HTML body, sandboxed),
 * GET /mail.json (every message; `?raw=1` adds the raw source).
 */
export function mailSinkRouter(sink: SmtpSink): express.Router {
  const router = express.Router();

  router.get('/mail.json', (req, res) => {
    const includeRaw = req.query['raw'] === '1';
    res.json({ messages: sink.messages().reverse().map((mail) => mailJson(mail, includeRaw)) });
  });

  router.get('/mail', (req, res) => {
    res.set('Content-Security-Policy', PAGE_CSP).type('html').send(renderMailList(sink.messages(), req.baseUrl));
  });

  router.get('/mail/:id', (req, res) => {
    const mail = sink.messages().find((candidate) => candidate.id === req.params.id);
    if (!mail) {
      res.status(404).type('text').send('No such message');
      return;
    }
    res.set('Content-Security-Policy', PAGE_CSP).type('html').send(renderMailDetail(mail, req.baseUrl));
  });

  router.get('/mail/:id/html', (req, res) => {
    const mail = sink.messages().find((candidate) => candidate.id === req.params.id);
    if (!mail?.html) {
      res.status(404).type('text').send('No HTML part');
      return;
    }
    res
      .set('Content-Security-Policy', BODY_CSP)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Referrer-Policy', 'no-referrer')
      .type('html')
      .send(mail.html);
  });

  return router;
}
