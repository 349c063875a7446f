import type { Guide } from '../types.ts';
import { paragraphs as p } from './paragraphs.ts';

/**
 * Strollers and their accessories: care, folding, cleaning — never more strollers. Baby gear is the one
 * sensitive topic a follow-up may touch, and only about what the buyer chose (server/followups/sensitive-purchase.ts).
 */
export const BABY_GEAR_GUIDES: readonly Guide[] = [
  {
    id: 'stroller-care',
    productTypes: [
      'Stroller',
      'Stroller Rain Cover',
      'Stroller Care Kit',
      'Stroller Organizer',
      'Stroller Cup Holder',
      'Stroller Footmuff',
      'Stroller Hooks',
      'Stroller Sunshade',
      'Stroller Travel Bag',
      'Stroller Seat Liner',
    ],
    collectionHandles: [],
    title: {
      en: 'Keeping a stroller running smoothly',
      es: 'Cómo mantener el cochecito en buen estado',
      'pt-BR': 'Como manter o carrinho sempre em ordem',
    },
    body: {
      en: p(
        'Practise folding and unfolding a few times at home before the first outing: the latches click when they lock, and the brake should hold the stroller still on a gentle slope.',
        'Once a month, wipe the frame with a damp cloth, brush grit out of the wheels and fold joints, and put a drop of silicone spray (not oil) on the axles. Check that the wheels turn freely and the harness buckles snap shut.',
        'Most seat fabrics are spot-cleaned with mild soap and lukewarm water; let them dry fully before folding, so nothing smells musty.',
        'After a wet walk, open the stroller and let it dry indoors; keep the rain cover folded loosely so the window does not crease.',
      ),
      es: p(
        'Antes de la primera salida, practica en casa plegarlo y desplegarlo varias veces: los cierres hacen clic al trabar, y el freno debe mantenerlo quieto en una pendiente suave.',
        'Una vez al mes, limpia la estructura con un paño húmedo, quita la arenilla de las ruedas y de las articulaciones, y pon una gota de spray de silicona (no aceite) en los ejes. Comprueba que las ruedas giran sin esfuerzo y que las hebillas del arnés cierran bien.',
        'La mayoría de las telas se limpian por zonas con jabón suave y agua tibia; deja que se sequen del todo antes de plegarlo para que no huela a humedad.',
        'Después de un paseo con lluvia, déjalo abierto secándose en casa, y guarda el protector de lluvia doblado sin apretar para que la ventanilla no se marque.',
      ),
      'pt-BR': p(
        'Antes do primeiro passeio, treine em casa abrir e fechar o carrinho algumas vezes: as travas fazem um clique ao fechar, e o freio deve segurá-lo parado numa descida suave.',
        'Uma vez por mês, passe um pano úmido na estrutura, tire a areia das rodas e das articulações e aplique uma gota de spray de silicone (não óleo) nos eixos. Confira se as rodas giram livres e se as fivelas do cinto fecham direito.',
        'A maioria dos tecidos pode ser limpa por partes com sabão neutro e água morna; deixe secar por completo antes de fechar, para não ficar com cheiro de mofo.',
        'Depois de um passeio na chuva, deixe o carrinho aberto secando dentro de casa e guarde a capa de chuva dobrada sem apertar, para a janela não marcar.',
      ),
    },
  },
];
