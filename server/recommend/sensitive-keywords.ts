/**
 * Words and phrases that put a product in a sensitive topic, in English, Spanish and Portuguese. Matched as
 * whole words on the title, product type and tags, lower-cased with accents removed (so write them without
 * accents). Deliberately specific: "baby" alone is not here (baby blue, Babyliss), "ring" never is.
 */
export type KeywordTopic =
  | 'pregnancy-fertility'
  | 'baby'
  | 'sexual-wellness'
  | 'medical'
  | 'weight-loss'
  | 'finance-debt'
  | 'funeral-grief'
  | 'religion';

export const SENSITIVE_KEYWORDS: Record<KeywordTopic, { en: string[]; es: string[]; pt: string[] }> = {
  'pregnancy-fertility': {
    en: ['pregnancy', 'pregnant', 'prenatal', 'maternity', 'ovulation', 'fertility', 'conception', 'breast pump', 'nursing bra', 'baby shower'],
    es: ['embarazo', 'embarazada', 'prenatal', 'prenatales', 'maternidad', 'premama', 'ovulacion', 'fertilidad', 'extractor de leche', 'sacaleches'],
    pt: ['gravidez', 'gravida', 'gestante', 'pre natal', 'prenatal', 'maternidade', 'ovulacao', 'fertilidade', 'bomba tira leite', 'cha de bebe'],
  },
  baby: {
    en: ['newborn', 'infant', 'diaper', 'diapers', 'nappy', 'nappies', 'pacifier', 'crib', 'stroller', 'pram', 'baby bottle', 'baby monitor', 'teether'],
    es: ['recien nacido', 'bebe', 'bebes', 'panal', 'panales', 'chupete', 'chupon', 'cuna', 'cochecito', 'carriola', 'biberon', 'mamadera'],
    pt: ['recem nascido', 'bebe', 'bebes', 'fralda', 'fraldas', 'chupeta', 'berco', 'carrinho de bebe', 'mamadeira'],
  },
  'sexual-wellness': {
    en: ['condom', 'condoms', 'lubricant', 'personal lubricant', 'sex toy', 'vibrator', 'erotic', 'libido', 'erectile'],
    es: ['condon', 'condones', 'preservativo', 'preservativos', 'lubricante intimo', 'juguete sexual', 'vibrador', 'erotico', 'libido'],
    pt: ['camisinha', 'preservativo', 'preservativos', 'lubrificante intimo', 'brinquedo sexual', 'vibrador', 'erotico', 'libido'],
  },
  medical: {
    en: ['incontinence', 'adult diaper', 'adult diapers', 'catheter', 'hearing aid', 'glucose monitor', 'insulin', 'ostomy', 'hemorrhoid', 'colostomy', 'pill organizer'],
    es: ['incontinencia', 'panales para adultos', 'panal para adultos', 'cateter', 'audifono medico', 'glucometro', 'insulina', 'ostomia', 'hemorroides'],
    pt: ['incontinencia', 'fraldas para adultos', 'fralda geriatrica', 'cateter', 'aparelho auditivo', 'glicosimetro', 'insulina', 'ostomia', 'hemorroidas'],
  },
  'weight-loss': {
    en: ['weight loss', 'lose weight', 'fat burner', 'slimming', 'appetite suppressant', 'diet pills'],
    es: ['perdida de peso', 'bajar de peso', 'adelgazar', 'adelgazante', 'quemagrasas', 'quema grasa', 'supresor del apetito'],
    pt: ['perda de peso', 'perder peso', 'emagrecer', 'emagrecedor', 'emagrecimento', 'queimador de gordura', 'inibidor de apetite'],
  },
  'finance-debt': {
    en: ['debt', 'bankruptcy', 'payday loan', 'credit repair', 'debt consolidation'],
    es: ['deuda', 'deudas', 'bancarrota', 'quiebra personal', 'prestamo rapido', 'reparacion de credito'],
    pt: ['divida', 'dividas', 'falencia', 'emprestimo rapido', 'recuperacao de credito', 'nome sujo'],
  },
  'funeral-grief': {
    en: ['funeral', 'urn', 'cremation', 'sympathy card', 'condolence', 'condolences', 'bereavement', 'grief'],
    es: ['funeral', 'funerario', 'urna funeraria', 'cremacion', 'condolencias', 'pesame', 'luto', 'duelo'],
    pt: ['funeral', 'funeraria', 'urna funeraria', 'cremacao', 'condolencias', 'pesames', 'luto'],
  },
  religion: {
    en: ['bible', 'quran', 'koran', 'torah', 'rosary', 'prayer beads', 'prayer mat', 'hijab', 'kippah', 'menorah', 'crucifix'],
    es: ['biblia', 'coran', 'tora', 'rosario', 'crucifijo', 'misal', 'devocionario', 'alfombra de oracion'],
    pt: ['biblia', 'alcorao', 'tora', 'terco', 'rosario', 'crucifixo', 'tapete de oracao'],
  },
};
