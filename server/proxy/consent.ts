import { z } from 'zod';
import type { Preset } from '../recommend/settings/schema.ts';

/**
 * What the storefront script reports of the shopper's consent (tacto.js), on picks and on the "seen" beacon:
 * - `personalization=0`: Shopify's Customer Privacy API (or the browser's own "off") does not allow personalization;
 * - `consent=explicit`: the shopper said yes to preference cookies — not merely "allowed" because the store shows
 *   no banner in their region.
 */
export const consentReport = {
  personalization: z.enum(['0', '1']).default('1'),
  consent: z.enum(['explicit']).optional(),
};

export interface ConsentReport {
  personalization: '0' | '1';
  consent?: 'explicit' | undefined;
}

/** Whether a shopper may be served personally under the shop's preset: Strict asks for an explicit yes. */
export function consentAllowsPersonal(report: ConsentReport, preset: Preset): boolean {
  if (report.personalization === '0') return false;
  return preset !== 'strict' || report.consent === 'explicit';
}
