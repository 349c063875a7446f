import type { FollowupLocale } from '../../db/followup-repository.ts';
import type { FollowupDuty } from './regional-duties.ts';

/** One duty's words in one language: a heading and paragraphs; `{shop}` is the shop's name. */
export interface DutyWords {
  heading: string;
  paragraphs: string[];
}

/**
 * Each duty is written in its country's language (`native`), whatever the template's language, because that is
 * the text the rule asks for; a mail in another language adds a plain translation below it (`translations`).
 */
export interface RegionalWords {
  native: FollowupLocale;
  text: DutyWords;
  translations: Partial<Record<FollowupLocale, DutyWords>>;
}

/** Argentina: the wording Disposición DNPDP 4/2009 prescribes — the notice, the mechanism, and both rules quoted. */
const AR_LEGEND: DutyWords = {
  heading: 'Derecho de retiro o bloqueo de tus datos (Ley 25.326, art. 27, inc. 3; Disposición DNPDP 4/2009)',
  paragraphs: [
    'Puedes solicitar en cualquier momento el retiro o bloqueo, total o parcial, de tu nombre de la base de datos de {shop}. Para hacerlo, usa el enlace para darte de baja al pie de este correo, o respóndelo. Responsable de la base de datos: {shop}.',
    'Ley 25.326, artículo 27, inciso 3: «El titular podrá en cualquier momento solicitar el retiro o bloqueo de su nombre de los bancos de datos a los que se refiere el presente artículo.»',
    'Decreto 1558/2001, Anexo I, artículo 27, párrafo tercero: «En toda comunicación con fines de publicidad que se realice por correo, teléfono, correo electrónico, Internet u otro medio a distancia a conocer, se deberá indicar, en forma expresa y destacada, la posibilidad del titular del dato de solicitar el retiro o bloqueo, total o parcial, de su nombre de la base de datos. A pedido del interesado, se deberá informar el nombre del responsable o usuario del banco de datos que proveyó la información.»',
  ],
};

const BR_CRITERIA: DutyWords = {
  heading: 'Como as sugestões deste e-mail foram escolhidas (LGPD, art. 20)',
  paragraphs: [
    'As sugestões acima foram escolhidas automaticamente a partir dos produtos deste pedido: produtos que outros clientes de {shop} compraram junto com eles, ou da mesma coleção ou categoria. Nunca entram o que você já comprou, um produto do mesmo tipo do que você comprou, nem algo que revele um tema sensível (saúde, gravidez, religião e outros).',
    'Você pode pedir informações claras sobre esses critérios e a revisão desta escolha respondendo a este e-mail, e pode desativar as sugestões personalizadas em “Por que estou vendo isto?”, na loja.',
  ],
};

const MX_PURPOSE: DutyWords = {
  heading: 'Finalidad opcional de este correo (LFPDPPP)',
  paragraphs: [
    'Este correo y sus sugerencias sirven a finalidades opcionales: no son necesarios para procesar, enviar ni atender tu pedido, que es la finalidad necesaria por la que {shop} trata tus datos.',
    'Puedes negarte en cualquier momento: date de baja con el enlace al pie de este correo para no recibir más, y desactiva la personalización en «¿Por qué veo esto?», en la tienda, para no recibir sugerencias personalizadas. Negarte no afecta tus pedidos.',
  ],
};

export const REGIONAL_WORDS: Record<FollowupDuty, RegionalWords> = {
  'ar-marketing-removal': {
    native: 'es',
    text: AR_LEGEND,
    translations: {
      en: {
        heading: 'In English',
        paragraphs: [
          'You may ask at any time that your name be removed or blocked, wholly or in part, from the database of {shop}: use the unsubscribe link at the foot of this email, or reply to it. The database is held by {shop}. The Argentine rules quoted above say the same: the data subject may ask for removal or blocking at any time, every marketing message must say so clearly, and on request the sender must name who holds the database.',
        ],
      },
      'pt-BR': {
        heading: 'Em português',
        paragraphs: [
          'Você pode pedir a qualquer momento que seu nome seja retirado ou bloqueado, total ou parcialmente, da base de dados de {shop}: use o link para cancelar a inscrição no fim deste e-mail, ou responda a ele. A base de dados é mantida por {shop}. As normas argentinas citadas acima dizem o mesmo: o titular pode pedir a retirada ou o bloqueio a qualquer momento, toda comunicação publicitária deve informá-lo com destaque e, a pedido, o remetente deve informar quem mantém a base de dados.',
        ],
      },
    },
  },
  'br-automated-criteria': {
    native: 'pt-BR',
    text: BR_CRITERIA,
    translations: {
      en: {
        heading: 'In English',
        paragraphs: [
          'The suggestions above were chosen automatically from the products in this order: products other customers of {shop} bought together with them, or from the same collection or category — never what you already bought, something of the same kind as what you bought, or anything that reveals a sensitive topic. You can ask for clear information about these criteria and for a review of this choice by replying to this email, and you can turn personalized suggestions off under “Why am I seeing this?” in the store.',
        ],
      },
      es: {
        heading: 'En español',
        paragraphs: [
          'Las sugerencias de arriba se eligieron automáticamente a partir de los productos de este pedido: productos que otros clientes de {shop} compraron junto con ellos, o de la misma colección o categoría; nunca lo que ya compraste, algo del mismo tipo de lo que compraste ni algo que revele un tema sensible. Puedes pedir información clara sobre estos criterios y la revisión de esta elección respondiendo a este correo, y desactivar las sugerencias personalizadas en «¿Por qué veo esto?», en la tienda.',
        ],
      },
    },
  },
  'mx-optional-purpose': {
    native: 'es',
    text: MX_PURPOSE,
    translations: {
      en: {
        heading: 'In English',
        paragraphs: [
          'This email and its suggestions serve optional purposes: they are not needed to process, ship or look after your order, which is the necessary purpose for which {shop} uses your data. You can refuse them at any time: unsubscribe with the link at the foot of this email to receive no more, and turn personalization off under “Why am I seeing this?” in the store to get no personalized suggestions. Refusing does not affect your orders.',
        ],
      },
      'pt-BR': {
        heading: 'Em português',
        paragraphs: [
          'Este e-mail e suas sugestões servem a finalidades opcionais: não são necessários para processar, enviar ou atender o seu pedido, que é a finalidade necessária pela qual {shop} trata seus dados. Você pode recusá-los a qualquer momento: cancele a inscrição com o link no fim deste e-mail para não receber mais, e desative a personalização em “Por que estou vendo isto?”, na loja, para não receber sugestões personalizadas. Recusar não afeta seus pedidos.',
        ],
      },
    },
  },
};

/** The blocks a duty prints in a mail written in `locale`: the native text, then a translation when it differs. */
export function dutyBlocks(duty: FollowupDuty, locale: FollowupLocale): { lang: FollowupLocale; words: DutyWords }[] {
  const entry = REGIONAL_WORDS[duty];
  const translation = locale === entry.native ? undefined : entry.translations[locale];
  return [{ lang: entry.native, words: entry.text }, ...(translation ? [{ lang: locale, words: translation }] : [])];
}
