import type { FlowRecord, FollowupLocale, PersonaRecord, SendContext, TemplateText } from '../db/followup-repository.ts';
import type { Storage } from '../db/storage.ts';
import type { RecommendationService } from '../recommendations/service.ts';
import type { ComplementImages, InlineImage } from './compose/complement-images.ts';
import { composeFollowup, formatPrice, PERSONA_PHOTO_CID, type Complement, type ComposedMail } from './compose/compose.ts';
import { retryIfStarved, TemplateError, type TemplateField, type TemplateProblem } from './compose/render-template.ts';
import { chooseGuide } from './guides/choose-guide.ts';
import { DEFAULT_GUIDES } from './guides/default-guides.ts';
import type { FollowupMessage } from './mail/message.ts';
import { TEST_MAIL_TOKEN, unsubscribeToken } from './mail/unsubscribe-token.ts';
import { mailSafePersona } from './personas/plain-text.ts';
import { followupDuties } from './regional/regional-duties.ts';
import { isTooPersonalForFollowup } from './sensitive-purchase.ts';
import type { ShopProfile } from './shop-admin.ts';
import { followupLocale, templateFor } from './templates.ts';

export type MailDecision =
  /** `shown`: the buyer and the products the mail offers them, counted as shown once it is sent (recordShown). */
  | { kind: 'mail'; message: FollowupMessage; mail: ComposedMail; shown: Shown; locale: FollowupLocale }
  | { kind: 'skip'; reason: 'no-customer' | 'sensitive-only' | 'nothing-kept' }
  /** The merchant's template failed for this order (a Liquid error or a limit): `problem` says how. */
  | { kind: 'skip'; reason: 'template-error'; problem: TemplateProblem; field: TemplateField | undefined };

export interface Shown {
  customerId: number;
  productIds: number[];
}

export interface FollowupMailDeps {
  storage: Storage;
  recommendations: RecommendationService;
  /** The app's public origin: unsubscribe links point there. */
  appUrl: URL;
  unsubscribeSecret: string;
  /** Complements' pictures, attached by Content-ID; without it complements go without pictures. */
  images?: ComplementImages;
}

export const COMPLEMENTS = 3;

/**
 * Turns an order into its follow-up: the purchase it is about (the first one not too personal for a mail — see
 * sensitive-purchase.ts; an order of only such items gets no mail at all), the care guide for it, up to three complements from the engine
 * (none for a buyer who turned personalization off), the persona's signature and photo, and the unsubscribe link.
 *
 * Building a mail records nothing: the worker calls `recordShown` once the SMTP server has accepted it. A test
 * (`testTo`: the admin's preview and "send a test to me") is built from a real buyer's order but acts on nobody:
 * its unsubscribe link is the test one (TEST_MAIL_TOKEN), and its complements are never recorded for that buyer.
 */
export class FollowupMails {
  constructor(private readonly deps: FollowupMailDeps) {}

  async forOrder(input: {
    shop: string;
    profile: ShopProfile;
    context: SendContext;
    /** The flow's templates: the buyer's language (templates.ts followupLocale) picks the one sent. */
    flow: Pick<FlowRecord, 'templates'> | null;
    /**
     * The template to send, in its language: the admin's draft (a preview or test is written in the language being
     * edited, whoever the sample buyer is), or the one the worker already chose. Without it, the buyer's language
     * picks one of `flow`'s.
     */
    template?: TemplateText & { locale: FollowupLocale };
    persona: PersonaRecord;
    /** Sends to the persona's own Reply-To instead (the admin's "send a test to me"). */
    testTo?: string;
  }): Promise<MailDecision> {
    const { shop, context, profile } = input;
    const test = input.testTo !== undefined;
    const persona = mailSafePersona(input.persona);
    const customer = context.customer;
    if (!customer || (!customer.email && !input.testTo)) return { kind: 'skip', reason: 'no-customer' };
    if (context.order.products.length === 0) return { kind: 'skip', reason: 'nothing-kept' };
    const products = context.order.products.map((p) => ({ ...p, sensitive: isTooPersonalForFollowup(p) }));
    const main = products.find((p) => !p.sensitive);
    if (!main) return { kind: 'skip', reason: 'sensitive-only' };

    const locale = input.template?.locale ?? buyerLocale(context, profile);
    const template = input.template ?? templateFor(input.flow, locale);
    const guide = chooseGuide({
      products: products.map((p) => ({ productType: p.productType, collectionHandles: [], sensitive: p.sensitive })),
      guides: DEFAULT_GUIDES,
    });
    const complements = await this.complements(shop, customer.id, products.map((p) => p.id), profile, locale);
    const mainTitle = (await this.titlesIn(shop, [main.id], locale)).get(main.id) ?? main.title;
    const token = test ? TEST_MAIL_TOKEN : unsubscribeToken(this.deps.unsubscribeSecret, shop, customer.id);
    const unsubscribe = new URL(`/unsubscribe/${token}`, this.deps.appUrl);
    // The page behind the link answers in the mail's language.
    unsubscribe.searchParams.set('locale', locale);
    const unsubscribeUrl = unsubscribe.toString();
    let mail: ComposedMail;
    try {
      mail = retryIfStarved(() =>
        composeFollowup({
          locale,
          subject: template.subject,
          body: template.body,
          shopName: profile.name,
          customerFirstName: customer.firstName,
          persona,
          product: { title: mainTitle },
          guide: guide ? { title: guide.title[locale], body: guide.body[locale] } : null,
          complements: complements.links,
          unsubscribeUrl,
          // The buyer's country decides; a preview or test shows what that sample buyer would get.
          regionalDuties: followupDuties({ country: customer.country, hasComplements: complements.links.length > 0 }),
        }),
      );
    } catch (error) {
      if (error instanceof TemplateError) return { kind: 'skip', reason: 'template-error', problem: error.problem, field: error.field };
      throw error;
    }
    const photo = persona.hasPhoto ? await this.deps.storage.followups.personaPhoto(shop) : null;
    const message: FollowupMessage = {
      from: { name: persona.fullName, address: persona.fromAddress },
      replyTo: persona.replyTo,
      to: input.testTo ?? customer.email!,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      unsubscribeUrl,
      // The same order always gets the same id: a receiving server can tell a duplicate from a new mail.
      messageId: input.testTo ? `<followup-test.${context.order.id}.${Date.now()}@${shop}>` : `<followup.${context.order.id}@${shop}>`,
      ...(photo || complements.images.length > 0
        ? {
            inlineImages: [
              ...(photo ? [{ cid: PERSONA_PHOTO_CID, filename: 'photo.jpg', contentType: 'image/jpeg', content: photo }] : []),
              ...complements.images,
            ],
          }
        : {}),
    };
    return { kind: 'mail', message, mail, shown: { customerId: customer.id, productIds: complements.ids }, locale };
  }

