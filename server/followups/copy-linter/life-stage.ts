/**
 * Life stages and conditions a note must not speak to: "as a new mum", "mamá primeriza", "sua recuperação",
 * "after your divorce". None carries a sensitive product keyword, yet each tells the buyer the store has decided
 * something about their body or their life. Written as the merchant would type them (folded on load); "[a|b|]"
 * is one of a, b or nothing (see `expand`). Phrases that are also a keyword ("your pregnancy") are listed too, so
 * the finding quotes the whole phrase rather than one word of it.
 *
 * "Expecting" alone is everyday English ("expecting a parcel"), as is "esperando" in es/pt: it counts only at the
 * end of a sentence ("now that you're expecting!"), said to the buyer, or before a baby word. Left out on purpose: "your loss" alone ("don't miss it, your loss"), "your condition" alone
 * ("keep your coat in good condition"), "your treatment" alone (leather treatment), "tu operación" (a payment),
 * "seu filhote" (a puppy), "sua barriga"/"tu panza" (food shops); their clearer forms are here.
 */
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { expand, joinOverlapping, PhraseSet, type Match } from './matcher.ts';
import type { Word } from './normalize.ts';
import type { PhraseBook } from './phrases.ts';

const EN_NEW_PARENT = 'mum|mom|mother|mummy|mommy|mama|momma|parent|parents|dad|father|daddy';
const EN_CONDITION =
  'diagnosis|recovery|illness|surgery|chemo|chemotherapy|therapy|rehab|rehabilitation|divorce|separation|breakup|break up|bereavement|miscarriage|pregnancy|baby bump|bump|due date|medical condition|health condition|health issues|health problems|cancer treatment|cancer|grief|widowhood';
const ES_CONDITION =
  'diagnóstico|recuperación|enfermedad|cirugía|quimio|quimioterapia|terapia|rehabilitación|divorcio|separación|ruptura|duelo|pérdida|aborto|embarazo|gestación|fecha de parto|condición médica|tratamiento médico|tratamiento contra el cáncer|cáncer|viudez|luto';
const PT_CONDITION =
  'diagnóstico|recuperação|doença|cirurgia|quimio|quimioterapia|terapia|reabilitação|divórcio|separação|luto|perda|aborto|gravidez|gestação|data do parto|condição médica|tratamento médico|tratamento contra o câncer|câncer|viuvez';

