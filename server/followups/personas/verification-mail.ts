import type { Locale } from '../../i18n/locales.ts';
import { fill } from '../../text/fill.ts';

/**
 * The mail that carries the Reply-To's one-time code, in the merchant's language (the admin's `locale`): the
 * merchant reads it, not a buyer. `{shop}`, `{name}`, `{address}`, `{code}` are filled in.
 */
const WORDS: Record<Locale, { subject: string; paragraphs: string[] }> = {
  en: {
    subject: 'Your code to confirm {address}: {code}',
    paragraphs: [
      'Tacto will send post-purchase follow-ups from {name} at {shop}, with replies going to {address}.',
      'To confirm that this mailbox receives mail, enter this code on the Follow-ups page in your Shopify admin:',
      '{code}',
      'It works for 24 hours. If you did not expect this, ignore it: nothing is sent until the code is entered.',
    ],
  },
  es: {
    subject: 'Tu código para confirmar {address}: {code}',
    paragraphs: [
      'Tacto enviará los correos de seguimiento después de cada compra en nombre de {name}, de {shop}, y las respuestas llegarán a {address}.',
      'Para confirmar que este buzón recibe correo, escribe este código en la página Seguimientos de tu panel de Shopify:',
      '{code}',
      'Vale por 24 horas. Si no esperabas este correo, ignóralo: no se envía nada hasta que se escriba el código.',
    ],
  },
  'pt-BR': {
    subject: 'Seu código para confirmar {address}: {code}',
    paragraphs: [
      'O Tacto vai enviar os acompanhamentos pós-compra em nome de {name}, de {shop}, com as respostas indo para {address}.',
      'Para confirmar que esta caixa recebe e-mails, digite este código na página Acompanhamentos do seu admin da Shopify:',
      '{code}',
      'Ele vale por 24 horas. Se você não esperava este e-mail, ignore: nada é enviado até o código ser digitado.',
    ],
  },
};

/** Pure: the verification mail's subject and text in `locale`. */
export function verificationMail(locale: Locale, values: { shop: string; name: string; address: string; code: string }): { subject: string; text: string } {
  const words = WORDS[locale];
  return { subject: fill(words.subject, values), text: words.paragraphs.map((p) => fill(p, values)).join('\n\n') };
}
