import { sensitiveTopicsOf, type ClassifiableProduct, type SensitiveTopic } from '../recommend/sensitive-topics.ts';

/**
 * Topics a follow-up never touches, even about the buyer's own order: a care note about a pregnancy test,
 * incontinence pads or a debt book says too much to anyone who sees the inbox. Baby gear is the one sensitive
 * topic that is not *inferred* here — the buyer chose the stroller — so its follow-up is the stroller's care
 * ("stroller care, not more strollers"), while the engine still never reaches baby items from other purchases.
 */
export function followupSensitiveTopics(product: ClassifiableProduct): SensitiveTopic[] {
  return sensitiveTopicsOf(product).filter((topic) => topic !== 'baby');
}

export function isTooPersonalForFollowup(product: ClassifiableProduct): boolean {
  return followupSensitiveTopics(product).length > 0;
}
