import type { PersonaRecord } from '../../server/db/followup-repository.ts';
import { FollowupMails } from '../../server/followups/followup-mail.ts';
import { derivedSecret } from '../../server/followups/setup.ts';
import { DrawSeeds } from '../../server/recommendations/draw-seeds.ts';
import { RecommendationService, type RecommendationInput } from '../../server/recommendations/service.ts';
import type { Surface } from '../../server/recommend/types.ts';
import type { SandboxProduct } from '../../sandbox/store/types.ts';
import type { AppAndSandbox } from '../support/sandbox.ts';

export const DAY_MS = 86_400_000;

/** The demo store's products and customers by the names the seed gives them, for one installed app. */
export function demoStore(env: () => AppAndSandbox) {
  const products = () => [...env().sandbox.store.products.values()];
  const byHandle = (handle: string): SandboxProduct => {
    const product = products().find((p) => p.handle === handle);
    if (!product) throw new Error(`no demo product ${handle}`);
    return product;
  };
  return {
    shop: () => env().sandbox.shop.myshopifyDomain,
    products,
    idOf: (handle: string) => byHandle(handle).id,
    productOf: (id: number) => products().find((p) => p.id === id)!,
    handleOf: (id: number) => products().find((p) => p.id === id)?.handle ?? `#${id}`,
    customerOf: (email: string) => [...env().sandbox.store.customers.values()].find((c) => c.email === email)!.id,
    /** Every order of a customer, oldest first. */
    ordersOf: (customerId: number) => [...env().sandbox.store.orders.values()].filter((o) => o.customerId === customerId),
    collectionIdOf: (handle: string) => [...env().sandbox.store.collections.values()].find((c) => c.handle === handle)!.id,
  };
}

/**
 * The app's seeds with a fixed key, counting days from `start`: a shopper still gets one draw per page and day,
 * and the same journey draws the same blocks on every run, whatever the date. A visitor's draw is fixed too.
 */
export class JourneySeeds extends DrawSeeds {
  constructor(private readonly start: number) {
    super(Buffer.alloc(32, 11));
  }

  override visitor(): number {
    return 1;
  }

  override shopper(shop: string, customerId: number, surface: Surface, now: number): number {
    return super.shopper(shop, customerId, surface, now - this.start);
  }
}

/**
 * The app's recommendation service (same class, the running app's storage and live models) on a clock the test
 * moves: a journey of days runs in milliseconds. It records nothing by itself when no surface name is given.
 */
export function clockedRecommendations(env: AppAndSandbox, clock: () => number, seeds: DrawSeeds): RecommendationService {
  return new RecommendationService({ storage: env.app.storage, models: env.app.models, clock, seeds });
}

export type PicksInput = Omit<RecommendationInput, 'shop' | 'consentAllowsPersonalization'> & { consentAllowsPersonalization?: boolean };

const PERSONA: PersonaRecord = {
  id: 1,
  fullName: 'Marta Ruiz',
  role: 'Head of customer care',
  signature: 'Marta — here on weekdays, 9 to 5',
  fromAddress: 'marta@tacto-demo.example',
  replyTo: 'marta.ruiz@tacto-demo.example',
  hasPhoto: false,
  replyToVerifiedAt: '2025-01-01T00:00:00.000Z',
};

/**
 * The follow-up of one order as the app renders it (server/followups/followup-mail.ts), with complements from
 * `recommendations` (a clocked service, so the mail is written "at" the test's time), and the products its
 * "Goes well with it" links to, in order.
 */
export async function renderedFollowup(env: AppAndSandbox, recommendations: RecommendationService, orderId: number) {
  const shop = env.sandbox.shop.myshopifyDomain;
  const mails = new FollowupMails({
    storage: env.app.storage,
    recommendations,
    appUrl: env.app.config.appUrl,
    unsubscribeSecret: derivedSecret(env.app.config.apiSecret, 'unsubscribe'),
  });
  const context = await env.app.storage.followups.sendContext(shop, orderId);
  if (!context) throw new Error(`the app does not know order ${orderId}`);
  const decision = await mails.forOrder({
    shop,
    profile: { name: env.sandbox.shop.name, timeZone: 'Europe/Madrid', storefrontUrl: env.sandbox.url.origin },
    context,
    flow: null,
    template: { locale: 'en', subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.' },
    persona: PERSONA,
  });
  if (decision.kind !== 'mail') throw new Error(`no follow-up for order ${orderId}: ${decision.reason}`);
  const handles = [...decision.mail.html.matchAll(/\/products\/([a-z0-9-]+)\?tacto=email"/g)].map((m) => m[1]!);
  const linked = handles.map((handle) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)?.id);
  // What the mail links to is what it says it showed (and what a sent mail would count as seen).
  if (JSON.stringify(linked) !== JSON.stringify(decision.shown.productIds)) throw new Error(`links ${handles.join()} ≠ shown ${decision.shown.productIds.join()}`);
  return { text: decision.mail.text, html: decision.mail.html, complementHandles: handles };
}
