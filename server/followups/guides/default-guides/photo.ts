import type { Guide } from '../types.ts';
import { paragraphs as p } from './paragraphs.ts';

/** Cameras, lenses and what carries or powers them: first steps and upkeep, never a second camera. */
export const PHOTO_GUIDES: readonly Guide[] = [
  {
    id: 'camera-first-steps',
    productTypes: ['Camera'],
    collectionHandles: [],
    title: {
      en: 'Getting started with your camera',
      es: 'Primeros pasos con tu cámara',
      'pt-BR': 'Primeiros passos com a sua câmera',
    },
    body: {
      en: p(
        'Charge the battery fully first, then set the date, time and time zone so your photos sort correctly. Check the maker’s website for a firmware update and install it with a full battery.',
        'Format each new memory card in the camera itself, and format it again only after your photos are copied somewhere safe.',
        'Spend ten minutes with the manual on the controls you will use often: exposure compensation, autofocus area and ISO. Many cameras let you save a setup you like to a custom mode.',
        'To keep it in good shape: if it takes interchangeable lenses, fit the body cap whenever no lens is attached and change lenses with the camera facing down. After coming in from the cold, leave it in its bag for an hour so condensation does not form inside.',
      ),
      es: p(
        'Primero carga la batería por completo y luego ajusta la fecha, la hora y la zona horaria para que tus fotos queden bien ordenadas. Busca en la web del fabricante si hay una actualización de firmware e instálala con la batería llena.',
        'Formatea cada tarjeta de memoria nueva en la propia cámara, y vuelve a formatearla solo cuando hayas copiado tus fotos a un lugar seguro.',
        'Dedica diez minutos al manual para conocer los controles que usarás a menudo: compensación de exposición, área de enfoque automático e ISO. Muchas cámaras permiten guardar una configuración a tu gusto en un modo personalizado.',
        'Para mantenerla en buen estado: si admite lentes u objetivos intercambiables, pon la tapa del cuerpo siempre que no lleve objetivo y cámbialo con la cámara mirando hacia abajo. Al entrar desde el frío, déjala una hora dentro de la bolsa para que no se condense humedad en el interior.',
      ),
      'pt-BR': p(
        'Antes de tudo, carregue a bateria por completo e ajuste data, hora e fuso horário para que as fotos fiquem na ordem certa. Veja no site do fabricante se há atualização de firmware e instale com a bateria cheia.',
        'Formate cada cartão de memória novo na própria câmera, e formate de novo só depois de copiar as fotos para um lugar seguro.',
        'Reserve dez minutos para ler no manual sobre os controles que você vai usar com frequência: compensação de exposição, área de foco automático e ISO. Muitas câmeras permitem salvar uma configuração do seu jeito em um modo personalizado.',
        'Para conservar bem: se ela usa lentes intercambiáveis, coloque a tampa do corpo sempre que estiver sem lente e troque de lente com a câmera virada para baixo. Ao chegar de um lugar frio, deixe a câmera uma hora dentro da bolsa para não condensar umidade por dentro.',
      ),
    },
  },
  {
    id: 'lens-filter-care',
    productTypes: ['Lens', 'Lens Accessory', 'Lens Filter'],
    collectionHandles: ['photography'],
    title: {
      en: 'Keeping lenses and filters clean',
      es: 'Cómo mantener limpios objetivos y filtros',
      'pt-BR': 'Como manter lentes e filtros limpos',
    },
    body: {
      en: p(
        'Dust first, then smudges. Blow grit off the glass with a hand blower, then sweep it with a soft lens brush. Only then wipe fingerprints with a microfibre cloth or lens tissue and a drop of lens cleaner, in small circles from the centre out. Avoid wiping with a shirt: fabric holds grit that scratches coatings.',
        'Keep both caps on when a lens is in the bag, and store lenses in a dry place; in humid weather, a silica gel sachet in the bag helps.',
        'Screw filters on by hand, only until they are snug. If one sticks, a rubber jar opener frees it without force.',
        'Use the lens hood as well: it cuts stray light and takes the knock if the lens bumps into something.',
      ),
      es: p(
        'Primero el polvo, después las huellas. Quita la arenilla del cristal con una pera de aire y luego pasa un pincel suave para lentes. Solo entonces limpia las huellas de dedos con un paño de microfibra o papel para lentes y una gota de líquido limpiador, con pequeños círculos desde el centro hacia fuera. No uses la camiseta: la tela guarda partículas que rayan los recubrimientos.',
        'Deja las dos tapas puestas cuando el objetivo vaya en la bolsa y guárdalo en un lugar seco; en climas húmedos, un sobre de gel de sílice en la bolsa ayuda.',
        'Enrosca los filtros a mano y solo hasta que queden firmes. Si uno se atasca, un abridor de frascos de goma lo suelta sin forzar.',
        'Usa también el parasol: reduce los reflejos y se lleva el golpe si el objetivo choca con algo.',
      ),
      'pt-BR': p(
        'Primeiro a poeira, depois as manchas. Tire a areia e a poeira do vidro com uma pera de ar e depois passe um pincel macio para lentes. Só então limpe as marcas de dedo com um pano de microfibra ou papel para lentes e uma gota de limpador, em pequenos círculos do centro para fora. Evite usar a camiseta: o tecido segura partículas que riscam o revestimento.',
        'Deixe as duas tampas quando a lente estiver na bolsa e guarde em local seco; em clima úmido, um sachê de sílica gel na bolsa ajuda.',
        'Rosqueie os filtros à mão e só até ficarem firmes. Se algum travar, um abridor de potes de borracha solta sem forçar.',
        'Use também o para-sol: ele corta reflexos e absorve o impacto se a lente bater em algo.',
      ),
    },
  },
  {
    id: 'camera-bag-care',
    productTypes: ['Camera Bag'],
    collectionHandles: [],
    title: {
      en: 'Packing and caring for your camera bag',
      es: 'Cómo organizar y cuidar tu bolsa o mochila de fotografía',
      'pt-BR': 'Como organizar e cuidar da sua bolsa de câmera',
    },
    body: {
      en: p(
        'Set the dividers for what you carry most days: the body with a lens attached in the middle, other lenses at the sides, each with both caps on. Nothing should move when you give the bag a gentle shake.',
        'Waxed canvas: brush off dry dirt and wipe with a cloth dampened in cold water; never use soap or a washing machine, which strip the wax. When the fabric stops repelling water or looks pale at the folds, rub in fabric wax, warm it briefly with a hair dryer and let it set overnight.',
        'Nylon backpacks: vacuum the inside now and then and wipe the outside with mild soapy water.',
        'If the bag gets wet, empty it, open every compartment and let it dry before you repack, so moisture does not sit next to your gear.',
      ),
      es: p(
        'Coloca los separadores según lo que llevas casi siempre: el cuerpo con un objetivo montado en el centro y los demás objetivos a los lados, cada uno con sus dos tapas. Si sacudes la bolsa con suavidad, nada debería moverse.',
        'Lona encerada: cepilla la suciedad seca y pasa un paño humedecido en agua fría; nunca uses jabón ni lavadora, porque quitan la cera. Cuando la tela deje de repeler el agua o se vea más clara en los pliegues, frota cera para tejidos, caliéntala un momento con un secador de pelo y deja que se asiente toda la noche.',
        'Mochilas de nailon: aspira el interior de vez en cuando y limpia el exterior con agua y jabón suave.',
        'Si la bolsa se moja, vacíala, abre todos los compartimentos y deja que se seque antes de volver a guardar el equipo, para que la humedad no se quede junto a él.',
      ),
      'pt-BR': p(
        'Ajuste as divisórias para o que você leva no dia a dia: o corpo com uma lente montada no centro e as outras lentes nas laterais, cada uma com as duas tampas. Ao sacudir a bolsa de leve, nada deve se mexer.',
        'Lona encerada: escove a sujeira seca e passe um pano umedecido em água fria; nunca use sabão nem máquina de lavar, que tiram a cera. Quando o tecido parar de repelir água ou ficar mais claro nas dobras, passe cera para tecido, aqueça rapidamente com um secador de cabelo e deixe assentar durante a noite.',
        'Mochilas de náilon: aspire o interior de vez em quando e limpe o lado de fora com água e sabão neutro.',
        'Se a bolsa molhar, esvazie, abra todos os compartimentos e deixe secar antes de guardar o equipamento de novo, para que a umidade não fique junto dele.',
      ),
    },
  },
  {
    id: 'camera-battery-care',
    productTypes: ['Battery', 'Battery Charger'],
    collectionHandles: [],
    title: {
      en: 'Looking after a rechargeable camera battery',
      es: 'Cómo cuidar una batería de cámara recargable',
      'pt-BR': 'Como cuidar de uma bateria de câmera recarregável',
    },
    body: {
      en: p(
        'Charge a new battery fully before its first use. Lithium-ion cells do not need to be run flat, so top them up whenever it suits you.',
        'To store a battery for more than a few weeks, leave it about half charged, out of the camera, somewhere cool and dry, and recharge it every few months.',
        'Cold drains batteries quickly. In winter, carry the spare in an inside pocket and swap when one runs low; a cold battery often recovers some charge once it warms up.',
        'Put the terminal cover back on whenever it is out of the camera, and never carry it loose with keys or coins. When flying, spare batteries go in hand luggage, not in the hold. If a battery swells or gets hot while charging, stop using it and take it to a recycling point.',
      ),
      es: p(
        'Carga por completo una batería nueva antes del primer uso. Las baterías de iones de litio no necesitan descargarse del todo, así que puedes recargarlas cuando te venga bien.',
        'Si vas a guardarla más de unas semanas, déjala a media carga, fuera de la cámara, en un lugar fresco y seco, y recárgala cada pocos meses.',
        'El frío las descarga rápido. En invierno, lleva la de repuesto en un bolsillo interior y cámbialas cuando una se esté agotando; una batería fría suele recuperar algo de carga al calentarse.',
        'Pon la tapa de los contactos siempre que esté fuera de la cámara y nunca la lleves suelta junto a llaves o monedas. En avión, las baterías de repuesto van en el equipaje de mano, no en la maleta que va a bodega. Si una batería se hincha o se calienta al cargar, deja de usarla y llévala a un punto de reciclaje.',
      ),
      'pt-BR': p(
        'Carregue totalmente uma bateria nova antes do primeiro uso. Baterias de íons de lítio não precisam ser descarregadas até o fim, então recarregue quando for conveniente.',
        'Para guardar por mais de algumas semanas, deixe com cerca de metade da carga, fora da câmera, em local fresco e seco, e recarregue a cada poucos meses.',
        'O frio esgota a bateria rápido. No inverno, leve a reserva num bolso interno e troque quando uma estiver acabando; uma bateria fria costuma recuperar parte da carga ao esquentar.',
        'Coloque a tampa dos contatos sempre que ela estiver fora da câmera e nunca leve solta junto com chaves ou moedas. Em voos, baterias reserva vão na bagagem de mão, não na despachada. Se uma bateria inchar ou esquentar ao carregar, pare de usar e leve a um ponto de coleta.',
      ),
    },
  },
  {
    id: 'tripod-setup-care',
    productTypes: ['Tripod', 'Monopod'],
    collectionHandles: [],
    title: {
      en: 'Setting up and caring for your tripod',
      es: 'Cómo montar y cuidar tu trípode',
      'pt-BR': 'Como montar e cuidar do seu tripé',
    },
    body: {
      en: p(
        'Extend the thickest leg sections first and the thinnest last, and raise the centre column only when you need the height: it is the least steady part. On uneven ground, adjust leg length rather than tilting the head.',
        'In wind, hang your bag from the hook under the column so it sits just off the ground; the extra load steadies the tripod.',
        'Tighten the leg locks firmly without forcing them. After a day on the beach or in sand, extend the legs fully, rinse the locks with fresh water, wipe them and let the tripod dry extended. Now and then, unscrew the twist locks, clean the threads and put them back together.',
        'Before mounting the camera, check that the quick-release plate is tight, and carry the tripod with the camera off.',
      ),
      es: p(
        'Extiende primero los tramos más gruesos de las patas y por último los más finos, y sube la columna central solo si necesitas altura: es la parte menos estable. En terreno irregular, ajusta el largo de las patas en vez de inclinar la rótula.',
        'Con viento, cuelga tu mochila del gancho bajo la columna, justo por encima del suelo; esa carga extra le da estabilidad.',
        'Aprieta bien los cierres de las patas, sin forzarlos. Después de un día de playa o arena, extiende las patas por completo, enjuaga los cierres con agua dulce, sécalos y deja el trípode secar abierto. De vez en cuando, desenrosca los cierres de rosca, limpia las roscas y vuelve a montarlos.',
        'Antes de colocar la cámara, comprueba que la placa de liberación rápida esté bien apretada, y transporta el trípode sin la cámara puesta.',
      ),
      'pt-BR': p(
        'Abra primeiro as seções mais grossas das pernas e por último as mais finas, e suba a coluna central só quando precisar de altura: ela é a parte menos estável. Em terreno irregular, ajuste o comprimento das pernas em vez de inclinar a cabeça.',
        'Com vento, pendure a mochila no gancho embaixo da coluna, logo acima do chão; essa carga extra dá estabilidade.',
        'Aperte bem as travas das pernas, sem forçar. Depois de um dia de praia ou areia, estenda as pernas por completo, enxágue as travas com água doce, seque e deixe o tripé secar aberto. De vez em quando, desmonte as travas de rosca, limpe as roscas e monte de novo.',
        'Antes de encaixar a câmera, confira se a sapata de engate rápido está bem presa, e carregue o tripé sem a câmera.',
      ),
    },
  },
];
