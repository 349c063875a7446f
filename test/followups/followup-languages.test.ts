/** The follow-up's language for a buyer, and each language's template checked with its own language's lists. */
import { describe, expect, it } from 'vitest';
import { lintCopy } from '../../server/followups/copy-linter/index.ts';
import { DEFAULT_TEMPLATES } from '../../server/followups/compose/words.ts';
import { followupLocale, templateFor } from '../../server/followups/templates.ts';
import { addBulkLine } from '../../server/backfill/map-bulk-line.ts';
import { emptyBatch } from '../../server/ingest/records.ts';
import { orderFromPayload } from '../../server/webhooks/payloads.ts';
import { verificationMail } from '../../server/followups/personas/verification-mail.ts';

describe('followupLocale: the buyer’s own language, else the order’s, else the shop’s', () => {
  it.each([
    // customer, order, shop → mail
    ['es', 'en', 'en', 'es'],
    ['pt-BR', 'es', 'en', 'pt-BR'],
    ['en', 'es', 'pt-BR', 'en'],
    [null, 'es', 'en', 'es'],
    [null, 'pt-BR', 'es', 'pt-BR'],
    [null, null, 'pt-BR', 'pt-BR'],
    ['', '  ', 'es', 'es'],
    // Regional tags fall back to their language.
    ['es-AR', 'en', 'en', 'es'],
    ['es_MX', null, 'en', 'es'],
    ['pt-PT', null, 'en', 'pt-BR'],
    ['EN-gb', 'es', 'es', 'en'],
    [null, 'es-419', 'en', 'es'],
    // A language Tacto does not speak is passed over for the next candidate, then the shop's.
    ['fr-CA', 'es', 'en', 'es'],
    ['de', null, 'pt-BR', 'pt-BR'],
    ['ja', 'it', 'es-MX', 'es'],
    // With the shop's language unknown too (no read_locales): English.
    [null, null, null, 'en'],
    ['fr', null, 'ja', 'en'],
  ] as const)('customer %j, order %j, shop %j → %s', (customerLocale, orderLocale, shopLocale, expected) => {
    expect(followupLocale({ customerLocale, orderLocale, shopLocale })).toBe(expected);
  });
});

describe('templateFor: the merchant’s text in that language, else the starter', () => {
  const flow = { templates: { es: { subject: 'Hola', body: 'Cuerpo', updatedAt: '2026-12-01T00:00:00.000Z' } } };
  it('sends the saved Spanish to a Spanish buyer and the starters to the others', () => {
    expect(templateFor(flow, 'es')).toEqual({ locale: 'es', subject: 'Hola', body: 'Cuerpo', starter: false });
    expect(templateFor(flow, 'en')).toEqual({ locale: 'en', ...DEFAULT_TEMPLATES.en, starter: true });
    expect(templateFor(null, 'pt-BR')).toEqual({ locale: 'pt-BR', ...DEFAULT_TEMPLATES['pt-BR'], starter: true });
  });
});

describe('each language’s template is linted with its own language’s phrases', () => {
  const lint = (locale: 'en' | 'es' | 'pt-BR', body: string) => lintCopy({ locale, subject: 'Tips for {{ product.title }}', body }).map((f) => [f.code, f.excerpt]);

  it('finds each language’s own phrases in its template, as codes with params', () => {
    expect(lint('en', 'We noticed you were looking at our scarves.')).toEqual([['behaviour_exposure', 'We noticed you were looking at']]);
    expect(lint('es', 'Vimos que miraste nuestras bufandas.')).toEqual([['behaviour_exposure', 'Vimos que miraste']]);
    expect(lint('pt-BR', 'Vimos que você olhou nossos cachecóis.')).toEqual([['behaviour_exposure', 'Vimos que você olhou']]);
    expect(lintCopy({ locale: 'es', subject: 'x', body: 'Felicidades por tu embarazo.' })[0]).toMatchObject({
      code: 'sensitive_topic',
      severity: 'error',
      params: { excerpt: 'embarazo', topic: 'pregnancy-fertility' },
    });
    expect(lint('es', 'Te acompañamos en tu duelo.')).toEqual([['life_stage', 'en tu duelo']]);
    expect(lint('pt-BR', 'Sentimos muito pela sua perda.')).toEqual([['life_stage', 'Sentimos muito pela sua perda']]);
  });

  it('checks a template with its own language’s lists only (each language has its own template, checked in its own tab)', () => {
    expect(lint('en', 'Since you viewed our scarves, here are gloves.')).toEqual([['behaviour_exposure', 'Since you viewed']]);
    expect(lint('es', 'Since you viewed our scarves, here are gloves.')).toEqual([]);
  });

  it('every starting template passes its own language’s check', () => {
    for (const [locale, template] of Object.entries(DEFAULT_TEMPLATES)) expect(lintCopy({ locale: locale as 'en', ...template })).toEqual([]);
  });
});

describe('the order’s language, as Shopify sends it', () => {
  const payload = (customer_locale: unknown) => ({ id: 9001, created_at: '2026-12-01T10:00:00Z', updated_at: '2026-12-01T10:00:00Z', customer: { id: 7 }, customer_locale, line_items: [] });
  const bulkOrder = (customerLocale: unknown) => ({ id: 'gid://shopify/Order/9001', createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z', customer: { id: 'gid://shopify/Customer/7' }, customerLocale });

  it.each([
    ['es-AR', 'es'],
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['en', 'en'],
    ['fr', null],
    [null, null],
    [undefined, null],
  ] as const)('%j is kept as %j (webhook and backfill alike)', (given, kept) => {
    expect(orderFromPayload(payload(given)).order.customerLocale).toBe(kept);
    const batch = emptyBatch();
    addBulkLine(batch, bulkOrder(given));
    expect(batch.orders[0]!.customerLocale).toBe(kept);
  });
});

describe('the Reply-To code’s mail, in the merchant’s language', () => {
  it.each([
    ['en', 'Your code to confirm marta@shop.example: 123456', 'Follow-ups page'],
    ['es', 'Tu código para confirmar marta@shop.example: 123456', 'página Seguimientos'],
    ['pt-BR', 'Seu código para confirmar marta@shop.example: 123456', 'página Acompanhamentos'],
  ] as const)('%s', (locale, subject, where) => {
    const mail = verificationMail(locale, { shop: 'Lanas', name: 'Marta Ruiz', address: 'marta@shop.example', code: '123456' });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(where);
    expect(mail.text.split('\n\n')).toContain('123456');
  });
});
