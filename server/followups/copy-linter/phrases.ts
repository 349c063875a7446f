/**
 * What each phrase rule looks for, in English, Spanish and Portuguese. Written as the merchant would type them,
 * accents and apostrophes included (folding happens on load); "[a|b|]" means one of a, b or nothing (see
 * `expand`). A few short phrases are ambiguous and carry a guard, checked in rules.ts:
 * - "unless-verb-follows": "te queremos" is affection, but "te queremos contar…" is "we want to tell you".
 * - "unless-time-precedes": "since you bought" gives a reason, but "two weeks since you bought" tells time.
 * Deliberately left out: phrases a helpful note needs ("thank you for your order", "dê uma olhada no guia",
 * "un abrazo" and "abraços", everyday sign-offs), and "as you ordered", "como pediste" (what was asked for).
 */

export type Guard = 'unless-verb-follows' | 'unless-time-precedes';
export interface PhrasePattern {
  pattern: string;
  guard?: Guard;
}
import type { Locale } from '../../i18n/locales.ts';

/** The phrase lists are kept per language: a template is checked with its own language's (index.ts). */
export type Language = Locale;
export type PhraseBook = Record<Language, readonly (string | PhrasePattern)[]>;

const EN_SAW_VERBS =
  'looking at|looked at|viewing|viewed|browsing|browsed|checking out|checked out|eyeing|eyed|visiting|visited|interested in|considering|searching for|searched for|clicked on|left|coming back to|came back to|returned to';
const ES_SAW_VERBS =
  'miraste|viste|visitaste|buscaste|revisaste|consultaste|ojeaste|exploraste|dejaste|estuviste mirando|estuviste viendo|estuviste buscando|estuviste revisando|estuviste navegando|estabas mirando|estabas viendo|estabas buscando|has estado mirando|has estado viendo|has estado buscando|has visto|has mirado|has visitado|has buscado|andabas mirando|andabas buscando|te interesaste en|te interesó|te interesa|miró|vio|visitó|buscó|estuvo mirando|estuvo viendo|estaba mirando';
const PT_SAW_VERBS =
  'visualizou|viu|olhou|navegou|pesquisou|buscou|procurou|visitou|conferiu|clicou|deixou|deu uma olhada|deu uma olhadinha|esteve olhando|esteve vendo|estava olhando|estava vendo|estava procurando|estava pesquisando|andou olhando|andou vendo|andou pesquisando|tem olhado|tem visto|tem pesquisado|se interessou|se interessou por|ficou de olho';
const ES_BROWSING = 'navegación|historial de navegación|búsqueda|búsquedas|búsquedas recientes|visita|visitas|visitas recientes|actividad|actividad reciente|clics|vistas';
const PT_BROWSING = 'navegação|histórico de navegação|pesquisa|pesquisas|busca|buscas|visita|visitas|atividade|atividade recente|cliques|visualizações';
const ES_PURCHASES = 'compra|compras|compra reciente|compras recientes|compras anteriores|última compra|pedidos anteriores|historial de compras|historial de pedidos';
const PT_PURCHASES = 'compra|compras|compra recente|compras recentes|compras anteriores|última compra|pedidos anteriores|histórico de compras|histórico de pedidos';

