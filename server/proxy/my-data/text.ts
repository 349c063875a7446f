/**
 * The words of the shopper's "Your data and choices" page, in the storefront's languages. Topic names match the
 * preference block's (extensions/tacto/locales); numbers are filled in from the engine's policy.
 */
export const MY_DATA_LOCALES = ['en', 'es', 'pt-BR'] as const;
export type MyDataLocale = (typeof MY_DATA_LOCALES)[number];

export interface MyDataText {
  title: string;
  introLoggedIn: string;
  introVisitor: string;
  clearBrowser: string;
  browserCleared: string;
  personalizationHeading: string;
  personalizationOn: string;
  personalizationOff: string;
  turnOff: string;
  turnOn: string;
  ordersHeading: string;
  ordersNone: string;
  /** Shown above the rest when personalization is off. */
  ordersOff: string;
  /** `{count}`: every product they ever bought. */
  ordersOwned: string;
  /** `{count}`, `{days}`, `{eventDays}`: the products that still shape their suggestions. */
  ordersShaping: string;
  /** `{days}`, `{eventDays}` */
  ordersShapingNone: string;
  showList: string;
  topicsHeading: string;
  topicsIntro: string;
  /** `{count}`: the store's collections they said they are interested in, kept when they save here. */
  interestsKept: string;
  save: string;
  saved: string;
  dismissedHeading: string;
  none: string;
  shownHeading: string;
  /** `{count}`, `{days}` */
  shownCount: string;
  downloadHeading: string;
  download: string;
  deleteHeading: string;
  deleteText: string;
  deleteButton: string;
  deleted: string;
  failed: string;
  needsScript: string;
  topics: Record<string, string>;
}

const en: MyDataText = {
  title: 'Your data and choices',
  introLoggedIn: "Everything this store's suggestions keep about you, and what you can change.",
  introVisitor:
    'You are not logged in, so this store keeps nothing about you for suggestions. Your choices (suggestions off, items you hid) live only in this browser.',
  clearBrowser: 'Clear them from this browser',
  browserCleared: 'Cleared from this browser.',
  personalizationHeading: 'Personalized suggestions',
  personalizationOn: 'On: your orders in this store help choose suggestions.',
  personalizationOff: 'Off: you see what every visitor sees, which may include things you already bought.',
  turnOff: 'Turn personalization off',
  turnOn: 'Turn personalization back on',
  ordersHeading: 'Your orders',
  ordersNone: 'You have no orders in this store.',
  ordersOff: 'Personalization is off, so your orders are not used for your suggestions. Turned back on, they count like this:',
  ordersOwned:
    'Products you have bought here: {count}. None of them is ever suggested to you again, however long ago you bought it, for as long as the store keeps your orders.',
  ordersShaping:
    'Of these, those from your orders of the last {days} days also shape your suggestions: {count} (a one-off purchase, such as a trip, only for {eventDays} days).',
  ordersShapingNone:
    'None of them shapes your suggestions any more: only orders of the last {days} days do (a one-off purchase, such as a trip, only for {eventDays} days).',
  showList: 'Show them',
  topicsHeading: 'What you told us you shop for',
  topicsIntro:
    'Outside pages about them, suggestions on sensitive subjects come only from the topics you choose here, and they may come up more often than for a visitor. They are never guessed from your orders.',
  interestsKept:
    'You also chose {count} of this store\'s collections: their products are somewhat likelier in your suggestions, within the same limit as your orders. Change them in the store\'s "What are you shopping for?" block; saving here keeps them.',
  save: 'Save',
  saved: 'Saved.',
  dismissedHeading: 'Items you said are not for you',
  none: 'None.',
  shownHeading: 'Suggestions shown to you',
  shownCount:
    'Suggestions you had on screen or were sent by email in the last {days} days: {count}. Kept only so the same item does not keep coming back.',
  downloadHeading: 'A copy of your data',
  download: 'Download my data (JSON)',
  deleteHeading: 'Delete',
  deleteText:
    "Deletes the topics you told us, the items you hid and what you were shown. Whether suggestions are on or off stays as you set it. Your orders are the store's records: to have them erased, ask the store.",
  deleteButton: 'Delete what is kept about me',
  deleted: 'Deleted.',
  failed: 'Something went wrong. Please try again.',
  needsScript: 'The buttons on this page need JavaScript.',
  topics: {
    'pregnancy-fertility': 'Pregnancy and fertility',
    baby: 'Baby',
    'sexual-wellness': 'Sexual wellness',
    medical: 'Health conditions',
    'weight-loss': 'Weight loss',
    'finance-debt': 'Money and debt',
    'funeral-grief': 'Funerals and grief',
    religion: 'Religion',
  },
};

