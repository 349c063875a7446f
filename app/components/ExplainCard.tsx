import { Banner, BlockStack, Button, Card, DataTable, FormLayout, InlineStack, Select, Text } from '@shopify/polaris';
import { useState } from 'react';
import { ApiError, apiFetch } from '../lib/api.ts';
import { CustomerChoice, type ChosenCustomer } from './explain/CustomerChoice.tsx';
import { ResourceChoice, type ChosenResource } from './explain/ResourceChoice.tsx';

interface Explanation {
  anonymized: boolean;
  withinBound: boolean;
  picks: { productId: number; title: string | null; source: string; reason: string }[];
  excluded: { productId: number; title: string | null; rule: string; ruleName: string; reason: string; byMerchant: boolean }[];
}

const SURFACES = [
  { label: 'Home page', value: 'home' },
  { label: 'Product page', value: 'product' },
  { label: 'Cart', value: 'cart' },
  { label: 'Collection page', value: 'collection' },
  { label: 'Follow-up email', value: 'email' },
];

/** As many products as a cart or an order the explain tool asks about can hold (the server takes up to 100). */
const MAX_PRODUCTS = 20;

/**
 * "Why did this shopper see this?": the engine's decision for one shopper on one surface, with the reason for
 * each pick and, by name, the privacy rule that held each other product back. Reasons never leave the admin.
 */
export function ExplainCard() {
  const [surface, setSurface] = useState('home');
  const [products, setProducts] = useState<ChosenResource[]>([]);
  const [collection, setCollection] = useState<ChosenResource[]>([]);
  const [customer, setCustomer] = useState<ChosenCustomer | null>(null);
  const [result, setResult] = useState<Explanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const explain = async () => {
    const query = new URLSearchParams({ surface, limit: '8' });
    if (surface === 'product') query.set('productId', products[0]?.id ?? '');
    if (surface === 'cart' || surface === 'email') query.set('productIds', products.map((p) => p.id).join(','));
    if (surface === 'collection') query.set('collectionId', collection[0]?.id ?? '');
    if (customer) query.set('customerId', customer.id);
    setLoading(true);
    setError(null);
    try {
      setResult(await apiFetch<Explanation>(`/recommendations/explain?${query}`));
    } catch (failure) {
      setResult(null);
      // The server answers an incomplete question in the merchant's words; anything else is a failed request.
      setError(failure instanceof ApiError && failure.status >= 400 && failure.status < 500 ? failure.message : 'Tacto could not explain this right now. Try again.');
    } finally {
      setLoading(false);
    }
  };

  const changeSurface = (next: string) => {
    // One product on a product page; a cart or an order keeps the products chosen for the other.
    if (next === 'product' && products.length > 1) setProducts(products.slice(0, 1));
    setSurface(next);
    setResult(null);
    setError(null);
  };

  const productLabel = surface === 'product' ? 'Product on the page' : surface === 'cart' ? 'Products in the cart' : 'Products in the order';
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Why did a shopper see this?
        </Text>
        <Text as="p" tone="subdued">
          Pick a page and, optionally, a customer: Tacto shows what it would offer and why. Shoppers never see these reasons.
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <Select label="Where" options={SURFACES} value={surface} onChange={changeSurface} />
            <CustomerChoice chosen={customer} onChange={setCustomer} />
          </FormLayout.Group>
          {(surface === 'product' || surface === 'cart' || surface === 'email') && (
            <ResourceChoice
              label={productLabel}
              type="product"
              multiple={surface === 'product' ? undefined : MAX_PRODUCTS}
              chosen={products}
              onChange={setProducts}
            />
          )}
          {surface === 'collection' && <ResourceChoice label="Collection" type="collection" chosen={collection} onChange={setCollection} />}
        </FormLayout>
        <InlineStack>
          <Button variant="primary" onClick={explain} loading={loading}>
            Explain
          </Button>
        </InlineStack>
        {error && <Banner tone="warning">{error}</Banner>}
        {result && <ExplanationView result={result} />}
      </BlockStack>
    </Card>
  );
}

function ExplanationView({ result }: { result: Explanation }) {
  const byPrivacy = result.excluded.filter((e) => !e.byMerchant);
  const byMerchant = result.excluded.filter((e) => e.byMerchant);
  const title = (t: string | null) => t ?? 'A product no longer in the catalog';
  // DataTable keeps each cell on one line: a long reason would push the table into a scroll box that only a mouse can scroll.
  const wrapping = (text: string) => <span style={{ whiteSpace: 'normal' }}>{text}</span>;
  return (
    <BlockStack gap="200">
      {result.anonymized && <Banner tone="info">This shopper turned personalization off: they see what any visitor sees.</Banner>}
      {!result.withinBound && (
        <Banner tone="warning">
          This shopper already owns, hid or recently saw most of what this page can show, so their picks can differ from a visitor’s by more than the
          usual bound. Nothing they own is shown.
        </Banner>
      )}
      <DataTable
        columnContentTypes={['numeric', 'text', 'text']}
        headings={['#', 'Product', 'Why']}
        rows={result.picks.map((p, i) => [i + 1, p.source === 'pinned' ? `${title(p.title)} (pinned by you)` : title(p.title), wrapping(p.reason)])}
      />
      {byPrivacy.length > 0 && (
        <>
          <Text as="h3" variant="headingSm">
            Held back by a privacy rule
          </Text>
          <DataTable
            columnContentTypes={['text', 'text', 'text']}
            headings={['Product', 'Rule', 'Why']}
            rows={byPrivacy.slice(0, 10).map((e) => [title(e.title), e.ruleName, wrapping(e.reason)])}
          />
        </>
      )}
      {byMerchant.length > 0 && (
        <>
          <Text as="h3" variant="headingSm">
            Held back by your merchandising
          </Text>
          <DataTable
            columnContentTypes={['text', 'text', 'text']}
            headings={['Product', 'Rule', 'Why']}
            rows={byMerchant.slice(0, 10).map((e) => [title(e.title), e.ruleName, wrapping(e.reason)])}
          />
        </>
      )}
    </BlockStack>
  );
}
