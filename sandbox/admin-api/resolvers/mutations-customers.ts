import { GraphQLError } from 'graphql';
import type { MarketingOptInLevel, MarketingState } from '../../store/types.ts';
import { requireScope } from './access.ts';
import type { AdminContext } from './context.ts';
import { idOfType } from './node.ts';

interface ConsentInput {
  customerId: string;
  emailMarketingConsent: {
    marketingState: MarketingState;
    marketingOptInLevel?: MarketingOptInLevel | null;
    consentUpdatedAt?: string | null;
  };
}

type ConsentUserError = { field: string[]; message: string; code: 'INVALID' | 'MISSING_ARGUMENT' };

/** States a caller may not set; Shopify rejects them before looking at anything else. */
const NOT_SETTABLE = new Set<MarketingState>(['NOT_SUBSCRIBED', 'REDACTED', 'INVALID']);

function checkConsent(consent: ConsentInput['emailMarketingConsent'], now: Date): ConsentUserError | null {
  const field = (name: string) => ['input', 'emailMarketingConsent', name];
  const { marketingState: state, marketingOptInLevel: level } = consent;
  if ((state === 'SUBSCRIBED' || state === 'PENDING') && !level) {
    return { field: field('marketingOptInLevel'), message: 'Marketing opt in level must exist', code: 'MISSING_ARGUMENT' };
  }
  if (state === 'PENDING' && level !== 'CONFIRMED_OPT_IN') {
    return {
      field: field('marketingOptInLevel'),
      message: 'Marketing opt in level must be confirmed opt-in for pending consent state',
      code: 'INVALID',
    };
  }
  if (consent.consentUpdatedAt && Date.parse(consent.consentUpdatedAt) > now.getTime()) {
    return { field: field('consentUpdatedAt'), message: 'Consent updated at must not be in the future', code: 'INVALID' };
  }
  return null;
}

/**
 * `customerEmailMarketingConsentUpdate`: through SandboxStore.updateEmailMarketingConsent, so the store
 * announces customers_email_marketing_consent/update. Messages and codes are Shopify's (captured 2026-04).
 * The store stamps `consentUpdatedAt` itself; a `consentUpdatedAt` in the input is checked but not kept.
 */
export function customerEmailMarketingConsentUpdate(_root: unknown, args: { input: ConsentInput }, ctx: AdminContext) {
  requireScope(ctx, 'customerEmailMarketingConsentUpdate', 'write_customers');
  const { customerId, emailMarketingConsent: consent } = args.input;
  if (NOT_SETTABLE.has(consent.marketingState)) {
    throw new GraphQLError(`Cannot specify ${consent.marketingState} as a marketing state input`, { extensions: { code: 'INVALID' } });
  }
  const id = idOfType(customerId, 'Customer');
  const customer = id === null ? undefined : ctx.store.customers.get(id);
  if (!customer) {
    return { customer: null, userErrors: [{ field: ['input', 'customerId'], message: 'Customer not found', code: 'INVALID' }] };
  }
  const problem = checkConsent(consent, ctx.store.now());
  if (problem) return { customer: null, userErrors: [problem] };
  const updated = ctx.store.updateEmailMarketingConsent(customer.id, {
    marketingState: consent.marketingState,
    marketingOptInLevel: consent.marketingOptInLevel ?? null,
  });
  return { customer: updated, userErrors: [] };
}