const es: MyDataText = {
  title: 'Tus datos y tus elecciones',
  introLoggedIn: 'Todo lo que las sugerencias de esta tienda guardan sobre ti, y lo que puedes cambiar.',
  introVisitor:
    'No has iniciado sesión, así que esta tienda no guarda nada sobre ti para las sugerencias. Tus elecciones (sugerencias desactivadas, productos ocultos) viven solo en este navegador.',
  clearBrowser: 'Borrarlas de este navegador',
  browserCleared: 'Borradas de este navegador.',
  personalizationHeading: 'Sugerencias personalizadas',
  personalizationOn: 'Activadas: tus pedidos en esta tienda ayudan a elegir las sugerencias.',
  personalizationOff: 'Desactivadas: ves lo mismo que cualquier visitante, y eso puede incluir cosas que ya compraste.',
  turnOff: 'Desactivar la personalización',
  turnOn: 'Volver a activar la personalización',
  ordersHeading: 'Tus pedidos',
  ordersNone: 'No tienes pedidos en esta tienda.',
  ordersOff: 'La personalización está desactivada, así que tus pedidos no se usan para tus sugerencias. Si la vuelves a activar, cuentan así:',
  ordersOwned:
    'Productos que compraste aquí: {count}. Ninguno se te vuelve a sugerir, sin importar cuándo lo compraste, mientras la tienda conserve tus pedidos.',
  ordersShaping:
    'De ellos, los de tus pedidos de los últimos {days} días también influyen en tus sugerencias: {count} (una compra puntual, como un viaje, solo durante {eventDays} días).',
  ordersShapingNone:
    'Ninguno influye ya en tus sugerencias: solo lo hacen los pedidos de los últimos {days} días (una compra puntual, como un viaje, solo durante {eventDays} días).',
  showList: 'Verlos',
  topicsHeading: 'Lo que nos dijiste que buscas',
  topicsIntro:
    'Fuera de las páginas dedicadas a ellos, las sugerencias sobre asuntos sensibles solo salen de los temas que elijas aquí, y pueden aparecerte más a menudo que a un visitante. Nunca se deducen de tus pedidos.',
  interestsKept:
    'También elegiste {count} de las colecciones de esta tienda: sus productos son algo más probables en tus sugerencias, dentro del mismo límite que tus pedidos. Cámbialas en el bloque «¿Qué estás buscando?» de la tienda; guardar aquí las conserva.',
  save: 'Guardar',
  saved: 'Guardado.',
  dismissedHeading: 'Productos que marcaste como «no es para mí»',
  none: 'Ninguno.',
  shownHeading: 'Sugerencias que se te mostraron',
  shownCount:
    'Sugerencias que tuviste en pantalla o que te llegaron por correo en los últimos {days} días: {count}. Solo se guardan para que el mismo producto no vuelva una y otra vez.',
  downloadHeading: 'Una copia de tus datos',
  download: 'Descargar mis datos (JSON)',
  deleteHeading: 'Borrar',
  deleteText:
    'Borra los temas que nos dijiste, los productos que ocultaste y lo que se te mostró. Que las sugerencias estén activadas o no sigue como lo elegiste. Tus pedidos son registros de la tienda: para que los borren, pídeselo a la tienda.',
  deleteButton: 'Borrar lo que se guarda sobre mí',
  deleted: 'Borrado.',
  failed: 'Algo salió mal. Inténtalo de nuevo.',
  needsScript: 'Los botones de esta página necesitan JavaScript.',
  topics: {
    'pregnancy-fertility': 'Embarazo y fertilidad',
    baby: 'Bebé',
    'sexual-wellness': 'Bienestar sexual',
    medical: 'Problemas de salud',
    'weight-loss': 'Pérdida de peso',
    'finance-debt': 'Dinero y deudas',
    'funeral-grief': 'Funerales y duelo',
    religion: 'Religión',
  },
};

