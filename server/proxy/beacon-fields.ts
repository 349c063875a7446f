import { z } from 'zod';
import { SURFACES } from '../analytics/cart-marks.ts';

/** Where the pick was (analytics/cart-marks.ts's vocabulary). */
export const beaconSurface = z.enum(SURFACES);

/**
 * The block's settings as tacto.js names them: `<items>-<grid|row>-<g|n guides>-<q|n quick add>` (4-grid-g-q),
 * `link` for a product form reached from a pick, `email` for a follow-up's links.
 */
export const beaconBlock = z.string().regex(/^(?:[2-8]-(?:grid|row)-[gn]-[qn]|link|email)$/, 'a block setting such as 4-grid-g-q');
