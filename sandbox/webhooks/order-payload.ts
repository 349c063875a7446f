import { toGid } from '../store/gid.ts';
import type { SandboxAddress, SandboxCustomer, SandboxOrder, SandboxShop } from '../store/types.ts';
import { currentQuantity, lineItemPayload, refundedQuantity, type PayloadLookup } from './line-item-payload.ts';
import { countryName, lower, money, moneySet, shopIdFor, shopTime, stableToken } from './payload-format.ts';
import { refundPayload } from './refund-payload.ts';

/**
 * The REST order resource that orders/create, orders/updated, orders/cancelled and orders/fulfilled carry.
 * Keys and their order follow the orders/create sample payload of shopify.dev's webhook reference (2026-07,
 * the app's api_version). The sandbox has no taxes, discounts or shipping charges, so those read zero.
 *
 * As of API 2025-01 the embedded customer no longer carries tags or email_marketing_consent (Shopify moved
 * consent to customers_email_marketing_consent/update), so neither appears here.
 */
export function orderPayload(order: SandboxOrder, shop: SandboxShop, lookup: PayloadLookup = {}) {
  const currency = order.currencyCode;
  const customer = order.customerId === null ? undefined : lookup.customers?.get(order.customerId);
  const lineTotal = order.lineItems.reduce((sum, line) => sum + Number(line.price) * line.quantity, 0);
  const currentTotal = order.lineItems.reduce((sum, line) => sum + Number(line.price) * currentQuantity(order, line), 0);
  const orderNumber = Number(order.name.replace(/\D/g, '')) || 1001;
  const token = stableToken(`order-${shop.myshopifyDomain}-${order.id}`);
  const zero = moneySet(0, currency);
  const address = order.shippingAddress ? addressPayload(order.shippingAddress, customer) : null;
  return {
    id: order.id,
    admin_graphql_api_id: toGid('Order', order.id),
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: customer?.emailMarketingConsent.marketingState === 'SUBSCRIBED',
    cancel_reason: lower(order.cancelReason),
    cancelled_at: shopTime(order.cancelledAt, shop),
    cart_token: null,
    checkout_token: null,
    client_details: null,
    closed_at: null,
    confirmation_number: stableToken(`confirmation-${order.id}`, 9).toUpperCase(),
    confirmed: true,
    contact_email: order.email,
    created_at: shopTime(order.createdAt, shop),
    currency,
    current_shipping_price_set: zero,
    current_subtotal_price: money(currentTotal),
    current_subtotal_price_set: moneySet(currentTotal, currency),
    current_total_additional_fees_set: null,
    current_total_discounts: money(0),
    current_total_discounts_set: zero,
    current_total_duties_set: null,
    current_total_price: money(currentTotal),
    current_total_price_set: moneySet(currentTotal, currency),
    current_total_tax: money(0),
    current_total_tax_set: zero,
    customer_locale: order.customerLocale ?? customer?.locale ?? shop.primaryLocale,
    device_id: null,
    discount_codes: [],
    duties_included: false,
    email: order.email,
    estimated_taxes: false,
    financial_status: financialStatus(order),
    fulfillment_status: order.fulfillments.some((f) => f.status === 'SUCCESS') ? 'fulfilled' : null,
    landing_site: null,
    landing_site_ref: null,
    location_id: null,
    merchant_business_entity_id: Buffer.from(String(shopIdFor(shop))).toString('base64').replace(/=+$/, ''),
    merchant_of_record_app_id: null,
    name: order.name,
    note: order.note,
    note_attributes: (order.noteAttributes ?? []).map(({ name, value }) => ({ name, value })),
    number: orderNumber - 1000,
    order_number: orderNumber,
    order_status_url: `https://${shop.myshopifyDomain}/${shopIdFor(shop)}/orders/${token}/authenticate?key=${stableToken(token, 24)}`,
    original_total_additional_fees_set: null,
    original_total_duties_set: null,
    payment_gateway_names: ['shopify_payments'],
    phone: order.phone,
    po_number: null,
    presentment_currency: currency,
    processed_at: shopTime(order.processedAt, shop),
    reference: null,
    referring_site: null,
    source_identifier: null,
    source_name: 'web',
    source_url: null,
    subtotal_price: money(lineTotal),
    subtotal_price_set: moneySet(lineTotal, currency),
    tags: '',
    tax_exempt: false,
    tax_lines: [],
    taxes_included: false,
    test: false,
    token,
    total_cash_rounding_payment_adjustment_set: zero,
    total_cash_rounding_refund_adjustment_set: zero,
    total_discounts: money(0),
    total_discounts_set: zero,
    total_line_items_price: money(lineTotal),
    total_line_items_price_set: moneySet(lineTotal, currency),
    total_outstanding: money(0),
    total_price: money(lineTotal),
    total_price_set: moneySet(lineTotal, currency),
    total_shipping_price_set: zero,
    total_tax: money(0),
    total_tax_set: zero,
    total_tip_received: money(0),
    total_weight: 0,
    updated_at: shopTime(order.updatedAt, shop),
    user_id: null,
    billing_address: address,
    customer: order.customerId === null ? null : orderCustomerPayload(order.customerId, customer, shop),
    discount_applications: [],
    fulfillments: order.fulfillments.map((fulfillment, index) => ({
      id: fulfillment.id,
      admin_graphql_api_id: toGid('Fulfillment', fulfillment.id),
      created_at: shopTime(fulfillment.createdAt, shop),
      location_id: null,
      name: `${order.name}.${index + 1}`,
      order_id: order.id,
      origin_address: {},
      receipt: {},
      service: 'manual',
      shipment_status: null,
      status: lower(fulfillment.status),
      tracking_company: null,
      tracking_number: null,
      tracking_numbers: [],
      tracking_url: null,
      tracking_urls: [],
      updated_at: shopTime(fulfillment.createdAt, shop),
      line_items: order.lineItems.map((line) => lineItemPayload(order, line, lookup)),
    })),
    line_items: order.lineItems.map((line) => lineItemPayload(order, line, lookup)),
    payment_terms: null,
    refunds: order.refunds.map((refund) => refundPayload(order, refund, shop, lookup)),
    shipping_address: address,
    shipping_lines: [],
    returns: [],
    line_item_groups: [],
  };
}

