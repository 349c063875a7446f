/** The demo store's collections, keyed by handle so product data can name them. */
export const DEMO_COLLECTIONS = [
  { handle: 'winter', title: 'Winter', es: 'Invierno', ptBR: 'Inverno' },
  { handle: 'photography', title: 'Photography', es: 'Fotografía', ptBR: 'Fotografia' },
  { handle: 'baby-stroller', title: 'Baby & Stroller', es: 'Bebé y cochecito', ptBR: 'Bebê e carrinho' },
  { handle: 'pets', title: 'Pets', es: 'Mascotas', ptBR: 'Animais de estimação' },
  { handle: 'weddings', title: 'Weddings', es: 'Bodas', ptBR: 'Casamentos' },
  { handle: 'travel', title: 'Travel', es: 'Viajes', ptBR: 'Viagem' },
  { handle: 'health-wellness', title: 'Health & Wellness', es: 'Salud y bienestar', ptBR: 'Saúde e bem-estar' },
] as const;

export type CollectionHandle = (typeof DEMO_COLLECTIONS)[number]['handle'];
