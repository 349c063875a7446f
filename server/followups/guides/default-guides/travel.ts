import type { Guide } from '../types.ts';
import { paragraphs as p } from './paragraphs.ts';

/** Luggage, packing and a guided trip: keeping bags in shape and getting ready, never another suitcase or trip. */
export const TRAVEL_GUIDES: readonly Guide[] = [
  {
    id: 'luggage-care',
    productTypes: ['Suitcase', 'Bag', 'Duffel', 'Luggage'],
    collectionHandles: [],
    title: {
      en: 'Looking after your suitcase and travel bag',
      es: 'Cómo cuidar tu maleta y tu bolsa de viaje',
      'pt-BR': 'Como cuidar da sua mala e da sua bolsa de viagem',
    },
    body: {
      en: p(
        'Hard-shell suitcases: wipe the shell with a damp cloth and a little mild soap; a melamine sponge lifts most scuffs. Keep the wheels free of hair and grit, and lift the case down steps and kerbs rather than letting it drop onto its wheels.',
        'Set the combination lock before the first trip: the instructions are usually on a tag inside. Note the code somewhere other than the suitcase.',
        'Canvas duffels: brush off dirt, spot-clean with cold water and mild soap, and let them air-dry away from direct heat. Do not machine-wash them, as the lining and base lose their shape.',
        'After each trip, empty every pocket, leave bags open for a day to air, and store them somewhere dry, with smaller bags nested inside larger ones to save space.',
      ),
      es: p(
        'Maletas rígidas: limpia la carcasa con un paño húmedo y un poco de jabón suave; una esponja de melamina quita casi todas las marcas. Mantén las ruedas libres de pelos y arenilla, y levanta la maleta al bajar escalones en lugar de dejarla caer sobre las ruedas.',
        'Configura el candado de combinación antes del primer viaje: las instrucciones suelen venir en una etiqueta interior. Anota el código en un lugar que no sea la maleta.',
        'Bolsas de lona: cepilla la suciedad, limpia las manchas con agua fría y jabón suave y déjalas secar al aire, lejos de fuentes de calor. No las metas en la lavadora, porque el forro y la base pierden la forma.',
        'Después de cada viaje, vacía todos los bolsillos, deja las bolsas abiertas un día para que se aireen y guárdalas en un lugar seco, las pequeñas dentro de las grandes para ahorrar espacio.',
      ),
      'pt-BR': p(
        'Malas rígidas: limpe o casco com pano úmido e um pouco de sabão neutro; uma esponja de melamina tira quase todas as marcas. Mantenha as rodinhas livres de cabelo e areia, e levante a mala ao descer degraus e meios-fios em vez de deixá-la cair sobre as rodinhas.',
        'Configure o cadeado de segredo antes da primeira viagem: as instruções costumam vir numa etiqueta interna. Anote a senha em outro lugar que não a própria mala.',
        'Bolsas de lona: escove a sujeira, limpe manchas com água fria e sabão neutro e deixe secar ao ar, longe de fontes de calor. Não lave na máquina, porque o forro e a base perdem o formato.',
        'Depois de cada viagem, esvazie todos os bolsos, deixe as bolsas abertas por um dia para arejar e guarde em local seco, com as menores dentro das maiores para economizar espaço.',
      ),
    },
  },
  {
    id: 'packing-organizers',
    productTypes: ['Travel Accessory'],
    collectionHandles: ['travel'],
    title: {
      en: 'Packing with cubes, pouches and tags',
      es: 'Cómo hacer la maleta con organizadores, neceser y etiqueta',
      'pt-BR': 'Como arrumar a mala com organizadores, nécessaire e etiqueta',
    },
    body: {
      en: p(
        'Give each packing cube one kind of item: tops, trousers, sleepwear, and an empty one for laundry on the way home. Roll soft clothes and fold stiffer ones; fill each cube so it keeps its shape without straining the zip.',
        'Keep cables, chargers, adapters and documents together in a zip pouch, so they come out in one go at security or at a hotel desk. Wipe it with a damp cloth when it gets dusty.',
        'On a luggage tag, write a phone number and an email address rather than your home address. A leather tag stays supple and free of cracks with a little leather balm once or twice a year.',
        'Between trips, store the cubes flat inside your suitcase so they are ready for the next one.',
      ),
      es: p(
        'Usa un organizador por tipo de prenda: camisetas, pantalones, ropa de dormir, y uno vacío para la ropa sucia de la vuelta. Enrolla la ropa blanda y dobla la más rígida; llena cada organizador de modo que mantenga la forma sin forzar el cierre.',
        'Guarda cables, cargadores, adaptadores y documentos juntos en el neceser, así salen de una vez en el control de seguridad o en la recepción del hotel. Límpialo con un paño húmedo cuando tenga polvo.',
        'En la etiqueta de equipaje, escribe un teléfono y un correo electrónico en lugar de tu dirección. Una etiqueta de cuero se mantiene flexible y sin grietas con un poco de bálsamo para cuero una o dos veces al año.',
        'Entre viajes, guarda los organizadores planos dentro de la maleta para tenerlos listos la próxima vez.',
      ),
      'pt-BR': p(
        'Use um organizador para cada tipo de peça: camisetas, calças, roupas de dormir, e um vazio para a roupa suja da volta. Enrole as roupas macias e dobre as mais rígidas; encha cada organizador de modo que ele mantenha o formato sem forçar o zíper.',
        'Guarde cabos, carregadores, adaptadores e documentos juntos na nécessaire, assim tudo sai de uma vez na inspeção de segurança ou na recepção do hotel. Limpe com pano úmido quando estiver empoeirada.',
        'Na etiqueta de bagagem, escreva um telefone e um e-mail em vez do endereço de casa. Uma etiqueta de couro se mantém macia e sem rachaduras com um pouco de hidratante para couro uma ou duas vezes por ano.',
        'Entre uma viagem e outra, guarde os organizadores planos dentro da mala, prontos para a próxima.',
      ),
    },
  },
  {
    id: 'guided-trip-preparation',
    productTypes: ['Guided Trip', 'Trip'],
    collectionHandles: [],
    title: {
      en: 'Getting ready for a guided trek',
      es: 'Cómo prepararte para un trekking guiado',
      'pt-BR': 'Como se preparar para um trekking guiado',
    },
    body: {
      en: p(
        'A few weeks before you leave, check that your passport is valid for six months after the return date and that your travel insurance covers hiking and mountain rescue.',
        'Break in your boots on two or three long walks with a loaded daypack: blisters are the usual reason for a hard day on the trail.',
        'Pack layers rather than one heavy coat. A base layer, a warm fleece and a waterproof shell cope with mountain weather that can change within the hour; add a hat, gloves and sun cream.',
        'Keep copies of your documents apart from the originals, leave your itinerary with someone at home, and reconfirm the meeting point with the local team the day before departure.',
      ),
      es: p(
        'Unas semanas antes de salir, comprueba que tu pasaporte siga vigente seis meses después de la fecha de regreso y que tu seguro de viaje cubra el senderismo y el rescate en montaña.',
        'Domestica las botas en dos o tres caminatas largas con una mochila cargada: las ampollas son el motivo habitual de un mal día en el sendero.',
        'Lleva capas en lugar de un solo abrigo grueso. Una capa base, un forro polar y una chaqueta impermeable bastan para un tiempo de montaña que cambia en una hora; añade gorro, guantes y protector solar.',
        'Guarda copias de los documentos separadas de los originales, deja tu itinerario a alguien en casa y confirma el punto de encuentro con el equipo local el día antes de la salida.',
      ),
      'pt-BR': p(
        'Algumas semanas antes da viagem, confira se o passaporte vale por mais seis meses depois da data de volta e se o seguro viagem cobre caminhadas e resgate em montanha.',
        'Amacie as botas em duas ou três caminhadas longas com a mochila carregada: bolhas são o motivo mais comum de um dia difícil na trilha.',
        'Leve camadas em vez de um único casaco pesado. Uma segunda pele, um fleece quente e uma jaqueta impermeável dão conta de um tempo de montanha que muda em uma hora; inclua gorro, luvas e protetor solar.',
        'Guarde cópias dos documentos longe dos originais, deixe o roteiro com alguém em casa e reconfirme o ponto de encontro com a equipe local na véspera da saída.',
      ),
    },
  },
];
