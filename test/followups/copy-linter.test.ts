import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../server/followups/compose/words.ts';
import { blocksSaving, lintCopy, type LintFinding, type LintInput, type LintRule } from '../../server/followups/copy-linter/index.ts';
import { LOCALES } from '../../server/i18n/locales.ts';

/** fast-check's seed: every run checks the same cases, so CI never turns red by chance (change it to explore others). */
const SEED = 402207;

const SUBJECT = 'A few tips for your {{ product.title }}';
/**
 * The cases below are grouped by language and some mix them: each is checked as a template in every language, and
 * what any language's lists find is kept (once). Per-language checking itself: test/followups/followup-languages.test.ts.
 */
const FIELDS = ['subject', 'body', 'fromAddress', 'replyTo'];
function lintAll(input: Omit<LintInput, 'locale'>): LintFinding[] {
  const found = new Map<string, LintFinding>();
  for (const locale of LOCALES) for (const f of lintCopy({ ...input, locale })) found.set(`${f.field} ${f.rule} ${f.start} ${f.end}`, f);
  return [...found.values()].sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
const lintBody = (body: string) => lintAll({ subject: SUBJECT, body });
/** What the merchant sees highlighted: which rule, on which words. */
const shown = (findings: readonly LintFinding[]) => findings.map((f) => [f.rule, f.excerpt]);

/** Each finding points at exactly the text it quotes, so the admin can highlight it. */
function expectOffsetsMatch(input: LintInput, findings: readonly LintFinding[]) {
  for (const f of findings) {
    expect((input[f.field] ?? '').slice(f.start, f.end)).toBe(f.excerpt);
  }
}

/** Realistic helpful notes that must save without a single remark. */
const CLEAN: Record<'en' | 'es' | 'pt', { subject: string; body: string }[]> = {
  en: [
    {
      subject: 'Keeping your {{ product.title }} at its best',
      body: `Hi{% if customer.first_name %} {{ customer.first_name }}{% endif %},

I'm Marta, I look after the wool at {{ shop.name }}. Your {{ product.title }} is merino, so it needs less washing than you'd think: air it overnight after a long day and brush it downwards with a soft clothes brush.

If it gets wet, hang it on a wide wooden hanger away from the radiator. Before summer, store it clean in a cotton bag with a cedar block. Our baby alpaca scarves get the same care.

Any question at all, just reply: it comes straight to me.
{{ persona.name }}`,
    },
    {
      subject: 'Three small things for your {{ product.title }}',
      body: `Hello {{ customer.first_name }},

Thank you for your order. A few things our workshop team wishes everyone knew: wipe the wheels after muddy walks, fold the frame only when the fabric is dry, and give the canopy hinges a drop of silicone spray every couple of months.

Everything in {{ guide.title }} below takes five minutes. We'd love you to tell us how it goes; reply any time.

{{ persona.name }}, {{ shop.name }}`,
    },
    {
      subject: 'Your cast iron pan, the first week',
      body: `Hi there,

Season {{ product.title }} once more before the first fry-up: a thin film of oil, an hour in a hot oven. Made by people we love. You will taste the difference in a month.

It's been a few days since you ordered, so it should be with you now. If it isn't, reply and I'll chase it.
{{ persona.name }}`,
    },
  ],
  es: [
    {
      subject: 'Cómo cuidar tu {{ product.title }}',
      body: `Hola{% if customer.first_name %}, {{ customer.first_name }}{% endif %}:

Soy Lucía, del taller de {{ shop.name }}. Te queremos contar cómo hacer que tu abrigo de lana dure muchos inviernos: ventílalo después de usarlo, cepíllalo hacia abajo y guárdalo en una funda de algodón.

Si se moja, déjalo secar en una percha ancha, lejos de la estufa. Cualquier duda, responde a este correo: me llega a mí.

Un abrazo,
{{ persona.name }}`,
    },
    {
      subject: 'Tu miel, recién llegada',
      body: `Hola:

Gracias por tu pedido. La miel de panal cristaliza con el frío: es natural. Si la prefieres líquida, pon el frasco al baño maría, sin que el agua hierva.

En {{ guide.title }} te dejamos tres recetas de la casa. Si algo no llegó bien, respóndeme y lo resolvemos.

{{ persona.name }}`,
    },
  ],
  pt: [
    {
      subject: 'Dicas para o seu {{ product.title }}',
      body: `Olá{% if customer.first_name %}, {{ customer.first_name }}{% endif %}!

Aqui é a Beatriz, da {{ shop.name }}. Para que o seu casaco de lã dure muitos invernos: areje depois de usar, escove de cima para baixo e guarde limpo num saco de algodão.

Dê uma olhada no guia abaixo, {{ guide.title }}. Se algo não estiver certo, é só responder este e-mail: ele chega direto para mim.

Abraços,
{{ persona.name }}`,
    },
    {
      subject: 'O seu café, do jeito certo',
      body: `Oi, tudo bem?

Se você bebe café todos os dias, vale guardar {{ product.title }} num pote fechado, longe da luz. Moa só o que for usar e divida o pacote em porções menores.

Qualquer dúvida, responda este e-mail.
{{ persona.name }}`,
    },
  ],
};

describe('clean follow-ups', () => {
  for (const [language, templates] of Object.entries(CLEAN)) {
    it.each(templates.map((t) => [t.subject, t]))(`${language}: "%s" has no findings`, (_, template) => {
      expect(shown(lintAll({ ...template, fromAddress: 'marta@lanas.example', replyTo: 'Marta <marta@lanas.example>' }))).toEqual([]);
    });
  }

  it.each(Object.entries(DEFAULT_TEMPLATES))('the %s starting template can be saved as it is', (_, template) => {
    expect(lintAll(template)).toEqual([]);
  });

  it('empty fields and unfinished Liquid are not errors of tone', () => {
    expect(lintAll({ subject: '', body: '' })).toEqual([]);
    expect(lintAll({ subject: 'Hi {{ customer.first_name', body: 'Your {{ product.title' })).toEqual([]);
  });
});

/** [body, the words highlighted], per language. */
type Cases = [string, string][];

function expectFlagged(rule: LintRule, severity: 'error' | 'warning', cases: Cases) {
  it.each(cases)('%s → "%s"', (body, excerpt) => {
    const findings = lintBody(body).filter((f) => f.rule === rule);
    expect(findings.map((f) => [f.excerpt, f.severity, f.field])).toEqual([[excerpt, severity, 'body']]);
    expect(body.slice(findings[0]!.start, findings[0]!.end)).toBe(excerpt);
    expect(findings[0]!.params.excerpt).toBe(excerpt);
  });
}

describe('behaviour exposure is an error', () => {
  describe('en', () =>
    expectFlagged('behaviour-exposure', 'error', [
      ['We noticed you were looking at our wool coats.', 'We noticed you were looking at'],
      ['We saw you browsing the new arrivals!', 'We saw you browsing'],
      ['Since you viewed {{ product.title }}, here is more.', 'Since you viewed'],
      ['We’ve noticed you’ve been eyeing the cashmere scarf.', 'We’ve noticed you’ve been eyeing'],
      ['Looks like something caught your eye.', 'Looks like something caught your eye'],
      ['Based on your browsing history, we picked these.', 'Based on your browsing history'],
      ['The {{ product.title }} you looked at is back.', 'The {{ product.title }} you looked at'],
      ['Still in your cart: a linen apron.', 'Still in your cart'],
    ]));
  describe('es', () =>
    expectFlagged('behaviour-exposure', 'error', [
      ['Vimos que miraste nuestras botas.', 'Vimos que miraste'],
      ['Notamos que estuviste mirando los abrigos.', 'Notamos que estuviste mirando'],
      ['NOTAMOS QUE ESTUVISTE MIRANDO los abrigos.', 'NOTAMOS QUE ESTUVISTE MIRANDO'],
      ['Según tu historial de navegación, te recomendamos esto.', 'Según tu historial de navegación'],
      ['Los productos que viste siguen disponibles.', 'Los productos que viste'],
      ['¿Dejaste algo en tu carrito?', 'Dejaste algo en tu carrito'],
    ]));
  describe('pt', () =>
    expectFlagged('behaviour-exposure', 'error', [
      ['Você visualizou a nossa nova coleção.', 'Você visualizou'],
      ['Voce visualizou a coleção.', 'Voce visualizou'],
      ['Percebemos que você olhou as botas de couro.', 'Percebemos que você olhou'],
      ['Vimos que você esteve olhando o casaco.', 'Vimos que você esteve olhando'],
      ['Com base na sua navegação, separamos estas peças.', 'Com base na sua navegação'],
      ['Você esqueceu algo no carrinho?', 'esqueceu algo no carrinho'],
    ]));

  it('survives odd spacing, line breaks and a name dropped into the phrase', () => {
    const body = 'Hi!  We   noticed,\n{{ customer.first_name | capitalize }}, that you\twere looking at the coats.';
    expect(shown(lintBody(body))).toEqual([['behaviour-exposure', 'We   noticed,\n{{ customer.first_name | capitalize }}, that you\twere looking at']]);
  });

  it('is not read into "looking for"', () => {
    expect(lintBody('We know you are looking for quality that lasts.')).toEqual([]);
  });
});

describe('because-you-bought phrasing is an error', () => {
  describe('en', () =>
    expectFlagged('because-you-bought', 'error', [
      ['Because you bought {{ product.title }}, you might like our brush.', 'Because you bought'],
      ['Since you purchased the coat, try our cedar blocks.', 'Since you purchased'],
      ['Based on your purchases, we picked three scarves.', 'Based on your purchases'],
      ['Customers who bought this also loved the brush.', 'Customers who bought'],
    ]));
  describe('es', () =>
    expectFlagged('because-you-bought', 'error', [
      ['Porque compraste {{ product.title }}, te puede gustar esto.', 'Porque compraste'],
      ['Como compraste unas botas, te mostramos la grasa.', 'Como compraste'],
      ['Según tus compras, elegimos estos.', 'Según tus compras'],
      ['Ya que lo compraste, mira este cepillo.', 'Ya que lo compraste'],
    ]));
  describe('pt', () =>
    expectFlagged('because-you-bought', 'error', [
      ['Porque você comprou {{ product.title }}, separamos isto.', 'Porque você comprou'],
      ['Com base nas suas compras, escolhemos estes.', 'Com base nas suas compras'],
      ['Já que você comprou o casaco, veja esta escova.', 'Já que você comprou'],
    ]));

  it('leaves "since" telling time, and a plain thank-you, alone', () => {
    expect(lintBody("It's been two weeks since you bought your coat: how is it holding up?")).toEqual([]);
    expect(lintBody('Ever since you ordered, the weather has been kind.')).toEqual([]);
    expect(lintBody('Thank you for your order. Everything arrived just as you ordered, I hope.')).toEqual([]);
    expect(lintBody('Gracias por tu compra. Você pode ver o histórico de pedidos na sua conta.')).toEqual([]);
  });
});

describe('sensitive topics are an error', () => {
  describe('en', () =>
    expectFlagged('sensitive-topic', 'error', [
      ['Congratulations on your pregnancy!', 'pregnancy'],
      ['A gentle guide for life with diabetes.', 'diabetes'],
      ['Adult diapers, delivered discreetly.', 'Adult diapers'], // medical, and not also "baby"
      // A stroller order gets no follow-up at all; a template that names one tells the inbox a baby is coming.
      ['Three tips for your stroller.', 'stroller'],
    ]));
  describe('es', () =>
    expectFlagged('sensitive-topic', 'error', [
      ['Todo listo para tu embarazo.', 'embarazo'],
      ['Sabemos que una deuda pesa.', 'deuda'],
      ['Cambia el pañal con calma.', 'pañal'],
    ]));
  describe('pt', () =>
    expectFlagged('sensitive-topic', 'error', [
      ['Sabemos que a dívida pesa.', 'dívida'],
      ['Para o seu bebê dormir melhor.', 'bebê'],
      ['Nossos sentimentos pelo seu luto.', 'luto'],
    ]));

  it('names the topic for the admin to word', () => {
    expect(lintBody('Congratulations on your pregnancy!')[0]).toMatchObject({ code: 'sensitive_topic', params: { topic: 'pregnancy-fertility' } });
  });

  it('passes the look-alikes the recommendation engine passes', () => {
    expect(lintBody('Our baby alpaca wool is the softest we have.')).toEqual([]);
    expect(lintBody('Disponível em azul bebê e rosa bebê.')).toEqual([]);
    expect(lintBody('Two baby spinach salads, and a mourning dove on the label.')).toEqual([]);
  });

  it('reads "bebe", "panal", "divida" without their accent as the everyday words they are', () => {
    expect(lintBody('Si tu hijo bebe leche, prueba la miel de panal.')).toEqual([]);
    expect(lintBody('Divida a massa em duas partes.')).toEqual([]);
    expect(shown(lintBody('Miel para el bebé.'))).toEqual([['sensitive-topic', 'bebé']]);
  });

  it('reads a capitalised "Rosario" as the person or the city, a "rosario" as the rosary', () => {
    expect(lintBody('Soy Rosario, del taller. Enviamos desde Rosario.')).toEqual([]);
    expect(shown(lintBody('Un rosario de madera.'))).toEqual([['sensitive-topic', 'rosario']]);
  });

  it('matches whole words only, and never the inside of a Liquid tag', () => {
    expect(lintBody('We are indebted to the weavers of Chiloé.')).toEqual([]);
    expect(lintBody("{% if product.title contains 'Baby' %}Soft on small hands.{% endif %}")).toEqual([]);
  });
});

describe('life-stage and condition phrases are an error (as a sensitive topic)', () => {
  describe('en', () =>
    expectFlagged('sensitive-topic', 'error', [
      ['As a new mum you will love this.', 'As a new mum'],
      ['AS A NEW MOM, you deserve a treat.', 'AS A NEW MOM'],
      ['Every new mother needs a warm coat.', 'Every new mother'],
      ['First-time parents, this one is for you.', 'First-time parents'],
      ["Now that you're expecting!", "Now that you're expecting"],
      ['Are you expecting? Good news.', 'Are you expecting'],
      ['Take it easy during your recovery.', 'during your recovery'],
      ['A small treat after your divorce.', 'after your divorce'],
      ['We know your diagnosis changes things.', 'your diagnosis'],
      ['So sorry for your loss.', 'sorry for your loss'],
      ['Newly diagnosed? Start here.', 'Newly diagnosed'],
    ]));
  describe('es', () =>
    expectFlagged('sensitive-topic', 'error', [
      ['Como nueva mamá, te lo mereces.', 'Como nueva mamá'],
      ['como nueva mama, te lo mereces.', 'como nueva mama'],
      ['Para toda mamá primeriza.', 'mamá primeriza'],
      ['MAMÁ PRIMERIZA: esto es para ti.', 'MAMÁ PRIMERIZA'],
      ['Ya que estás esperando, mira esto.', 'Ya que estás esperando'],
      ['Ánimo con tu recuperación.', 'tu recuperación'],
      ['Todo listo para tu diagnostico.', 'para tu diagnostico'],
      ['Después de tu divorcio, un regalo.', 'Después de tu divorcio'],
      ['Sabemos que su diagnóstico pesa.', 'su diagnóstico'],
      ['Lamentamos tu pérdida.', 'Lamentamos tu pérdida'],
    ]));
  describe('pt', () =>
    expectFlagged('sensitive-topic', 'error', [
      ['Para a mamãe de primeira viagem.', 'mamãe de primeira viagem'],
      ['Para a mamae de primeira viagem.', 'mamae de primeira viagem'],
      ['Toda nova mamãe merece isso.', 'nova mamãe'],
      ['Cuide-se durante a sua recuperação.', 'durante a sua recuperação'],
      ['Um presente depois do seu divórcio.', 'depois do seu divórcio'],
      ['Agora que você está esperando, veja isto.', 'Agora que você está esperando'],
      ['Sentimos muito pela sua perda.', 'Sentimos muito pela sua perda'],
      // Without its accent "bebe" alone is a verb; after "para o seu" it is the baby all the same.
      ['Tudo para o seu bebe dormir melhor.', 'para o seu bebe'],
    ]));

  it('leaves the keyword to name the topic where a phrase holds one, so the merchant sees one finding', () => {
    expect(shown(lintBody('Everything for your pregnancy.'))).toEqual([['sensitive-topic', 'pregnancy']]);
    expect(shown(lintBody('Todo para tu embarazo.'))).toEqual([['sensitive-topic', 'embarazo']]);
    expect(shown(lintBody('Tudo para o seu bebê.'))).toEqual([['sensitive-topic', 'bebê']]);
    expect(shown(lintBody('Tudo para o SEU BEBÊ.'))).toEqual([['sensitive-topic', 'BEBÊ']]);
    expect(shown(lintBody('Cuide da sua gravidez.'))).toEqual([['sensitive-topic', 'gravidez']]);
    expect(shown(lintBody('Show off your baby bump.'))).toEqual([['sensitive-topic', 'baby bump']]);
    expect(shown(lintBody("Congratulations, you're expecting a baby."))).toEqual([['sensitive-topic', 'baby']]);
    expect(shown(lintBody('Você está grávida? Veja isto.'))).toEqual([['sensitive-topic', 'grávida']]);
  });

  it('says the finding is about the life stage', () => {
    expect(lintBody('As a new mum you will love this.')[0]!.code).toBe('life_stage');
    expect(blocksSaving(lintBody('As a new mum you will love this.'))).toBe(true);
  });

  it('passes everyday uses of the same words', () => {
    for (const body of [
      "You're expecting a parcel this week: it left today.",
      'What to expect from your new coat.',
      'Are you expecting guests? Our tablecloths wash well.',
      'Your baby blue scarf is on its way.',
      'Tu pedido está esperando en la sucursal. Tu pedido está esperando.',
      '¿Estás esperando tu pedido? Ya salió.',
      'Tu operación fue aprobada.',
      'Enviamos para um novo país.',
      'Seu filhote vai adorar a caminha.',
      'Keep your coat in good condition.',
      'New arrivals for the new season.',
      'Support your muscles after a long run.',
      'Disponível em azul bebê.',
    ]) {
      expect(shown(lintBody(body)), body).toEqual([]);
    }
  });
});

describe('affection is a warning', () => {
  describe('en', () =>
    expectFlagged('affection', 'warning', [
      ['We love you! See you soon.', 'We love you'],
      ['We miss you already.', 'We miss you already'],
      ["You're like family to us.", "You're like family"],
      ['Thanks, xoxo', 'xoxo'],
    ]));
  describe('es', () =>
    expectFlagged('affection', 'warning', [
      ['¡Te queremos!', 'Te queremos'],
      ['Te queremos mucho, de verdad.', 'Te queremos mucho'],
      ['Te extrañamos en la tienda.', 'Te extrañamos'],
      ['Te echamos de menos.', 'Te echamos de menos'],
      ['Besos, Lucía', 'Besos'],
    ]));
  describe('pt', () =>
    expectFlagged('affection', 'warning', [
      ['Amamos você!', 'Amamos você'],
      ['Sentimos sua falta por aqui.', 'Sentimos sua falta'],
      ['Você é da família.', 'Você é da família'],
      ['Beijos, Bia', 'Beijos'],
    ]));

  it('does not mistake "we want to tell you", "we would love you to" or a love for the craft for affection', () => {
    expect(lintBody('Te queremos contar cómo cuidar tu abrigo. Te quiero recordar algo.')).toEqual([]);
    expect(lintBody("We'd love you to send us a photo. We love your photos.")).toEqual([]);
    expect(lintBody('Each glove is sewn by hand; we love doing it.')).toEqual([]);
    expect(lintBody('Made by people we love. You will see it in the seams.')).toEqual([]); // not across a sentence
  });

  it('leaves everyday sign-offs alone', () => {
    expect(lintBody('Un abrazo,\nLucía')).toEqual([]);
    expect(lintBody('Abraços,\nBia')).toEqual([]);
  });
});

describe('first name in the subject of a generic body is a warning', () => {
  const GENERIC = 'Thanks for shopping with {{ shop.name }}. Our winter sale starts Monday.';

  it.each([
    ['{{ customer.first_name }}, a note from us', 0, '{{ customer.first_name }}'],
    ['Hi {{customer.first_name | capitalize}}!', 3, '{{customer.first_name | capitalize}}'],
    ['Hola {{- customer.first_name -}}, novedades', 5, '{{- customer.first_name -}}'],
    ['Oi {{ customer["first_name"] | default: "você" }}, novidades', 3, '{{ customer["first_name"] | default: "você" }}'],
  ])('%s', (subject, start, excerpt) => {
    const findings = lintAll({ subject, body: GENERIC });
    expect(findings.map((f) => [f.rule, f.severity, f.field, f.excerpt, f.start, f.end])).toEqual([
      ['first-name-in-subject', 'warning', 'subject', excerpt, start, start + excerpt.length],
    ]);
    expect(findings[0]!.code).toBe('first_name_in_subject');
  });

  it.each([
    ['the product', 'How is {{ product.title }} treating you?'],
    ['the guide', '{% if guide.title %}Below: {{ guide.title }}.{% endif %}'],
    ['the order', 'Your order {{ order.name }} left today.'],
  ])('is fine when the body is about %s', (_, body) => {
    expect(lintAll({ subject: 'Hi {{ customer.first_name }}', body })).toEqual([]);
  });

  it('is about the first name only, and only in the subject', () => {
    expect(lintAll({ subject: 'News from {{ shop.name }}', body: `Hi {{ customer.first_name }}. ${GENERIC}` })).toEqual([]);
    expect(lintAll({ subject: 'A note from {{ persona.name }}', body: GENERIC })).toEqual([]);
  });
});

describe('noreply senders are an error', () => {
  it('flags the From and the Reply-To, pointing at the address as typed', () => {
    const input = { subject: SUBJECT, body: 'Hi!', fromAddress: 'no-reply@shop.example', replyTo: ' Do.Not.Reply@shop.example ' };
    const findings = lintAll(input);
    expect(findings.map((f) => [f.rule, f.severity, f.field, f.excerpt, f.start, f.end])).toEqual([
      ['noreply-sender', 'error', 'fromAddress', 'no-reply@shop.example', 0, 21],
      ['noreply-sender', 'error', 'replyTo', 'Do.Not.Reply@shop.example', 1, 26],
    ]);
    expect(findings.map((f) => f.code)).toEqual(['noreply_sender', 'noreply_sender']);
  });

  it('lets a person’s address through', () => {
    expect(lintAll({ subject: SUBJECT, body: 'Hi!', fromAddress: 'anna.noriega@shop.example', replyTo: 'norbert@shop.example' })).toEqual([]);
  });
});

describe('a template with several problems', () => {
  const input = {
    subject: '{{ customer.first_name }}, we miss you',
    body: '¡Te queremos! Because you bought a coat: vimos que miraste las botas.',
    fromAddress: 'noreply@shop.example',
    replyTo: 'anna@shop.example',
  };

  it('lists every finding by field, then by position, each pointing at its own text', () => {
    const findings = lintAll(input);
    expect(findings.map((f) => [f.field, f.rule, f.excerpt])).toEqual([
      ['subject', 'first-name-in-subject', '{{ customer.first_name }}'],
      ['subject', 'affection', 'we miss you'],
      ['body', 'affection', 'Te queremos'],
      ['body', 'because-you-bought', 'Because you bought'],
      ['body', 'behaviour-exposure', 'vimos que miraste'],
      ['fromAddress', 'noreply-sender', 'noreply@shop.example'],
    ]);
    expectOffsetsMatch({ ...input, locale: 'en' }, findings);
  });
});

describe('blocksSaving', () => {
  it('blocks on any error and only then', () => {
    expect(blocksSaving([])).toBe(false);
    expect(blocksSaving(lintBody('We love you!'))).toBe(false); // a warning
    expect(blocksSaving(lintAll({ subject: 'Hi {{ customer.first_name }}', body: 'Sale on.' }))).toBe(false);
    expect(blocksSaving(lintBody('We love you! Vimos que miraste esto.'))).toBe(true);
    expect(blocksSaving(lintAll({ subject: SUBJECT, body: 'Hi', replyTo: 'noreply@shop.example' }))).toBe(true);
  });
});

describe('whole words and exact offsets, whatever surrounds a phrase', () => {
  const PHRASES: [string, LintRule][] = [
    ['we love you', 'affection'],
    ['te extrañamos', 'affection'],
    ['vimos que miraste', 'behaviour-exposure'],
    ['você visualizou', 'behaviour-exposure'],
    ['because you bought', 'because-you-bought'],
    ['según tus compras', 'because-you-bought'],
  ];
  const filler = fc.constantFrom('', 'Hello. ', 'Hola!\n\n', '{{ shop.name }}: ', 'Olá, {{ customer.first_name }}. ', '¡');
  const tail = fc.constantFrom('', '.', ' today.', ' {{ product.title }}', '!\n\nAna');

  it('finds a phrase wherever it sits, and quotes exactly it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PHRASES), filler, tail, ([phrase, rule], before, after) => {
        const body = `${before}${phrase}${after}`;
        const findings = lintBody(body).filter((f) => f.rule === rule);
        expect(findings.map((f) => [f.excerpt, f.start, f.end])).toEqual([[phrase, before.length, before.length + phrase.length]]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('does not find a phrase whose first or last word is part of a longer word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PHRASES), fc.constantFrom('a', 'x', 'ñ', 's'), fc.boolean(), ([phrase, rule], letter, atStart) => {
        const body = atStart ? `${letter}${phrase}.` : `${phrase}${letter}.`;
        expect(lintBody(body).filter((f) => f.rule === rule)).toEqual([]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
