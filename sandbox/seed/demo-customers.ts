import type { MarketingOptInLevel, MarketingState, SandboxAddress } from '../store/types.ts';

/**
 * Named shoppers for scenario tests. Each persona is a customer of the demo store; DemoSeed.personas maps the
 * name to the customer id the store gave it.
 */
export const PERSONAS = {
  COAT_BUYER: 'olivia.bennett@example.com',
  STROLLER_BUYER: 'lucia.fernandez@example.com',
  PREGNANCY_TEST_BUYER: 'ana.souza@example.com',
  WEDDING_DRESS_BUYER: 'sofia.martinez@example.com',
  CAMERA_BUYER: 'daniel.okafor@example.com',
  PET_OWNER: 'mariana.costa@example.com',
  NO_ORDERS: 'tom.walsh@example.com',
  /** Bought a one-off trip about 200 days ago (and travel gear for it, and a scarf lately). */
  TRIP_BUYER: 'camila.rojas@example.com',
} as const;

export type PersonaName = keyof typeof PERSONAS;

export interface DemoCustomerSpec {
  email: string;
  firstName: string;
  lastName: string;
  locale: 'en' | 'es' | 'pt-BR';
  consent: { state: MarketingState; level: MarketingOptInLevel | null };
  /** Protected data that Tacto must never ask for: present so tests can prove it stays unread. */
  phone: string;
  address: SandboxAddress;
  note: string;
}

const subscribed = (level: MarketingOptInLevel) => ({ state: 'SUBSCRIBED' as const, level });
const notSubscribed = { state: 'NOT_SUBSCRIBED' as const, level: null };
const unsubscribed = { state: 'UNSUBSCRIBED' as const, level: 'SINGLE_OPT_IN' as const };

export const DEMO_CUSTOMERS: DemoCustomerSpec[] = [
  {
    email: PERSONAS.COAT_BUYER,
    firstName: 'Olivia',
    lastName: 'Bennett',
    locale: 'en',
    consent: subscribed('CONFIRMED_OPT_IN'),
    phone: '+447700900101',
    address: { address1: '14 Larch Road', city: 'Leeds', zip: 'LS6 2AB', countryCode: 'GB' },
    note: 'Prefers parcels left with the neighbour at number 16.',
  },
  {
    email: PERSONAS.STROLLER_BUYER,
    firstName: 'Lucía',
    lastName: 'Fernández',
    locale: 'es',
    consent: subscribed('SINGLE_OPT_IN'),
    phone: '+34600100102',
    address: { address1: 'Calle del Olmo 7, 3.º B', city: 'Madrid', zip: '28012', countryCode: 'ES' },
    note: 'Twins due in spring, asked about a double stroller.',
  },
  {
    email: PERSONAS.PREGNANCY_TEST_BUYER,
    firstName: 'Ana',
    lastName: 'Souza',
    locale: 'pt-BR',
    consent: subscribed('SINGLE_OPT_IN'),
    phone: '+5511900100103',
    address: { address1: 'Rua das Acácias 210, apto 52', city: 'São Paulo', zip: '01310-100', countryCode: 'BR' },
    note: 'Asked for plain packaging with no store name.',
  },
  {
    email: PERSONAS.WEDDING_DRESS_BUYER,
    firstName: 'Sofía',
    lastName: 'Martínez',
    locale: 'es',
    consent: notSubscribed,
    phone: '+34600100104',
    address: { address1: 'Avenida de la Constitución 22', city: 'Sevilla', zip: '41004', countryCode: 'ES' },
    note: 'Wedding date 14 June; alterations booked.',
  },
  {
    email: PERSONAS.CAMERA_BUYER,
    firstName: 'Daniel',
    lastName: 'Okafor',
    locale: 'en',
    consent: subscribed('CONFIRMED_OPT_IN'),
    phone: '+447700900105',
    address: { address1: '3 Mill Lane', city: 'Bristol', zip: 'BS1 4QT', countryCode: 'GB' },
    note: 'Professional photographer, VAT invoice requested.',
  },
  {
    email: PERSONAS.PET_OWNER,
    firstName: 'Mariana',
    lastName: 'Costa',
    locale: 'pt-BR',
    consent: subscribed('SINGLE_OPT_IN'),
    phone: '+5521900100106',
    address: { address1: 'Rua Visconde de Pirajá 400', city: 'Rio de Janeiro', zip: '22410-002', countryCode: 'BR' },
    note: 'Cat has a chicken allergy.',
  },
  {
    email: PERSONAS.NO_ORDERS,
    firstName: 'Tom',
    lastName: 'Walsh',
    locale: 'en',
    consent: notSubscribed,
    phone: '+353870100107',
    address: { address1: '9 Harbour View', city: 'Cork', zip: 'T12 X2Y3', countryCode: 'IE' },
    note: 'Signed up at the pop-up shop.',
  },
  {
    email: 'hannah.fischer@example.com',
    firstName: 'Hannah',
    lastName: 'Fischer',
    locale: 'en',
    consent: unsubscribed,
    phone: '+4915100100108',
    address: { address1: 'Lindenstraße 5', city: 'Berlin', zip: '10969', countryCode: 'DE' },
    note: 'Frequent traveller; asked to stop newsletters.',
  },
  {
    email: 'carlos.ruiz@example.com',
    firstName: 'Carlos',
    lastName: 'Ruiz',
    locale: 'es',
    consent: subscribed('CONFIRMED_OPT_IN'),
    phone: '+525500100109',
    address: { address1: 'Calle Durango 120', city: 'Ciudad de México', zip: '06700', countryCode: 'MX' },
    note: 'Gift wrap every order.',
  },
  {
    email: 'beatriz.lima@example.com',
    firstName: 'Beatriz',
    lastName: 'Lima',
    locale: 'pt-BR',
    consent: notSubscribed,
    phone: '+351910100110',
    address: { address1: 'Rua Garrett 48', city: 'Lisboa', zip: '1200-204', countryCode: 'PT' },
    note: 'Cancelled the tripod: found one second-hand.',
  },
  {
    email: 'george.patel@example.com',
    firstName: 'George',
    lastName: 'Patel',
    locale: 'en',
    consent: unsubscribed,
    phone: '+447700900111',
    address: { address1: '88 Canal Street', city: 'Manchester', zip: 'M1 3HE', countryCode: 'GB' },
    note: 'Unsubscribed after the holiday campaign.',
  },
  {
    email: 'isabel.romero@example.com',
    firstName: 'Isabel',
    lastName: 'Romero',
    locale: 'es',
    consent: subscribed('SINGLE_OPT_IN'),
    phone: '+5491100100112',
    address: { address1: 'Avenida Corrientes 1500', city: 'Buenos Aires', zip: 'C1042', countryCode: 'AR' },
    note: 'Doctor recommended the prenatal vitamins.',
  },
  // Last, so the customers above keep their ids.
  {
    email: PERSONAS.TRIP_BUYER,
    firstName: 'Camila',
    lastName: 'Rojas',
    locale: 'es',
    consent: subscribed('CONFIRMED_OPT_IN'),
    phone: '+56900100113',
    address: { address1: 'Avenida Providencia 1208, depto 41', city: 'Santiago', zip: '7500000', countryCode: 'CL' },
    note: 'Booked the March departure; prefers messages to email for trip logistics.',
  },
];
