import type { SandboxAddress, SandboxCustomer } from '../../store/types.ts';
import { toGid } from '../../store/gid.ts';
import { dateTime, unsignedInt64 } from './format.ts';
import type { ResolverMap, Resolvers } from './resolver-types.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * A MailingAddress as the API shows it. The store keeps no address ids; Shopify's address gids carry a
 * `model_name` query (`CustomerAddress` on customers, `Address` on orders), so the synthetic ones do too.
 */
export function mailingAddress(address: SandboxAddress, id: number, modelName: 'CustomerAddress' | 'Address') {
  let country: string | null = null;
  try {
    country = regionNames.of(address.countryCode) ?? null;
  } catch {
    // Not a region code Intl knows: Shopify would have no country name either.
  }
  return {
    id: `${toGid('MailingAddress', id)}?model_name=${modelName}`,
    address1: address.address1,
    city: address.city,
    zip: address.zip,
    countryCodeV2: address.countryCode || null,
    country,
  };
}

function customerAddress(customer: SandboxCustomer, index: number) {
  return mailingAddress(customer.addresses[index]!, customer.id * 100 + index + 1, 'CustomerAddress');
}

const customer: Resolvers<SandboxCustomer> = {
  id: (c) => toGid('Customer', c.id),
  legacyResourceId: (c) => unsignedInt64(c.id),
  firstName: (c) => c.firstName || null,
  lastName: (c) => c.lastName || null,
  // Shopify falls back to the email, then the phone, when a customer has no name.
  displayName: (c) => `${c.firstName} ${c.lastName}`.trim() || c.email || c.phone || '',
  createdAt: (c) => dateTime(c.createdAt),
  updatedAt: (c) => dateTime(c.updatedAt),
  // Without an email address there is no email marketing consent to report.
  emailMarketingConsent: (c) =>
    c.email === null
      ? null
      : {
          marketingState: c.emailMarketingConsent.marketingState,
          marketingOptInLevel: c.emailMarketingConsent.marketingOptInLevel,
          consentUpdatedAt: dateTime(c.emailMarketingConsent.consentUpdatedAt),
        },
  defaultAddress: (c) => (c.addresses.length > 0 ? customerAddress(c, 0) : null),
  addresses: (c, args: { first?: number | null }) => {
    const count = args.first == null ? c.addresses.length : Math.min(c.addresses.length, Math.max(0, args.first));
    return Array.from({ length: count }, (_, index) => customerAddress(c, index));
  },
};

export const customerResolvers: ResolverMap = { Customer: customer };