export const LIFE_STAGE: PhraseBook = {
  en: [
    `[as a|as the|for a|for the|for|to a|to all|all|every|calling all|hey|dear|] new [${EN_NEW_PARENT}|mums|moms|mothers|dads]`,
    `[first time|first-time] [${EN_NEW_PARENT}|mums|moms|mothers]`,
    `[${EN_NEW_PARENT}|mums|moms] to be`,
    `[you|you're|you are|are you|now that you're|now that you are|since you're|as you're|while you're] expecting [a baby|a little one|twins|your first|your second|a boy|a girl|]`,
    `[your|ur|after your|during your|since your|following your|through your|with your|for your|on your] [${EN_CONDITION}]`,
    '[sorry for|sorry about|after|through] your loss',
    '[in|given] your condition',
    '[recovering|healing] from [your|the|an|a|] [surgery|operation|illness|divorce|breakup|loss|injury|treatment]',
    '[newly|recently] [divorced|separated|widowed|diagnosed|single]',
    '[expecting|expectant] [mums|moms|mothers|parents|mum|mom|mother]',
  ],
  es: [
    '[como|para|para la|para una|a la|a una|querida|hola] [nueva|reciente] [mamá|madre|mami]',
    '[nueva|nuevas|recién] [mamá|madre|mamás|madres|papá|padre|papás|padres]',
    '[mamá|madre|mami|papá|padre|mamás|madres|papás|padres] [primeriza|primerizas|primerizo|primerizos]',
    '[futura|futuras|futuro|futuros] [mamá|madre|mamás|madres|papá|padre|papás|padres]',
    // Bare only in the second person: "tu pedido está esperando" is a parcel.
    '[estás|ya que estás|ahora que estás] [esperando|embarazada]',
    '[estás|está|estáis|están|ya que estás|ahora que estás] [esperando|embarazada] [un bebé|un hijo|una hija|gemelos|mellizos|tu primer hijo|tu primer bebé]',
    `[para|en|durante|tras|después de|desde|por] [tu|su] [${ES_CONDITION}]`,
    `[tu|su] [${ES_CONDITION}]`,
    '[recién|recientemente] [divorciada|divorciado|separada|separado|diagnosticada|diagnosticado|enviudada|viuda|viudo]',
    '[lamentamos|sentimos] [tu|su] pérdida',
  ],
  'pt-BR': [
    '[como|para|para a|para uma|à|querida|olá] [nova|recente] [mamãe|mãe]',
    // Not "novo pai/pais": folded, "pais" is also "país" ("enviamos para um novo país").
    '[nova|novas] [mamãe|mãe|mamães|mães]',
    '[novo|novos] [papai|papais]',
    '[mamãe|mãe|mamães|mães|papai|pai|papais|pais] de primeira viagem',
    '[futura|futuras] [mamãe|mãe|mamães|mães]',
    '[futuro|futuros] [papai|papais]',
    '[você está|você tá|agora que você está|já que você está] [esperando|grávida]',
    '[você está|você tá|está|tá|agora que você está|já que você está] [esperando|grávida] [um bebê|um filho|uma filha|gêmeos|o primeiro filho|o seu primeiro filho]',
    `[para|durante|após|depois da|depois do|desde|com|em|na|no|pela|pelo] [a sua|o seu|sua|seu] [${PT_CONDITION}]`,
    `[a sua|o seu|sua|seu] [${PT_CONDITION}]`,
    '[para o seu|para seu|pro seu|o seu|seu] [bebê|bebezinho|neném|nenê]',
    '[recém|recentemente] [divorciada|divorciado|separada|separado|diagnosticada|diagnosticado|viúva|viúvo]',
    '[sentimos muito|lamentamos] [pela sua|por sua|pela] perda',
  ],
};

/** Patterns whose whole meaning depends on ending the sentence: "you're expecting!" but not "you're expecting a parcel". */
const AT_SENTENCE_END = new Set(['expecting', 'esperando']);

/** One set per language: a template is checked with its own language's phrases (index.ts). */
const PHRASES = Object.fromEntries(
  LOCALES.map((locale) => {
    const set = new PhraseSet<true>();
    for (const entry of LIFE_STAGE[locale]) for (const phrase of expand(typeof entry === 'string' ? entry : entry.pattern)) set.add(phrase, true);
    return [locale, set];
  }),
) as Record<Locale, PhraseSet<true>>;

/**
 * True when a match ending on a bare "expecting"/"esperando" runs on into what is expected ("a parcel", "tu
 * pedido"); a comma or the end of the sentence closes it ("ya que estás esperando, mira esto").
 */
function openEnded(match: Match<true>, text: string, words: readonly Word[]): boolean {
  const last = words[match.last]!;
  if (!AT_SENTENCE_END.has(last.text)) return false;
  const next = words[match.last + 1];
  return next !== undefined && !next.breakBefore && !/[,;:!?.…)]/.test(text.slice(last.end, next.start));
}

/** The life-stage and condition phrases in a field (as typed, and its words), overlapping ones joined, in reading order. */
export function lifeStagesIn(text: string, words: readonly Word[], locale: Locale): { first: number; last: number }[] {
  const matches = PHRASES[locale].findAll(words);
  // "you're expecting a baby" is kept through its longer form even though the bare "you're expecting" is open-ended.
  const kept = matches.filter((match) => !openEnded(match, text, words));
  return joinOverlapping(kept).map(({ first, last }) => ({ first, last }));
}
