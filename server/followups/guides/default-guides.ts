import { APPAREL_GUIDES } from './default-guides/apparel.ts';
import { BABY_GEAR_GUIDES } from './default-guides/baby-gear.ts';
import { PET_GUIDES } from './default-guides/pets.ts';
import { PHOTO_GUIDES } from './default-guides/photo.ts';
import { TRAVEL_GUIDES } from './default-guides/travel.ts';
import type { Guide } from './types.ts';

/**
 * Care and use guides for every product type of the demo catalog that a follow-up may be about, in English,
 * Spanish and Brazilian Portuguese: a merchant starts from these and edits them. There is deliberately no guide
 * for a type too personal for a mail (health items, maternity wear: server/followups/sensitive-purchase.ts);
 * baby gear gets its care guide, since the buyer chose it.
 */
export const DEFAULT_GUIDES: readonly Guide[] = [...APPAREL_GUIDES, ...PHOTO_GUIDES, ...TRAVEL_GUIDES, ...PET_GUIDES, ...BABY_GEAR_GUIDES];
