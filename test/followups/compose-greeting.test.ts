import { describe, expect, it } from 'vitest';
import { composeFollowup as composeOnce, mendEmptyName, type ComposeInput } from '../../server/followups/compose/compose.ts';
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
    ['pt', null, 'Olá!'],
    ['pt', 'Ana', 'Olá, Ana!'],
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
