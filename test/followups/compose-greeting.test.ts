import { describe, expect, it } from 'vitest';
import { allowedImageUrl } from '../../server/followups/compose/complement-images.ts';
import { composeFollowup as composeOnce, formatPrice, mendEmptyName, type ComposeInput } from '../../server/followups/compose/compose.ts';
import { retryIfStarved } from '../../server/followups/compose/render-template.ts';
import { DEFAULT_TEMPLATES } from '../../server/followups/compose/words.ts';

/** As the mail pipeline calls it: a render the busy test machine starved of CPU runs again. */
const composeFollowup = (input: ComposeInput) => retryIfStarved(() => composeOnce(input));

const base: Omit<ComposeInput, 'subject' | 'body' | 'locale'> = {
  shopName: 'Lanas del Sur',
  customerFirstName: null,
  persona: { fullName: 'Marta Ruiz', role: 'Wool care', signature: '', hasPhoto: false },
  product: { title: 'Merino scarf' },
  guide: null,
  complements: [],
  unsubscribeUrl: 'https://app.example/unsubscribe/t',
};
const firstLine = (text: string) => text.split('\n')[0];

describe('the greeting of a buyer with no first name reads naturally', () => {
  it.each([
    ['en', null, 'Hi,'],
    ['en', '', 'Hi,'],
    ['en', '   ', 'Hi,'],
    ['en', 'Ana', 'Hi Ana,'],
    ['es', null, 'Hola:'],
    ['es', 'Ana', 'Hola, Ana:'],
    ['pt-BR', null, 'Olá!'],
    ['pt-BR', 'Ana', 'Olá, Ana!'],
  ] as const)('the %s starting template, first name %j → "%s"', (locale, name, greeting) => {
    const mail = composeFollowup({ ...base, locale, ...DEFAULT_TEMPLATES[locale], customerFirstName: name });
    expect(firstLine(mail.text)).toBe(greeting);
    expect(mail.html).toContain(`>${greeting}`);
  });

  it.each([
    ['Hi {{ customer.first_name }},', 'Hi,'],
    ['Hola, {{ customer.first_name }}!', 'Hola!'],
    ['Olá {{ customer.first_name | capitalize }} !', 'Olá!'],
    ['Dear {{ customer.first_name }}, thanks.', 'Dear, thanks.'],
  ])('a merchant’s own "%s" → "%s"', (body, greeting) => {
    expect(firstLine(composeFollowup({ ...base, locale: 'en', subject: 'Hi {{ customer.first_name }}!', body }).text)).toBe(greeting);
    expect(composeFollowup({ ...base, locale: 'en', subject: 'Hi {{ customer.first_name }}!', body }).subject).toBe('Hi!');
  });

  it('leaves the punctuation alone when the buyer has a name', () => {
    const mail = composeFollowup({ ...base, locale: 'en', subject: 'S', body: 'Hi {{ customer.first_name }} , wait  here !', customerFirstName: 'Ana' });
    expect(firstLine(mail.text)).toBe('Hi Ana , wait  here !');
  });

  it('mends only spaces and a comma left before a mark', () => {
    expect(mendEmptyName('Hi , there')).toBe('Hi, there');
    expect(mendEmptyName('Oi, !')).toBe('Oi!');
    expect(mendEmptyName('See https://shop.example/a?b=1, then reply.')).toBe('See https://shop.example/a?b=1, then reply.');
  });
});

describe('complements in the mail', () => {
  const complements = [
    { title: 'Cedar block', url: 'https://shop.example/products/cedar?tacto=email', price: formatPrice('12.5', 'EUR', 'es'), imageCid: 'product-7@tacto' },
    { title: 'Wool brush', url: 'https://shop.example/products/brush?tacto=email', price: null, imageCid: null },
  ];

  it('shows each one’s picture by Content-ID, never a remote address, and its price', () => {
    const mail = composeFollowup({ ...base, locale: 'es', ...DEFAULT_TEMPLATES.es, complements });
    expect(mail.html).toContain('<img src="cid:product-7@tacto"');
    expect(mail.html).not.toMatch(/<img[^>]+src="https?:/);
    expect(mail.html).toContain('12,50\u00a0€');
    expect(mail.text).toContain('- Cedar block (12,50\u00a0€): https://shop.example/products/cedar?tacto=email');
    expect(mail.text).toContain('- Wool brush: https://shop.example/products/brush?tacto=email');
    expect(mail.html.match(/<img /g)).toHaveLength(1); // no picture, no empty frame
  });

  it.each([
    ['49', 'EUR', 'en', '€49.00'],
    ['49', 'EUR', 'es', '49,00\u00a0€'],
    ['49.9', 'BRL', 'pt-BR', 'R$\u00a049,90'],
    ['1200', 'ARS', 'es', '1200,00\u00a0ARS'],
    ['49', undefined, 'en', null],
    [null, 'EUR', 'en', null],
    ['n/a', 'EUR', 'en', null],
    ['49', 'XYZW', 'en', null],
  ] as const)('price %s %s in %s → %s', (amount, currency, locale, written) => {
    expect(formatPrice(amount, currency, locale)).toBe(written);
  });

  it('fetches pictures only from Shopify’s CDN, the storefront, or an origin the shop is routed to', () => {
    const storefront = 'https://lanas.example';
    expect(allowedImageUrl('https://cdn.shopify.com/s/files/a.jpg', storefront, [])?.toString()).toBe('https://cdn.shopify.com/s/files/a.jpg');
    expect(allowedImageUrl('/images/scarf.svg', storefront, [])?.toString()).toBe('https://lanas.example/images/scarf.svg');
    expect(allowedImageUrl('http://127.0.0.1:4000/images/a.svg', storefront, ['http://127.0.0.1:4000'])).not.toBeNull();
    expect(allowedImageUrl('http://127.0.0.1:4000/admin', storefront, [])).toBeNull();
    expect(allowedImageUrl('http://169.254.169.254/latest/meta-data', storefront, [])).toBeNull();
    expect(allowedImageUrl('file:///etc/passwd', storefront, [])).toBeNull();
    expect(allowedImageUrl('https://tracker.example/p.gif', storefront, [])).toBeNull();
  });
});
