/**
 * The duties a follow-up carries for the buyer's country, and how the mail prints them: in the country's language
 * whatever the template's, with a plain translation when the template is in another one, after the signature.
 */
import { describe, expect, it } from 'vitest';
import { composeFollowup as composeOnce, type ComposeInput } from '../../server/followups/compose/compose.ts';
import { retryIfStarved } from '../../server/followups/compose/render-template.ts';
import { DEFAULT_TEMPLATES } from '../../server/followups/compose/words.ts';
import { followupDuties } from '../../server/followups/regional/regional-duties.ts';

const composeFollowup = (input: ComposeInput) => retryIfStarved(() => composeOnce(input));
const base: Omit<ComposeInput, 'subject' | 'body' | 'locale'> = {
  shopName: 'Lanas del Sur',
  customerFirstName: 'Isabel',
  persona: { fullName: 'Marta Ruiz', role: 'Wool care', signature: '', hasPhoto: false },
  product: { title: 'Merino scarf' },
  guide: null,
  complements: [{ title: 'Knit mittens', url: 'https://shop.example/products/knit-mittens', price: '$20.00' }],
  unsubscribeUrl: 'https://app.example/unsubscribe/t',
};
const ARTICLE_27 = '«El titular podrá en cualquier momento solicitar el retiro o bloqueo de su nombre de los bancos de datos a los que se refiere el presente artículo.»';

describe('the duties of a buyer’s country', () => {
  it.each([
    ['AR', true, ['ar-marketing-removal']],
    ['ar', false, ['ar-marketing-removal']],
    ['BR', true, ['br-automated-criteria']],
    // No suggestions in the mail, nothing chosen automatically to explain.
    ['BR', false, []],
    ['MX', false, ['mx-optional-purpose']],
    ['US', true, []],
    ['ES', true, []],
    [null, true, []],
  ] as const)('%s with complements %s → %j', (country, hasComplements, duties) => {
    expect(followupDuties({ country, hasComplements })).toEqual(duties);
  });
});

describe('a follow-up to an Argentine buyer', () => {
  it('carries the prescribed legend in Spanish, after the merchant’s note and signature, in both parts', () => {
    const mail = composeFollowup({ ...base, locale: 'es', ...DEFAULT_TEMPLATES.es, regionalDuties: ['ar-marketing-removal'] });
    expect(mail.text).toContain(ARTICLE_27);
    expect(mail.text).toContain('Decreto 1558/2001, Anexo I, artículo 27');
    expect(mail.text).toContain('retiro o bloqueo, total o parcial, de tu nombre de la base de datos de Lanas del Sur');
    expect(mail.text.indexOf(ARTICLE_27)).toBeGreaterThan(mail.text.indexOf('Marta Ruiz'));
    expect(mail.text.indexOf(ARTICLE_27)).toBeLessThan(mail.text.indexOf('https://app.example/unsubscribe/t'));
    expect(mail.html).toContain('data-tacto-duty="ar-marketing-removal"');
    expect(mail.html).toContain('<div lang="es">');
    // A Spanish template needs no translation of a Spanish legend.
    expect(mail.text).not.toContain('In English');
  });

  it('keeps the Spanish legend in an English mail and adds a plain English translation', () => {
    const mail = composeFollowup({ ...base, locale: 'en', ...DEFAULT_TEMPLATES.en, regionalDuties: ['ar-marketing-removal'] });
    expect(mail.text).toContain(ARTICLE_27);
    expect(mail.text).toContain('In English');
    expect(mail.text).toContain('removed or blocked, wholly or in part, from the database of Lanas del Sur');
    expect(mail.html).toContain('<div lang="en">');
  });

  it('a template cannot remove it: the legend is not part of what the merchant writes', () => {
    const mail = composeFollowup({ ...base, locale: 'es', subject: 'Hola', body: '{% comment %}nada{% endcomment %}Gracias.', regionalDuties: ['ar-marketing-removal'] });
    expect(mail.text).toContain(ARTICLE_27);
  });
});

describe('Brazil and Mexico', () => {
  it('a Brazilian buyer reads the criteria behind the suggestions and how to ask for them and a review', () => {
    const mail = composeFollowup({ ...base, locale: 'pt-BR', ...DEFAULT_TEMPLATES['pt-BR'], regionalDuties: ['br-automated-criteria'] });
    expect(mail.text).toContain('LGPD, art. 20');
    expect(mail.text).toContain('escolhidas automaticamente a partir dos produtos deste pedido');
    expect(mail.text).toContain('a revisão desta escolha respondendo a este e-mail');
  });

  it('a Mexican buyer reads that the mail is an optional purpose and how to refuse it', () => {
    const mail = composeFollowup({ ...base, locale: 'en', ...DEFAULT_TEMPLATES.en, regionalDuties: ['mx-optional-purpose'] });
    expect(mail.text).toContain('Este correo y sus sugerencias sirven a finalidades opcionales');
    expect(mail.text).toContain('date de baja con el enlace al pie de este correo');
    expect(mail.text).toContain('This email and its suggestions serve optional purposes');
  });

  it('anyone else gets none of it', () => {
    const mail = composeFollowup({ ...base, locale: 'en', ...DEFAULT_TEMPLATES.en, regionalDuties: [] });
    expect(mail.html).not.toContain('data-tacto-duty');
    expect(mail.text).not.toMatch(/LGPD|LFPDPPP|25\.326/);
  });
});
