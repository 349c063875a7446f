import { z } from 'zod';

/*
 * Pure: which shop a signed webhook may act on. X-Shopify-Shop-Domain is not covered by the HMAC (only the body
 * is), so a captured body could be replayed under another shop's header. Bodies that name their shop are held
 * to it; the rest are accepted only for shops that installed Tacto.
 */

/** The mandatory privacy topics: they must be honoured for a shop that has uninstalled, too. */
export const COMPLIANCE_TOPICS: ReadonlySet<string> = new Set(['customers/data_request', 'customers/redact', 'shop/redact']);

const complianceBody = z.object({ shop_domain: z.string() });
/** app/uninstalled carries the shop resource: `myshopify_domain` names it (`domain` may be a custom domain). */
const shopResourceBody = z.object({ myshopify_domain: z.string() });

/** Whether the topic's body names its shop: the privacy topics (`shop_domain`) and app/uninstalled. */
export const bodyNamesShop = (topic: string): boolean => COMPLIANCE_TOPICS.has(topic) || topic === 'app/uninstalled';

/** The shop a signed body names, lowercased; null when a body of such a topic names none (it is refused). */
export function shopNamedByBody(topic: string, payload: unknown): string | null {
  const body = (COMPLIANCE_TOPICS.has(topic) ? complianceBody : shopResourceBody).safeParse(payload);
  if (!body.success) return null;
  return ('shop_domain' in body.data ? body.data.shop_domain : body.data.myshopify_domain).trim().toLowerCase();
}

/** Where a shop stands with Tacto: `installed`, `uninstalled` (the shop row remains), or `never` (no row). */
export type Installation = 'installed' | 'uninstalled' | 'never';

export function installationOf(record: { uninstalledAt: Date | null } | null): Installation {
  if (!record) return 'never';
  return record.uninstalledAt ? 'uninstalled' : 'installed';
}

/**
 * `reject` (401, nothing written): the body names another shop than the header, or a body that must name its
 * shop does not. `drop` (200, nothing written): the shop never installed Tacto, or has uninstalled and the
 * topic is not a privacy request (shop/redact comes 48 hours after the uninstall; customers/redact may come
 * after it). `accept`: store and apply.
 */
export function admitWebhook(input: {
  topic: string;
  headerShop: string;
  /** What shopNamedByBody found; undefined for a topic whose body names no shop. */
  namedShop: string | null | undefined;
  installation: Installation;
}): 'reject' | 'drop' | 'accept' {
  const { topic, headerShop, namedShop, installation } = input;
  if (namedShop !== undefined && namedShop !== headerShop.toLowerCase()) return 'reject';
  if (installation === 'never') return 'drop';
  if (installation === 'uninstalled' && !COMPLIANCE_TOPICS.has(topic)) return 'drop';
  return 'accept';
}