  /**
   * The buyer was shown the follow-up's complements (the frequency cap): called once the SMTP server accepted the
   * mail, never for a test. Named after the order, so the mail counts once however often this runs for it.
   */
  async recordShown(shop: string, orderId: number, shown: Shown): Promise<void> {
    await this.deps.recommendations.impressions.record({ shop, customerId: shown.customerId, view: `mail:${orderId}`, productIds: shown.productIds, surface: 'email' });
  }

  /**
   * Products' titles in the mail's language where the shop translated them (Shopify's translations, the ones the
   * storefront's picks use), else their default titles. Links keep the default handle: it opens the product in
   * every language, where a translated handle is only served under that language's storefront path.
   */
  private async titlesIn(shop: string, productIds: number[], locale: FollowupLocale): Promise<Map<number, string>> {
    if (productIds.length === 0) return new Map();
    const cards = await this.deps.storage.recommendations.productCards(shop, productIds, locale);
    return new Map(cards.map((card) => [card.id, card.title]));
  }

  /**
   * Up to three products that go with the order, never the same item, a substitute or a sensitive inference; each
   * with its price in the shop's currency and the mail's language, and its picture attached by Content-ID.
   */
  private async complements(shop: string, customerId: number, orderProductIds: number[], profile: ShopProfile, locale: FollowupLocale) {
    const { storage, recommendations, images } = this.deps;
    const none = { ids: [] as number[], links: [] as Complement[], images: [] as ({ cid: string } & InlineImage)[] };
    // Off means off: the guide still comes, the picks do not.
    if ((await storage.recommendations.settings(shop, customerId)).personalization === 'off') return none;
    const ids = await recommendations.recommend({ shop, surface: { kind: 'email', orderProductIds }, customerId, limit: COMPLEMENTS, consentAllowsPersonalization: true });
    const cards = await storage.recommendations.productCards(shop, ids);
    const titles = await this.titlesIn(shop, ids, locale);
    const pictures = await Promise.all(cards.map((card) => (images ? images.of(shop, profile.storefrontUrl, card.imageUrl) : null)));
    return {
      ids: cards.map((card) => card.id),
      links: cards.map((card, k) => ({
        title: titles.get(card.id) ?? card.title,
        // `?tacto=email`: the storefront counts the click and marks a cart line added from that page (README, Analytics).
        url: `${profile.storefrontUrl}/products/${encodeURIComponent(card.handle)}?tacto=email`,
        price: formatPrice(card.price, profile.currency, locale),
        imageCid: pictures[k] ? complementCid(card.id) : null,
      })),
      images: cards.flatMap((card, k) => (pictures[k] ? [{ cid: complementCid(card.id), ...pictures[k] }] : [])),
    };
  }
}

/** The language this order's buyer reads (templates.ts followupLocale): theirs, the order's, else the shop's. */
export const buyerLocale = (context: SendContext, profile: Pick<ShopProfile, 'primaryLocale'>): FollowupLocale =>
  followupLocale({ customerLocale: context.customer?.locale, orderLocale: context.order.customerLocale, shopLocale: profile.primaryLocale });


/** The Content-ID of a complement's picture in a follow-up. */
export const complementCid = (productId: number) => `product-${productId}@tacto`;