function financialStatus(order: SandboxOrder): string {
  if (order.cancelledAt !== null) return 'refunded';
  const ordered = order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
  const refunded = order.lineItems.reduce((sum, line) => sum + refundedQuantity(order, line.id), 0);
  if (refunded === 0) return 'paid';
  return refunded >= ordered ? 'refunded' : 'partially_refunded';
}

/** The order's customer, keyed as the 2026-07 sample; a customer the lookup lacks keeps its id only. */
function orderCustomerPayload(id: number, customer: SandboxCustomer | undefined, shop: SandboxShop) {
  const defaultAddress = customer?.addresses[0];
  return {
    id,
    created_at: shopTime(customer?.createdAt ?? null, shop),
    updated_at: shopTime(customer?.updatedAt ?? null, shop),
    first_name: customer?.firstName ?? null,
    last_name: customer?.lastName ?? null,
    state: 'enabled',
    note: customer?.note ?? null,
    verified_email: true,
    multipass_identifier: null,
    tax_exempt: false,
    email: customer?.email ?? null,
    phone: customer?.phone ?? null,
    currency: shop.currencyCode,
    tax_exemptions: [],
    admin_graphql_api_id: toGid('Customer', id),
    default_address: defaultAddress
      ? {
          id: id * 10 + 1, // the store gives addresses no id; stable and distinct from every store id
          customer_id: id,
          ...nameFields(customer),
          company: null,
          address1: defaultAddress.address1,
          address2: null,
          city: defaultAddress.city,
          province: null,
          country: countryName(defaultAddress.countryCode),
          zip: defaultAddress.zip,
          phone: customer?.phone ?? null,
          province_code: null,
          country_code: defaultAddress.countryCode,
          country_name: countryName(defaultAddress.countryCode),
          default: true,
        }
      : null,
  };
}

function nameFields(customer: SandboxCustomer | undefined) {
  const first = customer?.firstName ?? null;
  const last = customer?.lastName ?? null;
  return { first_name: first, last_name: last, name: [first, last].filter(Boolean).join(' ') || null };
}

/** Shipping and billing addresses, keyed as in the sample (first_name, address1, phone, city, …). */
function addressPayload(address: SandboxAddress, customer: SandboxCustomer | undefined) {
  const { first_name, last_name, name } = nameFields(customer);
  return {
    first_name,
    address1: address.address1,
    phone: customer?.phone ?? null,
    city: address.city,
    zip: address.zip,
    province: null,
    country: countryName(address.countryCode),
    last_name,
    address2: null,
    company: null,
    latitude: null,
    longitude: null,
    name,
    country_code: address.countryCode,
    province_code: null,
  };
}