/** Telling the buyer the store watched them: browsing, viewing, searching, carts. */
export const BEHAVIOUR_EXPOSURE: PhraseBook = {
  en: [
    `we [noticed|saw|see|spotted|can see|could see|have noticed|'ve noticed|have seen|'ve seen|couldn't help noticing|could not help noticing] [that|] you ['ve been|have been|were|are|'re|] [${EN_SAW_VERBS}]`,
    `[we|] [noticed|saw|spotted|see] your interest in`,
    `[looks like|seems like|we noticed|we saw|we see|noticed] [something|this|that|these|it|a few things|] [has|have|] caught your eye`,
    `[since|because|seeing that|given that|now that] you ['ve|have|] [recently|] [viewed|looked at|browsed|visited|checked out|searched for|clicked on|were looking at|were browsing|were viewing|'ve been looking at|have been looking at|'ve been browsing|have been browsing|showed interest in|showed an interest in]`,
    'you [recently|just] [viewed|looked at|browsed|visited|searched for]',
    `you [were|'ve been|have been] [looking at|browsing|viewing|eyeing]`,
    `you ['ve|have|] [viewed|browsed]`,
    `[items|products|things|pieces|styles|something|everything|what|the ones|the|that|this] you ['ve|have|were|'ve been|have been|] [recently|] [viewed|looked at|browsed|looking at|searched for|eyeing|eyed|clicked on|left behind|left in your cart]`,
    '[based on|according to|inspired by|given|judging by|judging from] your [recent|] [browsing|browsing history|browsing activity|viewing history|search history|searches|visits|visit|activity|site activity|clicks|views]',
    'your [browsing history|browsing activity|viewing history|search history|recent searches|recent views|recent browsing]',
    'recently viewed',
    '[left|forgot|forgotten] [something|items|these|this|it|them|a few things|some items|] [in|behind in] your [cart|basket]',
    '[still|waiting] in your [cart|basket]',
    'your [cart|basket] is [still|] waiting',
    'you left [something|items|these|this|it|them] behind',
    'you [showed|show|seemed|seem|looked] [an|] [interest|interested] in',
    'still [eyeing|have your eye on]',
  ],
  es: [
    `[vimos|notamos|hemos visto|hemos notado|observamos|nos dimos cuenta de|nos dimos cuenta|nos fijamos en|vi|noté|he visto|he notado|me di cuenta de|me di cuenta|nos percatamos de] [que|] [tú|vos|usted|] [${ES_SAW_VERBS}]`,
    'te [vimos|vi] [mirando|viendo|navegando|buscando]',
    '[vimos|notamos|parece|parece que] [que|] [algo|esto|] te [llamó|llamaron|ha llamado|han llamado] la atención',
    '[vimos|notamos] [tu|su] interés en',
    '[ya que|porque|como|dado que|puesto que|desde que] [tú|vos|usted|] [miraste|visitaste|buscaste|revisaste|estuviste mirando|estuviste viendo|estuviste buscando|has estado mirando|has estado viendo|has visitado|has mirado|has buscado|te interesaste en]',
    '[los productos|los artículos|las prendas|productos|artículos|lo|los|las|el|la|eso|algo|cosas] que [miraste|estuviste mirando|estuviste viendo|has estado mirando|has mirado|visitaste|buscaste|viste en nuestra tienda|viste en la tienda|viste en nuestra web|viste en el sitio|dejaste en tu carrito|dejaste en el carrito]',
    '[los productos|los artículos|las prendas|productos|artículos] que viste',
    // Not "su": "basado en su búsqueda de calidad" is the brand's own search.
    `[según|basado en|basada en|basados en|basadas en|en base a|con base en|de acuerdo con|de acuerdo a|inspirado en|inspirados en|teniendo en cuenta] [tu|tus] [historial|${ES_BROWSING}]`,
    '[tu|su] historial de [navegación|búsqueda|búsquedas]',
    '[vistos|vistas] recientemente',
    '[miraste|visitaste|buscaste] recientemente',
    'recientemente [miraste|viste|visitaste|buscaste|estuviste mirando]',
    '[dejaste|olvidaste] [algo|productos|artículos|esto|unos productos|] en [tu|el|su] carrito',
    '[sigue|siguen|quedó|quedaron|todavía está|aún está|te espera|te esperan|está esperando] en [tu|el] carrito',
    'tu carrito te [espera|está esperando]',
    '[todavía|aún] lo estás pensando',
    'lo [sigues|seguís] pensando',
  ],
  'pt-BR': [
    `[percebemos|notamos|vimos|reparamos|observamos|percebi|notei|vi|reparei] [que|] [você|vc|tu|] [${PT_SAW_VERBS}]`,
    '[vimos|percebemos|notamos|vi|percebi|notei] você [olhando|vendo|navegando|pesquisando|procurando]',
    `você [visualizou|navegou|pesquisou|pesquisou por|olhou|esteve olhando|estava olhando|estava de olho|andou olhando|deu uma olhada|deu uma olhadinha|ficou de olho|tem olhado|tem visualizado]`,
    '[parece que|vimos que|notamos que|percebemos que] [algo|isso|isto|] [chamou|chamaram] sua atenção',
    '[já que|porque|como|uma vez que|visto que|desde que] [você|vc|] [visualizou|olhou|navegou|pesquisou|buscou|visitou|esteve olhando|estava olhando|andou olhando|deu uma olhada|se interessou por|ficou de olho]',
    '[os produtos|os itens|as peças|produtos|itens|peças|o|os|a|as|aquilo|algo|coisas] que [você|vc|] [visualizou|olhou|pesquisou|procurou|esteve olhando|estava olhando|andou olhando|deixou no carrinho|deixou no seu carrinho]',
    '[os produtos|os itens|as peças|produtos|itens|peças] que [você|vc|] viu',
    // The possessive is required: "com base em pesquisas" is research, not the buyer's searches.
    `[com base|baseado|baseada|baseados|baseadas|inspirado|inspirados] [na|nas|em|no|nos] [sua|suas|seu|seus] [histórico|${PT_BROWSING}]`,
    `[de acordo com|segundo|conforme] [a|as|o|os|] [sua|suas|seu|seus] [histórico|${PT_BROWSING}]`,
    '[seu|o seu] histórico de [navegação|pesquisa|pesquisas|buscas]',
    '[vistos|vistas|visualizados|visualizadas] recentemente',
    '[esqueceu|deixou] [algo|alguma coisa|itens|produtos|isso|isto|] [no|no seu|em seu] carrinho',
    '[ainda está|ainda estão|continua|continuam|está esperando|te espera|espera por você|esperando por você|esperando você] no [seu|] carrinho',
    'seu carrinho [está esperando|te espera|espera por você]',
    '[ainda|ainda está] pensando nisso',
  ],
};

