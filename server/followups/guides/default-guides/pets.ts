import type { Guide } from '../types.ts';
import { paragraphs as p } from './paragraphs.ts';

/** Pet food, walking gear and a cat's corner: storage, switching foods and upkeep, never more of the same food. */
export const PET_GUIDES: readonly Guide[] = [
  {
    id: 'pet-food-storage-switching',
    productTypes: ['Pet Food', 'Cat Food', 'Dog Food', 'Pet Treats'],
    collectionHandles: [],
    title: {
      en: 'Storing and switching pet food',
      es: 'Cómo guardar y cambiar el alimento de tu mascota',
      'pt-BR': 'Como guardar a ração e fazer a troca de alimento',
    },
    body: {
      en: p(
        'Keep dry food in its original bag, rolled closed and placed inside an airtight container: the bag protects the fats from air and keeps the batch number and best-before date to hand. Store it somewhere cool and dry, and finish an opened bag within about six weeks.',
        'When changing foods, mix them over seven to ten days: about a quarter new food for the first few days, then half, then three quarters, then only the new one. A gradual switch helps your pet get used to it.',
        'Use the feeding table on the bag as a starting point, measure portions with a kitchen scale and adjust for your pet’s age and activity. Keep treats to about a tenth of the daily food.',
        'Fresh water should always be available, especially with dry food.',
      ),
      es: p(
        'Guarda el alimento seco en su bolsa original, bien cerrada y dentro de un recipiente hermético: la bolsa protege las grasas del aire y conserva a mano el número de lote y la fecha indicada en el envase. Mantenlo en un lugar fresco y seco, y termina una bolsa abierta en unas seis semanas.',
        'Para cambiar de alimento, mezcla los dos durante siete a diez días: alrededor de una cuarta parte del nuevo los primeros días, luego la mitad, después tres cuartas partes y, por último, solo el nuevo. Un cambio gradual ayuda a que tu mascota se acostumbre.',
        'Toma la tabla de raciones de la bolsa como punto de partida, mide las porciones con una báscula de cocina y ajústalas según la edad y la actividad de tu mascota. Los premios no deberían pasar de una décima parte de la comida diaria.',
        'Ten siempre agua fresca disponible, sobre todo con alimento seco.',
      ),
      'pt-BR': p(
        'Mantenha a ração seca na embalagem original, bem fechada e dentro de um pote hermético: a embalagem protege as gorduras do ar e deixa à mão o lote e a validade. Guarde em local fresco e seco e termine um pacote aberto em cerca de seis semanas.',
        'Para trocar de ração, misture as duas ao longo de sete a dez dias: cerca de um quarto da nova nos primeiros dias, depois metade, depois três quartos e, por fim, só a nova. Uma troca gradual ajuda seu pet a se acostumar.',
        'Use a tabela da embalagem como ponto de partida, meça as porções com uma balança de cozinha e ajuste conforme a idade e o nível de atividade do seu pet. Os petiscos devem ficar em torno de um décimo da alimentação diária.',
        'Deixe sempre água fresca à disposição, principalmente com ração seca.',
      ),
    },
  },
  {
    id: 'rope-leash-care',
    productTypes: ['Pet Accessory', 'Leash'],
    collectionHandles: [],
    title: {
      en: 'Using and caring for a rope leash',
      es: 'Cómo usar y cuidar una correa de cuerda',
      'pt-BR': 'Como usar e cuidar de uma guia de corda',
    },
    body: {
      en: p(
        'Before each walk, check that the clip snaps shut firmly and that the rope is not fraying near the clip or the handle.',
        'Hold the handle loop in your hand rather than wrapping it around your wrist, and gather any slack in the same hand so the other stays free. Shorten your grip near busy roads and when passing other dogs.',
        'To clean the rope, hand wash it in warm water with a little mild soap, rinse well and hang it until completely dry, clip included. Wipe the brass clip with a dry cloth now and then; it darkens naturally over time.',
        'Do not leave the leash in strong sun or in a hot car for long periods: heat and light weaken the fibres. Replace it once the rope looks worn or the clip no longer closes cleanly.',
      ),
      es: p(
        'Antes de cada paseo, comprueba que el mosquetón cierra con firmeza y que la cuerda no está deshilachada cerca del mosquetón ni del asa.',
        'Sujeta el asa con la mano en lugar de enrollarla en la muñeca, y recoge la cuerda sobrante con la misma mano para tener la otra libre. Acorta el agarre cerca de calles con tráfico y al cruzarte con otros perros.',
        'Para limpiar la cuerda, lávala a mano en agua tibia con un poco de jabón suave, enjuágala bien y cuélgala hasta que esté completamente seca, mosquetón incluido. Pasa de vez en cuando un paño seco por el mosquetón de latón; con el tiempo se oscurece de forma natural.',
        'No dejes la correa mucho tiempo al sol fuerte ni dentro de un vehículo caliente: el calor y la luz debilitan las fibras. Cámbiala cuando la cuerda se vea gastada o el mosquetón ya no cierre bien.',
      ),
      'pt-BR': p(
        'Antes de cada passeio, confira se o mosquetão fecha com firmeza e se a corda não está desfiando perto do mosquetão ou da alça.',
        'Segure a alça com a mão em vez de enrolá-la no pulso, e junte a sobra da corda na mesma mão para deixar a outra livre. Encurte a guia perto de ruas movimentadas e ao cruzar com outros cães.',
        'Para limpar a corda, lave à mão em água morna com um pouco de sabão neutro, enxágue bem e pendure até secar por completo, mosquetão incluído. De vez em quando, passe um pano seco no mosquetão de latão; ele escurece naturalmente com o tempo.',
        'Não deixe a guia por muito tempo no sol forte nem dentro de um carro quente: calor e luz enfraquecem as fibras. Troque quando a corda parecer gasta ou o mosquetão não fechar direito.',
      ),
    },
  },
  {
    id: 'pet-corner-care',
    productTypes: ['Cat Litter', 'Scratching Post', 'Pet Toy', 'Pet Bowl', 'Pet Bed'],
    collectionHandles: [],
    title: {
      en: 'Setting up litter, scratching post, toys and bowls',
      es: 'Cómo preparar la arena, el rascador, los juguetes y el comedero',
      'pt-BR': 'Como preparar areia, arranhador, brinquedos e comedouro',
    },
    body: {
      en: p(
        'Litter: fill the tray five to seven centimetres deep and scoop the clumps once or twice a day. Every two to three weeks, replace all of it and wash the tray with mild, unscented soap: strong smells can put a cat off.',
        'Scratching post: stand it near where your cat sleeps or by the door it uses most, since cats like to stretch and scratch on waking. A pinch of catnip on the sisal helps at first.',
        'Toys: play in short sessions, let the cat catch the lure now and then, and put wand toys away afterwards so no string is left lying around.',
        'Bowls and beds: wash bowls every day in warm soapy water and keep the water bowl a little away from the food. Wash the bed cover every couple of weeks, at the temperature on its label.',
      ),
      es: p(
        'Arena: llena la bandeja con cinco a siete centímetros de arena y retira los grumos una o dos veces al día. Cada dos o tres semanas, cámbiala entera y lava la bandeja con un jabón suave sin perfume: los olores fuertes pueden hacer que el gato la rechace.',
        'Rascador: colócalo cerca de donde duerme tu gato o junto a la puerta que más usa, porque a los gatos les gusta estirarse y arañar al despertar. Un poco de hierba gatera sobre el sisal ayuda al principio.',
        'Juguetes: juega en ratos cortos, deja que el gato atrape el señuelo de vez en cuando y guarda las cañas después, para que ningún cordel quede suelto por casa.',
        'Comederos y camas: lava los cuencos a diario con agua tibia y jabón, y deja el agua algo apartada de la comida. Lava la funda de la cama cada dos semanas, a la temperatura que indica su etiqueta.',
      ),
      'pt-BR': p(
        'Areia: encha a caixa com cinco a sete centímetros de areia e retire os torrões uma ou duas vezes por dia. A cada duas ou três semanas, troque tudo e lave a caixa com sabão neutro sem perfume: cheiros fortes podem afastar o gato.',
        'Arranhador: coloque perto de onde o gato dorme ou da porta que ele mais usa, porque os gatos gostam de se espreguiçar e arranhar ao acordar. Um pouco de erva-de-gato no sisal ajuda no começo.',
        'Brinquedos: brinque em sessões curtas, deixe o gato pegar a isca de vez em quando e guarde as varinhas depois, para que nenhum cordão fique solto pela casa.',
        'Comedouros e caminhas: lave as tigelas todos os dias com água morna e sabão, e deixe a água um pouco longe da comida. Lave a capa da caminha a cada duas semanas, na temperatura indicada na etiqueta.',
      ),
    },
  },
];
