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
  /** `{days}` */
  ordersNone: string;
  /** `{days}`, `{count}` */
  ordersSome: string;
  showList: string;
  topicsHeading: string;
  topicsIntro: string;
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
  personalizationOff: 'Off: you see what every visitor sees.',
  turnOff: 'Turn personalization off',
  turnOn: 'Turn personalization back on',
  ordersHeading: 'Orders used',
  ordersNone: 'None of your orders from the last {days} days.',
  ordersSome: 'Products from your orders of the last {days} days: {count}.',
  showList: 'Show them',
  topicsHeading: 'What you told us you shop for',
  topicsIntro: 'Only these topics can lead to suggestions on sensitive subjects; they are never guessed from your orders.',
  save: 'Save',
  saved: 'Saved.',
  dismissedHeading: 'Items you said are not for you',
  none: 'None.',
  shownHeading: 'Suggestions shown to you',
  shownCount: '{count} in the last {days} days, kept only so the same item does not keep coming back.',
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
  personalizationOff: 'Desactivadas: ves lo mismo que cualquier visitante.',
  turnOff: 'Desactivar la personalización',
  turnOn: 'Volver a activar la personalización',
  ordersHeading: 'Pedidos que se usan',
  ordersNone: 'Ninguno de tus pedidos de los últimos {days} días.',
  ordersSome: 'Productos de tus pedidos de los últimos {days} días: {count}.',
  showList: 'Verlos',
  topicsHeading: 'Lo que nos dijiste que buscas',
  topicsIntro: 'Solo estos temas pueden llevar a sugerencias sobre asuntos sensibles; nunca se deducen de tus pedidos.',
  save: 'Guardar',
  saved: 'Guardado.',
  dismissedHeading: 'Productos que marcaste como «no es para mí»',
  none: 'Ninguno.',
  shownHeading: 'Sugerencias que se te mostraron',
  shownCount: '{count} en los últimos {days} días; solo se guardan para que el mismo producto no vuelva una y otra vez.',
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
  personalizationOff: 'Desativadas: você vê o mesmo que qualquer visitante.',
  turnOff: 'Desativar a personalização',
  turnOn: 'Reativar a personalização',
  ordersHeading: 'Pedidos usados',
  ordersNone: 'Nenhum dos seus pedidos dos últimos {days} dias.',
  ordersSome: 'Produtos dos seus pedidos dos últimos {days} dias: {count}.',
  showList: 'Ver quais',
  topicsHeading: 'O que você nos disse que procura',
  topicsIntro: 'Só estes temas podem levar a sugestões sobre assuntos sensíveis; eles nunca são deduzidos dos seus pedidos.',
  save: 'Salvar',
  saved: 'Salvo.',
  dismissedHeading: 'Itens que você marcou como "não é para mim"',
  none: 'Nenhum.',
  shownHeading: 'Sugestões mostradas a você',
  shownCount: '{count} nos últimos {days} dias, guardadas só para que o mesmo item não volte sem parar.',
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