/** Declarations of love, longing or family: feelings a shop does not have for a customer. */
export const AFFECTION: PhraseBook = {
  en: [
    `[we|i] [love|adore|miss|cherish|'ve missed|have missed|really love|really miss|truly love|just love|all love|luv] [you|ya|u]`,
    'love you [lots|so much|to bits|to pieces|all|guys|loads|always]',
    'love ya',
    'miss you [already|so much|lots|loads|guys|all]',
    'missing you',
    'xoxo',
    '[hugs and kisses|big hugs|lots of love|all my love|all our love|sending love|sending you love|sending you lots of love|with all our love|with all my love]',
    `[you're|you are] [like|] family`,
    `[you're|you are] [part|a part|one] of [the|our] family`,
    'you mean [so much|the world|everything|a lot] to us',
    `[you're|you are] our [favourite|favorite] [customer|person|]`,
  ],
  es: [
    { pattern: '[te|os] [queremos|quiero]', guard: 'unless-verb-follows' },
    'te [queremos|quiero] [mucho|muchísimo|tanto]',
    'te [amamos|amo|adoramos|adoro|extrañamos|extraño|echamos de menos|echo de menos|hemos extrañado|hemos echado de menos|extrañábamos]',
    '[los|os] [extrañamos|echamos de menos|amamos|adoramos]',
    '[eres|sos|es usted] [parte de|como de|de] [la|nuestra] familia',
    '[eres|sos] [muy|] especial para nosotros',
    '[significas|significás] [mucho|todo|muchísimo] para nosotros',
    'nos [encantas|encantás]',
    '[besos|besitos|muchos besos|mil besos|un beso|besos y abrazos|abrazos y besos]',
  ],
  'pt-BR': [
    '[te|nós te] [amamos|amo|adoramos|adoro]',
    '[amamos|amo|adoramos|adoro] [você|vocês|vc]',
    'te queremos bem',
    'queremos [muito|] bem a você',
    '[sentimos|sinto|estamos sentindo] [a|] sua falta',
    '[sentimos|sinto|estamos com|estou com|morrendo de|muitas|muita] [saudade|saudades]',
    '[saudade|saudades] de [você|vocês|vc|ti]',
    'você [é|faz parte|é parte|é como] [da|da nossa] família',
    'você é [muito|] especial para nós',
    'você significa [muito|tudo] para nós',
    '[beijos|beijo|beijinhos|beijinho|bjs|bjos|mil beijos|um beijo]',
  ],
};

