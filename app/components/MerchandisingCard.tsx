import { Banner, BlockStack, Box, Card, InlineStack, Select, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ApiError } from '../lib/api.ts';
import { loadCatalogTags, loadMerchandising, pickResources, saveMerchandising, type MerchandisingAnswer, type Named, type NamedRules } from './merchandising/merchandising-api.ts';
import { PickerButton, RuleList } from './merchandising/RuleList.tsx';

/**
 * The merchant's own levers over picks: what is never picked, complements pinned to a product, pairs never shown
 * together. Every change is saved at once and takes effect at once, on every block and follow-up.
 */
export function MerchandisingCard() {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const titleOf = (named: Named) => named.title ?? t('explain.goneProduct');
  const [answer, setAnswer] = useState<MerchandisingAnswer | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    loadMerchandising().then(setAnswer, () => setError(t('merchandising.unreadable')));
    loadCatalogTags().then(setTags, () => setTags([]));
  }, []);

  if (!answer) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t('merchandising.title')}
          </Text>
          {error ? <Banner tone="critical">{error}</Banner> : <Text as="p">{t('merchandising.loading')}</Text>}
        </BlockStack>
      </Card>
    );
  }

  const rules = answer.merchandising;
  const { limits } = answer;
  const share = t('units.percent', { value: Math.round(answer.pinShare * 100) });
  const save = async (next: NamedRules, done: string) => {
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      setAnswer(await saveMerchandising(next));
      setSaved(done);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 400 ? refusal(failure) : t('merchandising.unsaved'));
    } finally {
      setBusy(false);
    }
  };
  /** A refused document (400 merchandising_invalid) by the group the server names in `field`, with its limits. */
  const refusal = (failure: ApiError) => {
    const group = (failure.field ?? '').split('.')[0];
    switch (group) {
      case 'excludedProducts':
        return t('merchandising.invalid.excludedProducts', { max: limits.excludedProducts });
      case 'excludedCollections':
        return t('merchandising.invalid.excludedCollections', { max: limits.excludedCollections });
      case 'excludedTags':
        return t('merchandising.invalid.excludedTags', { max: limits.excludedTags, length: limits.tagLength });
      case 'pins':
        return t('merchandising.invalid.pins', { complements: limits.complementsPerPin, max: limits.pins });
      case 'neverTogether':
        return t('merchandising.invalid.neverTogether', { max: limits.neverTogether });
      default:
        return t('merchandising.invalid.other');
    }
  };
  const without = <T,>(list: T[], item: T) => list.filter((x) => x !== item);
  const merge = (list: Named[], more: Named[]) => [...list, ...more.filter((m) => !list.some((x) => x.id === m.id))];

  const excludeProducts = async () => {
    const chosen = await pickResources('product', limits.excludedProducts - rules.excludedProducts.length, 'add');
    if (chosen?.length) await save({ ...rules, excludedProducts: merge(rules.excludedProducts, chosen).slice(0, limits.excludedProducts) }, t('merchandising.products.saved'));
  };
  const excludeCollections = async () => {
    const chosen = await pickResources('collection', limits.excludedCollections - rules.excludedCollections.length, 'add');
    if (!chosen?.length) return;
    const collections = merge(rules.excludedCollections, chosen).map((c) => ({ id: c.id, title: c.title ?? t('merchandising.collections.untitled') }));
    await save({ ...rules, excludedCollections: collections.slice(0, limits.excludedCollections) }, t('merchandising.collections.saved'));
  };
  const excludeTag = async () => {
    if (!tag || rules.excludedTags.some((x) => x.toLowerCase() === tag.toLowerCase())) return;
    await save({ ...rules, excludedTags: [...rules.excludedTags, tag] }, t('merchandising.tags.saved', { tag }));
    setTag('');
  };
  const pin = async (existing?: { product: Named; complements: Named[] }) => {
    const product = existing ? [existing.product] : await pickResources('product', 1, 'select');
    if (!product?.[0]) return;
    const current = existing ?? rules.pins.find((p) => p.product.id === product[0]!.id);
    const complements = await pickResources('product', limits.complementsPerPin, 'select', current?.complements.map((c) => c.id));
    if (!complements) return;
    const chosen = complements.filter((c) => c.id !== product[0]!.id).slice(0, limits.complementsPerPin);
    const others = rules.pins.filter((p) => p.product.id !== product[0]!.id);
    const pins = chosen.length > 0 ? [...others, { product: product[0], complements: chosen }] : others;
    await save({ ...rules, pins }, t('merchandising.pins.saved', { title: titleOf(product[0]) }));
  };
  const keepApart = async () => {
    const first = await pickResources('product', 1, 'select');
    if (!first?.[0]) return;
    const second = await pickResources('product', 1, 'select');
    if (!second?.[0] || second[0].id === first[0].id) return;
    const [a, b] = [first[0], second[0]];
    if (rules.neverTogether.some(([x, y]) => (x.id === a.id && y.id === b.id) || (x.id === b.id && y.id === a.id))) return;
    await save({ ...rules, neverTogether: [...rules.neverTogether, [a, b]] }, t('merchandising.apart.saved', { a: titleOf(a), b: titleOf(b) }));
  };

  const unusedTags = tags.filter((candidate) => !rules.excludedTags.some((x) => x.toLowerCase() === candidate.toLowerCase()));
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t('merchandising.title')}
          </Text>
          <Text as="p" tone="subdued">
            {t('merchandising.intro')}
          </Text>
        </BlockStack>

        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {t('merchandising.neverPick.title')}
          </Text>
          <Text as="p">{t('merchandising.neverPick.body')}</Text>
          <RuleList
            heading={t('merchandising.products.heading')}
            empty={t('merchandising.products.empty')}
            busy={busy}
            items={rules.excludedProducts.map((p) => ({
              key: String(p.id),
              label: titleOf(p),
              removeLabel: t('merchandising.products.remove', { title: titleOf(p) }),
              onRemove: () => save({ ...rules, excludedProducts: without(rules.excludedProducts, p) }, t('merchandising.products.removed', { title: titleOf(p) })),
            }))}
          />
          <InlineStack>
            <PickerButton label={t('merchandising.products.add')} disabled={busy} onPick={excludeProducts} />
          </InlineStack>
          <RuleList
            heading={t('merchandising.collections.heading')}
            empty={t('merchandising.collections.empty')}
            busy={busy}
            items={rules.excludedCollections.map((c) => ({
              key: String(c.id),
              label: c.title,
              removeLabel: t('merchandising.collections.remove', { title: c.title }),
              onRemove: () => save({ ...rules, excludedCollections: without(rules.excludedCollections, c) }, t('merchandising.collections.removed', { title: c.title })),
            }))}
          />
          <InlineStack>
            <PickerButton label={t('merchandising.collections.add')} disabled={busy} onPick={excludeCollections} />
          </InlineStack>
          <RuleList
            heading={t('merchandising.tags.heading')}
            empty={t('merchandising.tags.empty')}
            busy={busy}
            items={rules.excludedTags.map((x) => ({
              key: x,
              label: x,
              removeLabel: t('merchandising.tags.remove', { tag: x }),
              onRemove: () => save({ ...rules, excludedTags: without(rules.excludedTags, x) }, t('merchandising.tags.removed', { tag: x })),
            }))}
          />
          <InlineStack gap="200" blockAlign="end">
            <Box minWidth="240px">
              <Select
                label={t('merchandising.tags.choose')}
                options={[{ label: unusedTags.length ? t('merchandising.tags.placeholder') : t('merchandising.tags.noOther'), value: '' }, ...unusedTags.map((x) => ({ label: x, value: x }))]}
                value={tag}
                onChange={setTag}
                disabled={busy || unusedTags.length === 0}
              />
            </Box>
            <PickerButton label={t('merchandising.tags.add')} disabled={busy || !tag} onPick={excludeTag} />
          </InlineStack>
        </BlockStack>

        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {t('merchandising.pins.title')}
          </Text>
          <Text as="p">{t('merchandising.pins.body', { max: format.number(limits.complementsPerPin), share })}</Text>
          <RuleList
            heading={t('merchandising.pins.heading')}
            empty={t('merchandising.pins.empty')}
            busy={busy}
            items={rules.pins.map((p) => ({
              key: String(p.product.id),
              label: t('merchandising.pins.entry', { product: titleOf(p.product), complements: p.complements.map(titleOf).join(', ') }),
              removeLabel: t('merchandising.pins.remove', { title: titleOf(p.product) }),
              onRemove: () => save({ ...rules, pins: without(rules.pins, p) }, t('merchandising.pins.removed', { title: titleOf(p.product) })),
            }))}
          />
          <InlineStack>
            <PickerButton label={t('merchandising.pins.add')} accessibilityLabel={t('merchandising.pins.addLabel')} disabled={busy} onPick={() => pin()} />
          </InlineStack>
        </BlockStack>

        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {t('merchandising.apart.title')}
          </Text>
          <Text as="p">{t('merchandising.apart.body')}</Text>
          <RuleList
            heading={t('merchandising.apart.heading')}
            empty={t('merchandising.apart.empty')}
            busy={busy}
            items={rules.neverTogether.map((pair) => ({
              key: `${pair[0].id}-${pair[1].id}`,
              label: t('merchandising.apart.pair', { a: titleOf(pair[0]), b: titleOf(pair[1]) }),
              removeLabel: t('merchandising.apart.remove', { a: titleOf(pair[0]), b: titleOf(pair[1]) }),
              onRemove: () => save({ ...rules, neverTogether: without(rules.neverTogether, pair) }, t('merchandising.apart.removed')),
            }))}
          />
          <InlineStack>
            <PickerButton label={t('merchandising.apart.add')} disabled={busy} onPick={keepApart} />
          </InlineStack>
        </BlockStack>

        {error && <Banner tone="critical">{error}</Banner>}
        <div role="status">
          {saved && (
            <Text as="p" tone="success">
              {saved}
            </Text>
          )}
        </div>
      </BlockStack>
    </Card>
  );
}
