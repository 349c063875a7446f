import type { FollowupLocale } from '../../db/followup-repository.ts';

/** The fixed words of a follow-up around the merchant's own text, in the template's language. */
export interface MailWords {
  complementsHeading: string;
  /** `{shop}` */
  why: string;
  /** The unsubscribe page's own name (extensions/tacto/locales `tacto.terms.unsubscribe`; a test keeps them equal). */
  unsubscribe: string;
  photoAlt: string;
  /** Before a test mail's subject (the merchant's "Send a test to me"). */
  testMark: string;
}

export const MAIL_WORDS: Record<FollowupLocale, MailWords> = {
  en: {
    complementsHeading: 'Goes well with it',
    why: 'You receive this because you subscribed to emails from {shop}.',
    unsubscribe: 'Unsubscribe',
    photoAlt: 'Photo of {name}',
    testMark: '[Test]',
  },
  es: {
    complementsHeading: 'Combina bien con esto',
    why: 'Recibes este correo porque te suscribiste a los correos de {shop}.',
    unsubscribe: 'Darse de baja',
    photoAlt: 'Foto de {name}',
    testMark: '[Prueba]',
  },
  'pt-BR': {
    complementsHeading: 'Combina bem com isto',
    why: 'Você recebe este e-mail porque se inscreveu para receber e-mails de {shop}.',
    unsubscribe: 'Cancelar inscrição',
    photoAlt: 'Foto de {name}',
    testMark: '[Teste]',
  },
};

/** A starting template per language: a note from a person, the guide below it, an invitation to reply. */
export const DEFAULT_TEMPLATES: Record<FollowupLocale, { subject: string; body: string }> = {
  en: {
    subject: 'A few tips for your {{ product.title }}',
    body: [
      'Hi{% if customer.first_name %} {{ customer.first_name }}{% endif %},',
      'I hope your order arrived well. Below are a few notes that help {{ product.title }} last and work at its best.',
      'If anything is not right, just reply to this email: it comes straight to me.',
    ].join('\n\n'),
  },
  es: {
    subject: 'Unos consejos para tu {{ product.title }}',
    body: [
      'Hola{% if customer.first_name %}, {{ customer.first_name }}{% endif %}:',
      'Espero que tu pedido haya llegado bien. Más abajo te dejo unas notas para que {{ product.title }} te dure y funcione de la mejor manera.',
      'Si algo no está bien, responde a este correo: me llega directamente a mí.',
    ].join('\n\n'),
  },
  'pt-BR': {
    subject: 'Algumas dicas para o seu {{ product.title }}',
    body: [
      'Olá{% if customer.first_name %}, {{ customer.first_name }}{% endif %}!',
      'Espero que seu pedido tenha chegado bem. Deixei abaixo algumas dicas para que {{ product.title }} dure e funcione da melhor forma.',
      'Se algo não estiver certo, é só responder a este e-mail: ele chega direto para mim.',
    ].join('\n\n'),
  },
};
