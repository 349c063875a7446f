import { broadLimit, type Catalog } from './catalog.ts';
import type { RecommendPolicy } from './policy.ts';
import { SENSITIVE_TOPICS, type SensitiveTopic } from './sensitive-topics.ts';

/**
 * The sensitive topics a shopper can name in the preference block. `merchant-flagged` is the merchant's own
 * catch-all, not a topic a shopper could recognise, so it is never offered.
 */
export const DECLARABLE_TOPICS = SENSITIVE_TOPICS.filter((topic) => topic !== 'merchant-flagged');
export type DeclarableTopic = Exclude<SensitiveTopic, 'merchant-flagged'>;

/** A declared interest in one of the store's collections, as stored with the shopper's declared topics. */
export type CollectionInterest = `collection:${number}`;
export type DeclaredTopic = SensitiveTopic | CollectionInterest;

const COLLECTION_INTEREST = /^collection:([1-9]\d{0,15})$/;

export function collectionInterest(collectionId: number): CollectionInterest {
  return `collection:${collectionId}`;
}

/** The collection a declared interest names, or null for anything else (a sensitive topic). */
export function collectionOfInterest(topic: string): number | null {
  const match = COLLECTION_INTEREST.exec(topic);
  return match ? Number(match[1]) : null;
}

export function isDeclaredTopic(value: string): value is DeclaredTopic {
  return (SENSITIVE_TOPICS as readonly string[]).includes(value) || collectionOfInterest(value) !== null;
}

/** What the store's preference block may offer: the same for every shopper, decided by the catalog alone. */
export interface StoreTopics {
  /** Sensitive topics some product for sale belongs to, in SENSITIVE_TOPICS order. */
  sensitive: DeclarableTopic[];
  /** Collections that make a telling interest, ascending ids. */
  collections: number[];
}

/**
 * Pure: the preference block's topics for this catalog. A sensitive topic is offered only when a product for sale
 * is in it (a store of coats and cameras offers none: asking about pregnancy there would be odd and useless). A
 * collection is offered as an interest when it holds a product for sale, is not one of the broad ones that hold
 * most of the catalog (they say nothing, as for the relevance floor), and holds no sensitive product at all:
 * an interest tilts picks within the deniability bound, so it must never be a back door into a sensitive topic.
 * What the merchant's merchandising holds back (`heldBack`) is not for sale as far as picks go: a topic or a
 * collection offered only through it would be a choice that changes nothing.
 */
export function storeTopics(
  catalog: Catalog,
  policy: Pick<RecommendPolicy, 'broadCollectionShare'>,
  heldBack: (productId: number) => boolean = () => false,
): StoreTopics {
  const offered = (id: number) => catalog.isRecommendable(id) && !heldBack(id);
  const present = new Set<SensitiveTopic>();
  for (const id of catalog.ids()) {
    if (offered(id)) for (const topic of catalog.get(id)!.topics) present.add(topic);
  }
  const broad = broadLimit(catalog.size, policy.broadCollectionShare);
  const collections = catalog.collectionIds().filter((collectionId) => {
    const members = catalog.inCollection(collectionId);
    if (members.length > broad) return false;
    if (members.some((id) => (catalog.get(id)?.topics.length ?? 0) > 0)) return false;
    return members.some(offered);
  });
  return { sensitive: DECLARABLE_TOPICS.filter((topic) => present.has(topic)), collections };
}
