/**
 * The bulk queries of the backfill, one per stage. They name only the fields Tacto keeps (a test checks
 * that no address, phone, note or payment field is ever asked for).
 */
export type BackfillStage = 'products' | 'customers' | 'orders';

export const BACKFILL_STAGES: BackfillStage[] = ['products', 'customers', 'orders'];

export const BULK_QUERIES: Record<BackfillStage, string> = {
  products: `{
  products {
    edges { node {
      id title handle productType tags status updatedAt totalInventory
      category { id fullName }
      featuredImage { url }
      priceRangeV2 { minVariantPrice { amount } }
      collections { edges { node { id } } }
      variants { edges { node { id availableForSale } } }
    } }
  }
}`,
  customers: `{
  customers {
    edges { node {
      id firstName email locale updatedAt
      emailMarketingConsent { marketingState consentUpdatedAt }
      defaultAddress { countryCodeV2 }
    } }
  }
}`,
  orders: `{
  orders {
    edges { node {
      id createdAt updatedAt cancelledAt customerLocale
      customer { id }
      fulfillments { createdAt status }
      customAttributes { key value }
      currentSubtotalPriceSet { shopMoney { amount } }
      lineItems { edges { node {
        id quantity currentQuantity product { id } variant { id }
        customAttributes { key value }
        originalUnitPriceSet { shopMoney { amount } }
        totalDiscountSet { shopMoney { amount } }
      } } }
    } }
  }
}`,
};