/** A suggestion justified by the purchase: "because you bought X" reads as being tracked. */
export const BECAUSE_YOU_BOUGHT: PhraseBook = {
  en: [
    `[because|seeing as|seeing that|given that|now that] you ['ve|have|] [recently|just|already|] [bought|purchased|ordered|shopped for]`,
    { pattern: `since you ['ve|have|] [recently|just|already|] [bought|purchased|ordered|shopped for]`, guard: 'unless-time-precedes' },
    '[based on|inspired by|according to|given|going by|judging by|judging from|because of] your [recent|past|previous|last|] [purchase|purchases|order history|purchase history|shopping history|buying history|orders]',
    '[customers|people|shoppers|others|buyers] who [bought|purchased|ordered]',
    '[customers|shoppers|people] also [bought|purchased]',
    '[frequently|often|usually] bought together',
  ],
  es: [
    '[porque|ya que|como|dado que|puesto que|ahora que|como ya|visto que] [tú|vos|usted|] [lo|la|los|las|] [compraste|compró|adquiriste|adquirió|has comprado|has adquirido|ha comprado|hiciste tu compra|realizaste tu compra]',
    `[según|basado en|basada en|basados en|basadas en|en base a|con base en|de acuerdo con|de acuerdo a|inspirado en|inspirados en|teniendo en cuenta|considerando] [tu|tus|su|sus] [${ES_PURCHASES}]`,
    '[clientes|personas|otros clientes|compradores] que [compraron|también compraron|adquirieron]',
    '[quienes|los que] [compraron|adquirieron] [esto|este producto|este artículo|] también',
    '[frecuentemente|a menudo|habitualmente] comprados juntos',
    '[se compran|suelen comprarse] juntos',
  ],
  'pt-BR': [
    '[porque|já que|como|uma vez que|visto que|agora que|como já|pois] [você|vc|tu|] [comprou|adquiriu|encomendou|fez sua compra|fez a compra|comprou conosco]',
    `[com base|baseado|baseada|baseados|baseadas|inspirado|inspirada|inspirados] [na|nas|em|no|nos] [sua|suas|seu|seus] [${PT_PURCHASES}]`,
    `[de acordo com|segundo|conforme|considerando] [a|as|o|os|] [sua|suas|seu|seus] [${PT_PURCHASES}]`,
    '[clientes|pessoas|outros clientes|compradores] que [compraram|também compraram|adquiriram]',
    'quem comprou [este|esta|esse|essa|isso|isto|o|a] [produto|item|] também',
    'quem comprou também',
    '[frequentemente|geralmente|normalmente] comprados juntos',
    'comprados juntos com frequência',
  ],
};

/** Words that, just before "since you bought", make "since" tell time rather than give a reason. */
export const TIME_WORDS = new Set([
  'been', 'passed', 'gone', 'ever', 'long', 'while', 'time', 'ago', 'fortnight', 'minute', 'minutes', 'hour', 'hours',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'season', 'seasons',
]);

/** A Spanish infinitive, with any pronouns attached: "contar", "contarte", "recordárselo" (folded). */
export const SPANISH_INFINITIVE = /(?:ar|er|ir)(?:me|te|se|nos|os|le|les|lo|la|los|las)*$/;
