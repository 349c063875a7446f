import type { Guide } from '../types.ts';
import { paragraphs as p } from './paragraphs.ts';

/** Coats, winter accessories and wedding wear: how to keep them in shape, never what else to wear with them. */
export const APPAREL_GUIDES: readonly Guide[] = [
  {
    id: 'coat-care',
    productTypes: ['Coat', 'Jacket', 'Parka', 'Raincoat', 'Coat Care'],
    collectionHandles: [],
    title: {
      en: 'Looking after your coat',
      es: 'Cómo cuidar tu abrigo',
      'pt-BR': 'Como cuidar do seu casaco',
    },
    body: {
      en: p(
        'Wool coats: after wearing, brush downwards with a soft clothes brush and hang the coat on a wide, shaped hanger so the shoulders keep their form. Give it a day of rest between wears. Spot-clean marks with a damp cloth, and dry-clean once a season at most.',
        'Down and puffer jackets: wash only when needed, zipped up, in a front-loading machine on a gentle cycle with a down wash. Tumble dry on low with two clean tennis balls until the filling is loose again; this can take a few hours.',
        'Rain shells: use a technical cleaner and never fabric softener. When water stops beading on the surface, restore the finish with a low tumble dry or a spray-on proofer.',
        'Out of season, store coats clean, in a breathable cover, with puffers hung up rather than squashed.',
      ),
      es: p(
        'Abrigos de lana: después de usarlos, cepíllalos de arriba abajo con un cepillo suave y cuélgalos en una percha ancha que respete la forma de los hombros. Déjalos descansar un día entre usos. Las manchas se limpian con un paño húmedo; la limpieza en seco, como mucho una vez por temporada.',
        'Prendas de plumas y acolchadas: lávalas solo cuando haga falta, con el cierre subido, en lavadora de carga frontal, con programa delicado y un detergente para plumas. Sécalas en secadora a baja temperatura con dos pelotas de tenis limpias hasta que el relleno quede suelto; puede llevar unas horas.',
        'Impermeables: lávalos con un limpiador técnico y nunca con suavizante. Cuando el agua deje de formar gotas sobre la tela, recupera el acabado con un secado suave en secadora o con un spray repelente.',
        'Fuera de temporada, guárdalos limpios y en una funda transpirable; los acolchados, colgados y sin aplastar.',
      ),
      'pt-BR': p(
        'Casacos de lã: depois de usar, escove de cima para baixo com uma escova macia e pendure num cabide largo, que mantenha o formato dos ombros. Deixe a peça descansar um dia entre um uso e outro. Manchas saem com pano úmido; lavagem a seco, no máximo uma vez por estação.',
        'Jaquetas puffer e de plumas: lave só quando precisar, com o zíper fechado, em máquina de abertura frontal, ciclo delicado e sabão próprio para plumas. Seque na secadora em temperatura baixa com duas bolinhas de tênis limpas até as plumas ficarem soltas de novo; pode levar algumas horas.',
        'Capas de chuva: use um limpador técnico e nunca amaciante. Quando a água parar de formar gotas no tecido, reative o acabamento com uma secagem em temperatura baixa ou um spray impermeabilizante.',
        'Fora da estação, guarde tudo limpo, em capa respirável, e as puffers penduradas, sem amassar.',
      ),
    },
  },
  {
    id: 'scarves-hats-gloves-care',
    productTypes: ['Gloves', 'Scarf', 'Hat', 'Mittens', 'Beanie', 'Earmuffs', 'Wool Wash', 'Knitwear Care'],
    collectionHandles: [],
    title: {
      en: 'Caring for scarves, hats and gloves',
      es: 'Cómo cuidar bufandas, gorros y guantes',
      'pt-BR': 'Como cuidar de cachecóis, gorros e luvas',
    },
    body: {
      en: p(
        'Wool, merino and cashmere: wash by hand in cool water with a wool detergent, and only after a few weeks of wear; airing a scarf or hat overnight often freshens it just as well. Press the water out in a rolled towel instead of wringing, and dry flat, away from radiators.',
        'Small bobbles appear where the fabric rubs. Once the piece is dry, lift them off with a cashmere comb or a fabric shaver.',
        'Leather gloves: keep them out of water. Wipe them with a barely damp cloth; if they get soaked, let them dry slowly at room temperature, then work in a little leather conditioner. Take them off by loosening each finger rather than pulling at the tips.',
        'Between seasons, store everything clean and folded, with cedar blocks to keep moths away.',
      ),
      es: p(
        'Lana, merino y cachemira: lávalos a mano en agua fría con un detergente para lana, y solo tras varias semanas de uso; muchas veces basta con airear la bufanda o el gorro durante la noche. Quita el agua presionando dentro de una toalla enrollada, sin retorcer, y sécalos en horizontal, lejos de radiadores y estufas.',
        'Donde la tela roza aparecen pequeñas bolitas. Cuando la prenda esté seca, retíralas con un peine para cachemira o un quitapelusas eléctrico.',
        'Guantes de cuero: que no toquen el agua. Límpialos con un paño apenas húmedo; si se empapan, déjalos secar despacio a temperatura ambiente y después aplica un poco de crema para cuero. Para quitártelos, afloja cada dedo en lugar de tirar de las puntas.',
        'Entre temporadas, guarda todo limpio y doblado, con bloques de madera de cedro para alejar las polillas.',
      ),
      'pt-BR': p(
        'Lã, merino e caxemira: lave à mão em água fria com sabão próprio para lã, e só depois de algumas semanas de uso; muitas vezes, deixar o cachecol ou o gorro arejando durante a noite já resolve. Tire o excesso de água apertando a peça dentro de uma toalha enrolada, sem torcer, e seque na horizontal, longe de aquecedores.',
        'Onde o tecido sofre atrito surgem bolinhas. Com a peça seca, tire-as com um pente para caxemira ou um removedor de bolinhas.',
        'Luvas de couro: mantenha longe da água. Limpe com um pano levemente úmido; se encharcarem, deixe secar devagar em temperatura ambiente e depois aplique um pouco de hidratante para couro. Para tirar, solte dedo por dedo em vez de puxar pelas pontas.',
        'Entre uma estação e outra, guarde tudo limpo e dobrado, com blocos de cedro contra traças.',
      ),
    },
  },
  {
    id: 'wedding-dress-veil-care',
    productTypes: ['Wedding Dress', 'Veil', 'Dress Bag', 'Bridal Accessory', 'Garment Steamer'],
    collectionHandles: [],
    title: {
      en: 'Your wedding dress and veil, before and after the day',
      es: 'Vestido de novia y velo: antes y después de la boda',
      'pt-BR': 'Seu vestido de noiva e o véu, antes e depois do casamento',
    },
    body: {
      en: p(
        'Before the day: take the dress out of its bag as soon as it arrives and hang it by the inner loops, not the shoulder straps, so the skirt does not pull on the bodice. Remove creases with a steamer held a hand’s width away; never iron lace or satin directly. Steam the veil on the lowest setting, or hang it in a steamy bathroom for twenty minutes.',
        'On the day: keep a clean white cloth handy and dab small marks with a little cold water instead of rubbing.',
        'Afterwards: take the dress to a bridal specialist cleaner within a few weeks, even if it looks clean, because drink and sugar marks turn yellow over time. Store dress and veil in acid-free tissue inside a breathable box or cotton bag, away from light and never in plastic.',
      ),
      es: p(
        'Antes de la boda: saca el vestido de su funda en cuanto llegue y cuélgalo de las cintas interiores, no de los tirantes, para que la falda no tire del cuerpo del vestido. Quita las arrugas con un vaporizador a un palmo de distancia; nunca planches el encaje ni el satén directamente. El velo se puede vaporizar a la temperatura más baja o colgar veinte minutos en el baño lleno de vapor.',
        'El día de la boda: ten a mano un paño blanco limpio y, ante una mancha pequeña, presiona con un poco de agua fría en lugar de frotar.',
        'Después: lleva el vestido a una tintorería especializada en novias en las primeras semanas, aunque parezca limpio, porque las manchas de bebidas y azúcar amarillean con el tiempo. Guarda vestido y velo con papel de seda sin ácido, en una caja transpirable o una bolsa de algodón, lejos de la luz y nunca en plástico.',
      ),
      'pt-BR': p(
        'Antes do casamento: tire o vestido da capa assim que ele chegar e pendure pelas alcinhas internas, não pelas alças do ombro, para que a saia não puxe o corpete. Para desamassar, use um vaporizador a um palmo de distância; nunca passe ferro direto na renda ou no cetim. O véu pode ser vaporizado na temperatura mais baixa ou ficar vinte minutos pendurado no banheiro cheio de vapor.',
        'No dia: tenha à mão um pano branco limpo e, se aparecer uma manchinha, pressione com um pouco de água fria em vez de esfregar.',
        'Depois: leve o vestido a uma lavanderia especializada em noivas nas primeiras semanas, mesmo que pareça limpo, porque manchas de bebida e açúcar amarelam com o tempo. Guarde vestido e véu em papel de seda sem ácido, dentro de uma caixa respirável ou saco de algodão, longe da luz e nunca em plástico.',
      ),
    },
  },
  {
    id: 'occasion-dress-care',
    productTypes: ['Dress'],
    collectionHandles: [],
    title: {
      en: 'Caring for a chiffon or occasion dress',
      es: 'Cómo cuidar un vestido de gasa o de fiesta',
      'pt-BR': 'Como cuidar de um vestido de chiffon ou de festa',
    },
    body: {
      en: p(
        'Hang the dress as soon as it arrives, by its inner loops if it has them, with room around it so the skirt falls freely.',
        'To remove creases, use a handheld steamer a few centimetres away, or hang the dress in the bathroom while you shower. If you need an iron, turn the dress inside out, use the lowest setting and put a cloth between the iron and the fabric.',
        'Chiffon snags easily: keep it away from bracelets, bag zips and velcro.',
        'Deal with small marks straight away by dabbing them with cold water. For a full clean, hand wash in cool water with a mild detergent, or follow the label if it says dry clean only. Dry it on a hanger, out of direct sun, and store it in a breathable fabric cover rather than the plastic it came in.',
      ),
      es: p(
        'Cuelga el vestido en cuanto llegue, de las cintas interiores si las tiene, con espacio alrededor para que la falda caiga libre.',
        'Para quitar arrugas, usa un vaporizador de mano a unos centímetros, o cuelga el vestido en el baño mientras te duchas. Si necesitas plancha, ponlo del revés, usa la temperatura más baja y pon un paño entre la plancha y la tela.',
        'La gasa se engancha con facilidad: mantenla lejos de pulseras, cierres de bolsos y velcro.',
        'Trata las manchas pequeñas enseguida, presionando con agua fría. Para un lavado completo, lávalo a mano en agua fresca con un detergente suave, o sigue la etiqueta si indica solo limpieza en seco. Sécalo en percha, sin sol directo, y guárdalo en una funda de tela transpirable, no en el plástico en el que llegó.',
      ),
      'pt-BR': p(
        'Pendure o vestido assim que ele chegar, pelas alcinhas internas se houver, com espaço ao redor para a saia cair livre.',
        'Para desamassar, use um vaporizador portátil a alguns centímetros, ou deixe o vestido pendurado no banheiro enquanto você toma banho. Se precisar de ferro, vire a peça do avesso, use a temperatura mais baixa e coloque um pano entre o ferro e o tecido.',
        'O chiffon puxa fio com facilidade: mantenha longe de pulseiras, zíperes de bolsa e velcro.',
        'Trate manchas pequenas na hora, pressionando com água fria. Para lavar por inteiro, lave à mão em água fria com sabão neutro, ou siga a etiqueta se ela pedir lavagem a seco. Seque no cabide, longe do sol direto, e guarde numa capa de tecido respirável, não no plástico em que veio.',
      ),
    },
  },
];