const pt: MyDataText = {
  title: 'Seus dados e suas escolhas',
  introLoggedIn: 'Tudo o que as sugestões desta loja guardam sobre você, e o que você pode mudar.',
  introVisitor:
    'Você não está conectado, então esta loja não guarda nada sobre você para as sugestões. Suas escolhas (sugestões desativadas, itens ocultos) ficam só neste navegador.',
  clearBrowser: 'Apagá-las deste navegador',
  browserCleared: 'Apagadas deste navegador.',
  personalizationHeading: 'Sugestões personalizadas',
  personalizationOn: 'Ativadas: seus pedidos nesta loja ajudam a escolher as sugestões.',
  personalizationOff: 'Desativadas: você vê o mesmo que qualquer visitante, o que pode incluir coisas que você já comprou.',
  turnOff: 'Desativar a personalização',
  turnOn: 'Reativar a personalização',
  ordersHeading: 'Seus pedidos',
  ordersNone: 'Você não tem pedidos nesta loja.',
  ordersOff: 'A personalização está desativada, então seus pedidos não são usados nas suas sugestões. Se você reativá-la, eles contam assim:',
  ordersOwned:
    'Produtos que você comprou aqui: {count}. Nenhum deles é sugerido a você de novo, não importa há quanto tempo foi comprado, enquanto a loja guardar seus pedidos.',
  ordersShaping:
    'Destes, os dos seus pedidos dos últimos {days} dias também influenciam suas sugestões: {count} (uma compra pontual, como uma viagem, só por {eventDays} dias).',
  ordersShapingNone:
    'Nenhum deles influencia mais suas sugestões: só os pedidos dos últimos {days} dias influenciam (uma compra pontual, como uma viagem, só por {eventDays} dias).',
  showList: 'Ver quais',
  topicsHeading: 'O que você nos disse que procura',
  topicsIntro:
    'Fora das páginas dedicadas a eles, as sugestões sobre assuntos sensíveis só vêm dos temas que você escolher aqui, e podem aparecer para você com mais frequência do que para um visitante. Nunca são deduzidas dos seus pedidos.',
  interestsKept:
    'Você também escolheu {count} das coleções desta loja: os produtos delas ficam um pouco mais prováveis nas suas sugestões, dentro do mesmo limite dos seus pedidos. Altere-as no bloco "O que você está procurando?" da loja; salvar aqui as mantém.',
  save: 'Salvar',
  saved: 'Salvo.',
  dismissedHeading: 'Itens que você marcou como "não é para mim"',
  none: 'Nenhum.',
  shownHeading: 'Sugestões mostradas a você',
  shownCount:
    'Sugestões que você teve na tela ou recebeu por e-mail nos últimos {days} dias: {count}. Guardadas só para que o mesmo item não volte sem parar.',
  downloadHeading: 'Uma cópia dos seus dados',
  download: 'Baixar meus dados (JSON)',
  deleteHeading: 'Apagar',
  deleteText:
    'Apaga os temas que você nos disse, os itens que ocultou e o que lhe foi mostrado. Se as sugestões estão ativadas ou não continua como você escolheu. Seus pedidos são registros da loja: para apagá-los, peça à loja.',
  deleteButton: 'Apagar o que é guardado sobre mim',
  deleted: 'Apagado.',
  failed: 'Algo deu errado. Tente de novo.',
  needsScript: 'Os botões desta página precisam de JavaScript.',
  topics: {
    'pregnancy-fertility': 'Gravidez e fertilidade',
    baby: 'Bebê',
    'sexual-wellness': 'Bem-estar sexual',
    medical: 'Problemas de saúde',
    'weight-loss': 'Perda de peso',
    'finance-debt': 'Dinheiro e dívidas',
    'funeral-grief': 'Funerais e luto',
    religion: 'Religião',
  },
};

export const MY_DATA_TEXT: Record<MyDataLocale, MyDataText> = { en, es, 'pt-BR': pt };

/** The page's language from the storefront's `locale` (e.g. `es`, `pt-BR`, `pt-PT`, `en-CA`); English otherwise. */
export function myDataLocale(requested: string | undefined): MyDataLocale {
  const code = (requested ?? '').toLowerCase();
  if (code === 'es' || code.startsWith('es-')) return 'es';
  if (code === 'pt' || code.startsWith('pt-')) return 'pt-BR';
  return 'en';
}
