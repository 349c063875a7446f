import { toGid } from '../store/gid.ts';
import type { SandboxCustomer, SandboxShop } from '../store/types.ts';
import { formatInZone } from '../seed/zoned-time.ts';
import { countryName, lower, shopIdFor, shopTime } from './payload-format.ts';

/**
 * Payloads of topics that are not a record change: app/uninstalled, bulk_operations/finish, the three
 * mandatory privacy topics, and the consent topic. Keys follow the sample payloads of shopify.dev's webhook
 * reference (2026-07).
 */

/** customers_email_marketing_consent/update: states and levels in lowercase, as Shopify sends them. */
export function emailMarketingConsentPayload(customer: SandboxCustomer, shop: SandboxShop) {
  const consent = customer.emailMarketingConsent;
  return {
    customer_id: customer.id,
    email_address: customer.email,
    email_marketing_consent: {
      state: lower(consent.marketingState),
      opt_in_level: lower(consent.marketingOptInLevel),
      consent_updated_at: shopTime(consent.consentUpdatedAt, shop),
    },
  };
}

/** app/uninstalled carries the shop resource. The sandbox shop knows less than Shopify; the rest is fixed. */
export function appUninstalledPayload(shop: SandboxShop, options: { countryCode?: string } = {}) {
  const countryCode = options.countryCode ?? 'GB';
  const symbol = ({ GBP: '£', EUR: '€', USD: '$' } as Record<string, string>)[shop.currencyCode] ?? '';
  return {
    id: shopIdFor(shop),
    name: shop.name,
    email: shop.email,
    domain: shop.myshopifyDomain,
    province: null,
    country: countryCode,
    address1: null,
    zip: null,
    city: null,
    source: null,
    phone: null,
    latitude: null,
    longitude: null,
    primary_locale: shop.primaryLocale,
    address2: null,
    created_at: null,
    updated_at: null,
    country_code: countryCode,
    country_name: countryName(countryCode),
    currency: shop.currencyCode,
    customer_email: shop.email,
    timezone: `(GMT${formatInZone(new Date(), shop.ianaTimezone).slice(19)}) ${shop.ianaTimezone}`,
    iana_timezone: shop.ianaTimezone,
    shop_owner: shop.name,
    money_format: `${symbol}{{amount}}`,
    money_with_currency_format: `${symbol}{{amount}} ${shop.currencyCode}`,
    weight_unit: 'kg',
    province_code: null,
    taxes_included: null,
    auto_configure_tax_inclusivity: null,
    tax_shipping: null,
    county_taxes: null,
    plan_display_name: 'Development',
    plan_name: 'partner_test',
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: shop.myshopifyDomain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: `${symbol}{{amount}}`,
    money_with_currency_in_emails_format: `${symbol}{{amount}} ${shop.currencyCode}`,
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: true,
    has_storefront: true,
    finances: true,
    primary_location_id: null,
    checkout_api_supported: true,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [shop.currencyCode],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}

export interface BulkOperationSummary {
  id: number | string;
  /** GraphQL enum values; the webhook sends them lowercase. */
  status: 'COMPLETED' | 'FAILED' | 'CANCELED' | 'EXPIRED';
  type: 'QUERY' | 'MUTATION';
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
  createdAt: string;
  completedAt: string | null;
}

/** bulk_operations/finish: status `completed`/`failed`/`canceled`, type `query`/`mutation`. */
export function bulkOperationsFinishPayload(operation: BulkOperationSummary, shop: SandboxShop) {
  return {
    admin_graphql_api_id: typeof operation.id === 'string' ? operation.id : toGid('BulkOperation', operation.id),
    completed_at: shopTime(operation.completedAt, shop),
    created_at: shopTime(operation.createdAt, shop),
    error_code: lower(operation.errorCode),
    status: lower(operation.status),
    type: lower(operation.type),
  };
}

type RedactedCustomer = Pick<SandboxCustomer, 'id' | 'email' | 'phone'>;

/** customers/data_request: the merchant asks for what the app holds about a customer. */
export function customersDataRequestPayload(
  shop: SandboxShop,
  customer: RedactedCustomer,
  ordersRequested: number[],
  dataRequestId: number,
) {
  return {
    shop_id: shopIdFor(shop),
    shop_domain: shop.myshopifyDomain,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    orders_requested: ordersRequested,
    data_request: { id: dataRequestId },
  };
}

/** customers/redact: erase what the app holds about a customer and these orders. */
export function customersRedactPayload(shop: SandboxShop, customer: RedactedCustomer, ordersToRedact: number[]) {
  return {
    shop_id: shopIdFor(shop),
    shop_domain: shop.myshopifyDomain,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    orders_to_redact: ordersToRedact,
  };
}

/** shop/redact: sent 48 hours after uninstall; erase everything of the shop. */
export function shopRedactPayload(shop: SandboxShop) {
  return { shop_id: shopIdFor(shop), shop_domain: shop.myshopifyDomain };
}
