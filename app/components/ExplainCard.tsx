import { Banner, BlockStack, Button, Card, DataTable, FormLayout, InlineStack, Select, Text } from '@shopify/polaris';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-text.ts';
import { ApiError, apiFetch } from '../lib/api.ts';
import type words from '../locales/en/recommendations.json';
import { CustomerChoice, type ChosenCustomer } from './explain/CustomerChoice.tsx';
import { ResourceChoice, type ChosenResource } from './explain/ResourceChoice.tsx';

// What GET /api/recommendations/explain answers (server/api/recommendations/route.ts): codes, worded here. The codes
// are the keys of the English file, so a code without words fails to compile.
type PickSource = keyof typeof words.explain.pickReasons;
type RuleName = keyof typeof words.explain.ruleNames;
interface HoldReason {
  code: keyof typeof words.explain.holdReasons;
  params: Record<string, string | number | null>;
}

interface Explanation {
  anonymized: boolean;
  withinBound: boolean;
  picks: { productId: number; title: string | null; source: PickSource }[];
  excluded: { productId: number; title: string | null; rule: RuleName; reason: HoldReason; byMerchant: boolean }[];
}

const SURFACES = ['home', 'product', 'cart', 'collection', 'email'] as const;

/** As many products as a cart or an order the explain tool asks about can hold (the server takes up to 100). */
const MAX_PRODUCTS = 20;

/**
 * "Why did this shopper see this?": the engine's decision for one shopper on one surface, with the reason for
 * each pick and, by name, the privacy rule that held each other product back. Reasons never leave the admin.
 */
export function ExplainCard() {
  const { t } = useTranslation('recommendations');
  const errorText = useErrorText('recommendations');
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
      // An incomplete question is worded from the server's code; anything else is a failed request.
      setError(failure instanceof ApiError && failure.status >= 400 && failure.status < 500 ? errorText(failure) : t('explain.failed'));
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

  const productLabel = surface === 'product' ? t('explain.productOnPage') : surface === 'cart' ? t('explain.productsInCart') : t('explain.productsInOrder');
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t('explain.title')}
        </Text>
        <Text as="p" tone="subdued">
          {t('explain.intro')}
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <Select label={t('explain.where')} options={SURFACES.map((value) => ({ label: t(`explain.surfaces.${value}`), value }))} value={surface} onChange={changeSurface} />
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
          {surface === 'collection' && <ResourceChoice label={t('explain.collection')} type="collection" chosen={collection} onChange={setCollection} />}
        </FormLayout>
        <InlineStack>
          <Button variant="primary" onClick={explain} loading={loading}>
            {t('explain.explain')}
          </Button>
        </InlineStack>
        {error && <Banner tone="warning">{error}</Banner>}
        {result && <ExplanationView result={result} />}
      </BlockStack>
    </Card>
  );
}

function ExplanationView({ result }: { result: Explanation }) {
  const { t } = useTranslation('recommendations');
  const byPrivacy = result.excluded.filter((e) => !e.byMerchant);
  const byMerchant = result.excluded.filter((e) => e.byMerchant);
  const title = (text: string | null) => text ?? t('explain.goneProduct');
  const reasonOf = (reason: HoldReason) =>
    t(`explain.holdReasons.${reason.code}`, { ...reason.params, product: typeof reason.params.product === 'string' ? reason.params.product : t('explain.goneProduct') });
  // DataTable keeps each cell on one line: a long reason would push the table into a scroll box that only a mouse can scroll.
  const wrapping = (text: string) => <span style={{ whiteSpace: 'normal' }}>{text}</span>;
  return (
    <BlockStack gap="200">
      {result.anonymized && <Banner tone="info">{t('explain.anonymized')}</Banner>}
      {!result.withinBound && <Banner tone="warning">{t('explain.outsideBound')}</Banner>}
      <DataTable
        columnContentTypes={['numeric', 'text', 'text']}
        headings={[t('explain.columns.number'), t('explain.columns.product'), t('explain.columns.why')]}
        rows={result.picks.map((p, i) => [
          i + 1,
          p.source === 'pinned' ? t('explain.pinnedByYou', { title: title(p.title) }) : title(p.title),
          wrapping(t(`explain.pickReasons.${p.source}`)),
        ])}
      />
      {byPrivacy.length > 0 && (
        <>
          <Text as="h3" variant="headingSm">
            {t('explain.heldByPrivacy')}
          </Text>
          <DataTable
            columnContentTypes={['text', 'text', 'text']}
            headings={[t('explain.columns.product'), t('explain.columns.rule'), t('explain.columns.why')]}
            rows={byPrivacy.slice(0, 10).map((e) => [title(e.title), t(`explain.ruleNames.${e.rule}`), wrapping(reasonOf(e.reason))])}
          />
        </>
      )}
      {byMerchant.length > 0 && (
        <>
          <Text as="h3" variant="headingSm">
            {t('explain.heldByYou')}
          </Text>
          <DataTable
            columnContentTypes={['text', 'text', 'text']}
            headings={[t('explain.columns.product'), t('explain.columns.rule'), t('explain.columns.why')]}
            rows={byMerchant.slice(0, 10).map((e) => [title(e.title), t(`explain.ruleNames.${e.rule}`), wrapping(reasonOf(e.reason))])}
          />
        </>
      )}
    </BlockStack>
  );
}
