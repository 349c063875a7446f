import { Banner, BlockStack, Button, Card, DataTable, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { apiFetch } from '../lib/api.ts';

interface Explanation {
  anonymized: boolean;
  withinBound: boolean;
  picks: { productId: number; title: string | null; source: string; reason: string }[];
  excluded: { productId: number; title: string | null; rule: string; reason: string }[];
}

const SURFACES = [
  { label: 'Home page', value: 'home' },
  { label: 'Product page', value: 'product' },
  { label: 'Cart', value: 'cart' },
  { label: 'Collection page', value: 'collection' },
  { label: 'Follow-up email', value: 'email' },
];

/**
 * "Why did this shopper see this?": the engine's decision for one shopper on one surface, with the reason for
 * each pick and for what the privacy rules held back. Reasons never leave the admin.
 */
export function ExplainCard() {
  const [surface, setSurface] = useState('home');
  const [products, setProducts] = useState('');
  const [collection, setCollection] = useState('');
  const [customer, setCustomer] = useState('');
  const [result, setResult] = useState<Explanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const explain = async () => {
    const query = new URLSearchParams({ surface, limit: '8' });
    if (surface === 'product') query.set('productId', products.trim());
    if (surface === 'cart' || surface === 'email') query.set('productIds', products.replace(/\s+/g, ''));
    if (surface === 'collection') query.set('collectionId', collection.trim());
    if (customer.trim()) query.set('customerId', customer.trim());
    setLoading(true);
    setError(null);
    try {
      setResult(await apiFetch<Explanation>(`/recommendations/explain?${query}`));
    } catch (failure) {
      setResult(null);
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setLoading(false);
    }
  };

  const needsProducts = surface === 'product' || surface === 'cart' || surface === 'email';
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Why did a shopper see this?
        </Text>
        <Text as="p" tone="subdued">
          Pick a page and, optionally, a customer: Tacto shows what it would offer and why. Shoppers never see these
          reasons.
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <Select label="Where" options={SURFACES} value={surface} onChange={setSurface} />
            <TextField label="Customer ID (optional)" value={customer} onChange={setCustomer} autoComplete="off" helpText="From the customer's page in your admin." />
          </FormLayout.Group>
          {needsProducts && (
            <TextField
              label={surface === 'product' ? 'Product ID' : 'Product IDs, separated by commas'}
              value={products}
              onChange={setProducts}
              autoComplete="off"
            />
          )}
          {surface === 'collection' && <TextField label="Collection ID" value={collection} onChange={setCollection} autoComplete="off" />}
        </FormLayout>
        <InlineStack>
          <Button variant="primary" onClick={explain} loading={loading}>
            Explain
          </Button>
        </InlineStack>
        {error && <Banner tone="critical">{error}</Banner>}
        {result && (
          <BlockStack gap="200">
            {result.anonymized && <Banner tone="info">This shopper turned personalization off: they see what any visitor sees.</Banner>}
            {!result.withinBound && (
              <Banner tone="warning">
                This shopper already owns, hid or recently saw most of what this page can show, so their picks can differ from a visitor’s by more
                than the usual bound. Nothing they own is shown.
              </Banner>
            )}
            <DataTable
              columnContentTypes={['numeric', 'text', 'text']}
              headings={['#', 'Product', 'Why']}
              rows={result.picks.map((p, i) => [i + 1, p.title ?? `#${p.productId}`, p.reason])}
            />
            {result.excluded.length > 0 && (
              <>
                <Text as="h3" variant="headingSm">
                  Held back by a privacy rule
                </Text>
                <DataTable
                  columnContentTypes={['text', 'text']}
                  headings={['Product', 'Rule']}
                  rows={result.excluded.slice(0, 10).map((e) => [e.title ?? `#${e.productId}`, e.reason])}
                />
              </>
            )}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
