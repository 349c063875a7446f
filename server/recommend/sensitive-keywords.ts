/**
 * Words and phrases that put a product in a sensitive topic, in English, Spanish and Portuguese. They are
 * matched as whole words against the title, the product type and each tag, lower-cased with accents removed,
 * so write them that way ("pañales" is "panales"). A phrase also matches with an "s" on its last word
 * ("condom" finds "condoms"); other plurals are listed. Deliberately specific: a word with an everyday second
 * meaning ("cross", "angel", "christmas", "ring", "urn", "lubricant", "nursery") is only here inside a phrase.
 */
import type { SensitiveTopic } from './sensitive-topics.ts';

export type KeywordTopic = Exclude<SensitiveTopic, 'merchant-flagged'>;

export interface Phrases {
  en: string[];
  es: string[];
  pt: string[];
}

export const SENSITIVE_KEYWORDS: Record<KeywordTopic, Phrases> = {
  'pregnancy-fertility': {
    en: ['pregnancy', 'pregnant', 'prenatal', 'pre natal', 'maternity', 'ovulation', 'fertility', 'ivf', 'postpartum', 'post partum',
      'breast pump', 'breastfeeding', 'nursing bra', 'nursing pillow', 'mum to be', 'mom to be', 'mother to be', 'baby bump', 'morning sickness'],
    es: ['embarazo', 'embarazada', 'prenatal', 'prenatales', 'maternidad', 'premama', 'pre mama', 'futura mama', 'ovulacion', 'fertilidad',
      'posparto', 'postparto', 'lactancia', 'extractor de leche', 'sacaleches'],
    pt: ['gravidez', 'gravida', 'gestante', 'gestacao', 'pre natal', 'prenatal', 'maternidade', 'ovulacao', 'fertilidade', 'pos parto',
      'amamentacao', 'tira leite', 'futura mamae'],
  },
  // "baby shower" is here, not under pregnancy: the buyer is usually a guest, so it says "a baby is coming
  // near you", not "you are pregnant". Either way, nothing is inferred from it. "stroller" alone flags too
  // ("stroller-friendly bag"): a product marketed to parents of a baby is a baby product.
  baby: {
    en: ['baby', 'babies', 'newborn', 'infant', 'toddler', 'diaper', 'nappy', 'nappies', 'pacifier', 'teether', 'teething', 'crib',
      'bassinet', 'stroller', 'pram', 'pushchair', 'sippy cup', 'high chair', 'changing mat', 'baby shower'],
    es: ['bebe', 'recien nacido', 'panal', 'panales', 'chupete', 'chupon', 'cuna', 'cochecito', 'carriola', 'biberon', 'biberones',
      'mamadera', 'babero', 'sonajero', 'portabebe'],
    pt: ['bebe', 'recem nascido', 'fralda', 'chupeta', 'berco', 'mamadeira', 'babador', 'cha de bebe', 'cha de fralda'],
  },
  'sexual-wellness': {
    en: ['condom', 'personal lubricant', 'intimate lubricant', 'personal lube', 'sex toy', 'adult toy', 'vibrator', 'dildo', 'erotic',
      'libido', 'erectile', 'aphrodisiac', 'contraceptive', 'spermicide', 'sexual wellness', 'sexual health', 'bdsm', 'fetish'],
    es: ['condon', 'condones', 'preservativo', 'lubricante intimo', 'lubricante personal', 'juguete sexual', 'juguetes sexuales',
      'vibrador', 'vibradores', 'consolador', 'consoladores', 'erotico', 'erotica', 'libido', 'afrodisiaco', 'anticonceptivo',
      'salud sexual', 'bienestar sexual'],
    pt: ['camisinha', 'preservativo', 'lubrificante intimo', 'brinquedo sexual', 'brinquedos sexuais', 'vibrador', 'vibradores',
      'erotico', 'erotica', 'libido', 'afrodisiaco', 'anticoncepcional', 'anticoncepcionais', 'saude sexual', 'bem estar sexual', 'sex shop'],
  },
  // Conditions and the aids that reveal one; ordinary first aid (plasters, "first aid tin") is not here.
  medical: {
    en: ['incontinence', 'adult diaper', 'adult nappies', 'catheter', 'hearing aid', 'glucose monitor', 'glucose meter', 'blood glucose',
      'insulin', 'diabetes', 'diabetic', 'ostomy', 'colostomy', 'stoma', 'hemorrhoid', 'haemorrhoid', 'pill organizer', 'pill organiser',
      'wheelchair', 'mobility scooter', 'walking frame', 'rollator', 'crutches', 'bedpan', 'bed pan', 'cpap', 'nebulizer', 'nebuliser',
      'hiv test', 'std test', 'sti test', 'drug test', 'uti test', 'dialysis', 'chemotherapy', 'dementia', 'alzheimer', 'alzheimers',
      'medical alert'],
    es: ['incontinencia', 'panal para adulto', 'panales para adultos', 'panal adulto', 'panales adulto', 'cateter', 'cateteres',
      'aparato auditivo', 'audifono medicado', 'glucometro', 'insulina', 'diabetes', 'diabetico', 'diabetica', 'ostomia', 'colostomia',
      'hemorroides', 'pastillero', 'silla de ruedas', 'muletas', 'prueba de vih', 'prueba de drogas', 'dialisis', 'quimioterapia', 'demencia'],
    pt: ['incontinencia', 'fralda para adulto', 'fraldas para adultos', 'fralda adulto', 'fraldas adulto', 'fralda geriatrica',
      'cateter', 'cateteres', 'aparelho auditivo', 'glicosimetro', 'insulina', 'diabetes', 'diabetico', 'diabetica', 'ostomia',
      'colostomia', 'hemorroida', 'porta comprimidos', 'cadeira de rodas', 'muletas', 'teste de hiv', 'dialise', 'quimioterapia', 'demencia'],
  },
  'weight-loss': {
    en: ['weight loss', 'lose weight', 'fat burner', 'fat burning', 'slimming', 'appetite suppressant', 'diet pill', 'carb blocker',
      'weight management', 'garcinia'],
    es: ['perdida de peso', 'bajar de peso', 'adelgazar', 'adelgazante', 'quemagrasas', 'quema grasa', 'quemador de grasa',
      'quemadores de grasa', 'supresor del apetito', 'control de peso'],
    pt: ['perda de peso', 'perder peso', 'emagrecer', 'emagrecedor', 'emagrecedores', 'emagrecimento', 'queimador de gordura',
      'queimadores de gordura', 'inibidor de apetite', 'controle de peso', 'termogenico'],
  },
  'finance-debt': {
    en: ['debt', 'bankruptcy', 'payday loan', 'credit repair', 'bad credit', 'insolvency', 'foreclosure'],
    es: ['deuda', 'bancarrota', 'quiebra personal', 'prestamo rapido', 'reparacion de credito', 'mal credito', 'insolvencia'],
    pt: ['divida', 'falencia', 'emprestimo rapido', 'recuperacao de credito', 'nome sujo', 'limpar nome', 'endividado', 'endividamento',
      'insolvencia'],
  },
  'funeral-grief': {
    en: ['funeral', 'cremation', 'cremation urn', 'memorial urn', 'keepsake urn', 'urn for ashes', 'sympathy', 'condolence', 'bereavement',
      'grief', 'grieving', 'mourning', 'in loving memory', 'memorial candle', 'memorial stone', 'obituary'],
    es: ['funeral', 'funerales', 'funerario', 'funeraria', 'urna funeraria', 'urna para cenizas', 'urna de cenizas', 'cremacion',
      'condolencia', 'pesame', 'luto', 'en memoria de'],
    pt: ['funeral', 'funerais', 'funerario', 'funeraria', 'urna funeraria', 'urna para cinzas', 'cremacao', 'condolencia', 'pesames',
      'pesame', 'luto', 'em memoria de'],
  },
  // Objects of worship and devotion. Decorative Christmas (angels, stars, "christmas") is mainstream and left out.
  religion: {
    en: ['bible', 'quran', 'koran', 'torah', 'talmud', 'rosary', 'rosaries', 'prayer beads', 'prayer mat', 'prayer rug', 'prayer book',
      'prayer card', 'crucifix', 'holy water', 'hijab', 'kippah', 'yarmulke', 'tallit', 'tefillin', 'mezuzah', 'menorah', 'tasbih',
      'hymnal', 'hymn book', 'first communion', 'baptism', 'christening', 'religious', 'catholic', 'islamic', 'muslim', 'scripture'],
    es: ['biblia', 'coran', 'tora', 'talmud', 'rosario', 'crucifijo', 'misal', 'devocionario', 'alfombra de oracion', 'libro de oracion',
      'libro de oraciones', 'agua bendita', 'primera comunion', 'bautizo', 'bautismo', 'hiyab', 'religioso', 'religiosa', 'catolico',
      'catolica', 'islamico', 'islamica'],
    pt: ['biblia', 'alcorao', 'tora', 'talmude', 'terco', 'rosario', 'crucifixo', 'tapete de oracao', 'livro de oracao', 'livro de oracoes',
      'agua benta', 'primeira comunhao', 'batizado', 'batismo', 'religioso', 'religiosa', 'catolico', 'catolica', 'islamico', 'islamica'],
  },
};

/**
 * Look-alikes: phrases that contain a keyword but are not about the topic ("baby blue" is a colour, "baby
 * alpaca" a wool). The longest phrase at a place in the text wins, so these hide the keyword inside them.
 */
export const NOT_SENSITIVE_PHRASES: Phrases = {
  en: ['baby blue', 'baby pink', 'baby alpaca', 'baby cashmere', 'baby merino', 'baby mohair', 'baby spinach', 'baby carrot',
    'baby potato', 'baby potatoes', 'baby corn', 'baby leaf', 'baby plum', 'baby gem', 'baby back ribs', 'baby grand', 'baby doll',
    'baby s breath', 'babys breath', 'baby boomer', 'mourning dove', 'tea and sympathy'],
  es: ['azul bebe', 'rosa bebe', 'celeste bebe'],
  pt: ['azul bebe', 'rosa bebe', 'um terco', 'dois tercos'],
};
