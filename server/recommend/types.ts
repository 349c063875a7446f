/**
 * The recommendation engine's vocabulary. Everything here is plain data: the engine never reads storage or
 * the clock, so each rule can be tested by handing it exactly the situation it must handle.
 */
import type { Merchandising, MerchantHold } from './merchandising/rules.ts';
import type { SensitiveTopic } from './sensitive-topics.ts';
import type { DeclaredTopic } from './store-topics.ts';

/** What the engine knows of a product: the catalog fields Tacto stores (README, "What Tacto stores"). */
export interface CatalogProduct {
  id: number;
  title: string;
  productType: string;
  /** Shopify Standard Product Taxonomy id, e.g. `aa-1-10-2-5`. */
  categoryId: string | null;
  tags: readonly string[];
  collectionIds: readonly number[];
  /** Active and purchasable: only these are ever recommended. */
  available: boolean;
}

/**
 * One product in one of the shopper's orders (cancelled orders and fully refunded lines never get here), or
 * several orders of it folded into one entry by storage: `orders` of them, the last at `orderedAt`.
 */
export interface Purchase {
  productId: number;
  /** Milliseconds since the epoch (the latest, for a folded entry). */
  orderedAt: number;
  /** Orders this entry stands for; 1 when absent. */
  orders?: number;
}

/** Where the block is shown; each surface has its own context. */
export type Surface =
  | { kind: 'product'; productId: number }
  | { kind: 'cart'; productIds: readonly number[] }
  | { kind: 'home' }
  | { kind: 'collection'; collectionId: number }
  /** The post-purchase follow-up: the order's items are its context. */
  | { kind: 'email'; orderProductIds: readonly number[] };

export const FEEDBACK_REASONS = ['not-my-style', 'already-have-it', 'too-personal', 'not-relevant'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export interface Feedback {
  productId: number;
  reason: FeedbackReason;
  at: number;
}

/** What Tacto holds about an identified shopper, as the engine needs it. `purchases`: all of them, any age. */
export interface Shopper {
  /** False when the shopper turned personalization off or their consent does not allow it. */
  personalizationAllowed: boolean;
  purchases: readonly Purchase[];
  feedback: readonly Feedback[];
  /**
   * Topics the shopper declared they are shopping for: a sensitive topic (the only way one reaches them) or an
   * interest in one of the store's collections (`collection:<id>`, which only tilts the draw, within the bound).
   */
  declaredTopics: readonly DeclaredTopic[];
  /** Times each product was shown to this shopper within the frequency cap's period. */
  recentImpressions: ReadonlyMap<number, number>;
}

export interface RecommendRequest {
  surface: Surface;
  /** Null for an anonymous visitor. */
  shopper: Shopper | null;
  limit: number;
  /** Milliseconds since the epoch: the engine's only clock. */
  now: number;
  /**
   * May a consumable the shopper bought come back once its reorder interval has passed (rule 1's one exception,
   * neutral surfaces only)? Off unless the caller asks. Storefront blocks never ask: an item the shopper bought,
   * on a screen others may see, tells what they bought.
   */
  reorderReminders?: boolean;
  /**
   * The draw's seed (uint32): the same seed and inputs give the same picks. The caller keeps it secret — an
   * observer who knew it could replay the draw (RecommendationService derives it with a server key).
   */
  seed?: number;
  /** The merchant's exclusions, pins and "never together" pairs; none when absent. */
  merchandising?: Merchandising;
}

/** Why a product was picked. Never leaves the server except through the admin-only explanation. */
export type PickSource = 'context' | 'history' | 'reorder' | 'declared' | 'catalog' | 'popular' | 'pinned';

export interface Pick {
  productId: number;
  source: PickSource;
}

/** A candidate a privacy rule or the merchant's own rule removed, and which rule did. */
export interface Exclusion {
  productId: number;
  rule: PrivacyRuleName | MerchantRuleName;
  /** For a merchant's rule: which collection, tag or product it named. */
  hold?: MerchantHold;
}

/** The merchant's rules (merchandising/rules.ts), named beside the privacy rules in the explain tool. */
export type MerchantRuleName = MerchantHold['rule'];

export type PrivacyRuleName =
  | 'never-owned'
  | 'no-sensitive-inference'
  | 'decay-and-stop'
  | 'frequency-cap'
  | 'not-for-me'
  | 'off-means-off'
  | 'substitute-of-context';

export interface Explanation {
  picks: Pick[];
  excluded: Exclusion[];
  /** True when the shopper was treated as anonymous (rule 7). */
  anonymized: boolean;
  /** False when the shopper's exclusions left the page's pool too short to stay within the deniability bound. */
  withinBound: boolean;
}
