import type { DemoProductSpec } from './demo-product-spec.ts';
import { TAXONOMY as T } from './taxonomy.ts';

/**
 * More for the travel collection, and a one-off trip. The trip is an event purchase (tag `one-time`): bought
 * once, it is owned for good and never offered again, and what goes with it stops after the event window
 * (policy.eventWindowDays). The taxonomy has no category for a guided trip, so it has none.
 */
export const TRAVEL_PRODUCTS: DemoProductSpec[] = [
  {
    handle: 'toiletry-bag',
    title: 'Hanging Toiletry Bag',
    es: 'Neceser colgante',
    ptBR: 'Nécessaire de pendurar',
    description: 'Opens flat and hangs from a hook, with a clear pocket for liquids.',
    category: T.toiletryBags,
    productType: 'Travel Accessory',
    vendor: 'Wayfarer Goods',
    collections: ['travel'],
    tags: ['travel', 'accessory'],
    variants: [{ title: 'Charcoal', price: '39.00', inventory: 25 }],
  },
  {
    handle: 'travel-adapter',
    title: 'Universal Travel Adapter',
    es: 'Adaptador de viaje universal',
    ptBR: 'Adaptador de tomada universal para viagem',
    description: 'Slides out plugs for 150 countries, with two USB-C ports.',
    category: T.travelAdapters,
    productType: 'Travel Accessory',
    vendor: 'Wayfarer Goods',
    collections: ['travel'],
    tags: ['travel', 'accessory'],
    variants: [{ title: 'Default Title', price: '29.00', inventory: 40 }],
  },
  {
    handle: 'travel-bottles',
    title: 'Leakproof Travel Bottles, Set of 3',
    es: 'Botes de viaje antigoteo, juego de 3',
    ptBR: 'Frascos de viagem à prova de vazamento, kit com 3',
    description: 'Soft silicone bottles sized for cabin liquids, with locking caps.',
    category: T.travelBottles,
    productType: 'Travel Accessory',
    vendor: 'Wayfarer Goods',
    collections: ['travel'],
    tags: ['travel', 'accessory'],
    variants: [{ title: 'Default Title', price: '15.00', inventory: 55 }],
  },
  {
    handle: 'travel-wallet',
    title: 'RFID Travel Wallet',
    es: 'Cartera de viaje con bloqueo RFID',
    ptBR: 'Carteira de viagem com bloqueio RFID',
    description: 'Holds two passports, boarding passes, cards and a pen.',
    category: T.travelWallets,
    productType: 'Travel Accessory',
    vendor: 'Wayfarer Goods',
    collections: ['travel'],
    tags: ['travel', 'documents'],
    variants: [{ title: 'Navy', price: '45.00', inventory: 20 }],
  },
  {
    handle: 'patagonia-trekking-week',
    title: 'Patagonia Trekking Week',
    es: 'Semana de trekking en la Patagonia',
    ptBR: 'Semana de trekking na Patagônia',
    description: 'Seven days on the trails of Torres del Paine with a local guide: refuges, meals and transfers included.',
    category: null,
    productType: 'Guided Trip',
    vendor: 'Wayfarer Journeys',
    collections: ['travel'],
    tags: ['travel', 'trekking', 'one-time'],
    variants: [
      { title: 'March departure', price: '1890.00', inventory: 6 },
      { title: 'November departure', price: '1890.00', inventory: 8 },
    ],
  },
];
