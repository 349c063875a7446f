import { Banner, BlockStack, Box, Card, InlineStack, Select, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { ApiError } from '../lib/api.ts';
import { loadCatalogTags, loadMerchandising, pickResources, saveMerchandising, titleOf, type MerchandisingAnswer, type Named, type NamedRules } from './merchandising/merchandising-api.ts';
import { PickerButton, RuleList } from './merchandising/RuleList.tsx';

/**
 * The merchant's own levers over picks: what is never picked, complements pinned to a product, pairs never shown
 * together. Every change is saved at once and takes effect at once, on every block and follow-up.
 */
export function MerchandisingCard() {
  const [answer, setAnswer] = useState<MerchandisingAnswer | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    loadMerchandising().then(setAnswer, () => setError('Tacto could not read your merchandising rules. Reload the page to try again.'));
    loadCatalogTags().then(setTags, () => setTags([]));
  }, []);

  if (!answer) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Merchandising
          </Text>
          {error ? <Banner tone="critical">{error}</Banner> : <Text as="p">Loading your rules…</Text>}
        </BlockStack>
      </Card>
    );
  }

  const rules = answer.merchandising;
  const { limits } = answer;
  const share = Math.round(answer.pinShare * 100);
  const save = async (next: NamedRules, done: string) => {
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      setAnswer(await saveMerchandising(next));
      setSaved(done);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status >= 400 && failure.status < 500 ? failure.message : 'Tacto could not save this change. Try again.');
    } finally {
      setBusy(false);
    }
  };
  const without = <T,>(list: T[], item: T) => list.filter((x) => x !== item);
  const merge = (list: Named[], more: Named[]) => [...list, ...more.filter((m) => !list.some((x) => x.id === m.id))];

  const excludeProducts = async () => {
    const chosen = await pickResources('product', limits.excludedProducts - rules.excludedProducts.length, 'add');
    if (chosen?.length) await save({ ...rules, excludedProducts: merge(rules.excludedProducts, chosen).slice(0, limits.excludedProducts) }, 'Excluded products saved.');
  };
  const excludeCollections = async () => {
    const chosen = await pickResources('collection', limits.excludedCollections - rules.excludedCollections.length, 'add');
    if (!chosen?.length) return;
    const collections = merge(rules.excludedCollections, chosen).map((c) => ({ id: c.id, title: c.title ?? 'Collection' }));
    await save({ ...rules, excludedCollections: collections.slice(0, limits.excludedCollections) }, 'Excluded collections saved.');
  };
  const excludeTag = async () => {
    if (!tag || rules.excludedTags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    await save({ ...rules, excludedTags: [...rules.excludedTags, tag] }, `Tag “${tag}” excluded.`);
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
    await save({ ...rules, pins }, `Pins for ${titleOf(product[0])} saved.`);
  };
  const keepApart = async () => {
    const first = await pickResources('product', 1, 'select');
    if (!first?.[0]) return;
    const second = await pickResources('product', 1, 'select');
    if (!second?.[0] || second[0].id === first[0].id) return;
    const [a, b] = [first[0], second[0]];
    if (rules.neverTogether.some(([x, y]) => (x.id === a.id && y.id === b.id) || (x.id === b.id && y.id === a.id))) return;
    await save({ ...rules, neverTogether: [...rules.neverTogether, [a, b]] }, `${titleOf(a)} and ${titleOf(b)} are kept apart.`);
  };

  const unusedTags = tags.filter((t) => !rules.excludedTags.some((x) => x.toLowerCase() === t.toLowerCase()));
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Merchandising
          </Text>
          <Text as="p" tone="subdued">
            Your own rules over picks, on every block and in every follow-up. Each change is saved and takes effect at once (a
            visitor’s browser may keep a block it already loaded for up to 5 minutes).
          </Text>
        </BlockStack>

        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            Never pick
          </Text>
          <Text as="p">
            An excluded product is never offered to anyone, anywhere, as if it were out of stock. Collections and tags are read from your catalog as it
            is now: a product you add to an excluded collection or tag later is held back from then on.
          </Text>
          <RuleList
            heading="Excluded products"
            empty="No product excluded."
            busy={busy}
            items={rules.excludedProducts.map((p) => ({
              key: String(p.id),
              label: titleOf(p),
              removeLabel: `Remove ${titleOf(p)} from excluded products`,
              onRemove: () => save({ ...rules, excludedProducts: without(rules.excludedProducts, p) }, `${titleOf(p)} may be picked again.`),
            }))}
          />
          <InlineStack>
            <PickerButton label="Exclude products" disabled={busy} onPick={excludeProducts} />
          </InlineStack>
          <RuleList
            heading="Excluded collections"
            empty="No collection excluded."
            busy={busy}
            items={rules.excludedCollections.map((c) => ({
              key: String(c.id),
              label: c.title,
              removeLabel: `Remove ${c.title} from excluded collections`,
              onRemove: () => save({ ...rules, excludedCollections: without(rules.excludedCollections, c) }, `${c.title} may be picked from again.`),
            }))}
          />
          <InlineStack>
            <PickerButton label="Exclude collections" disabled={busy} onPick={excludeCollections} />
          </InlineStack>
          <RuleList
            heading="Excluded tags"
            empty="No tag excluded."
            busy={busy}
            items={rules.excludedTags.map((t) => ({
              key: t,
              label: t,
              removeLabel: `Remove tag ${t} from excluded tags`,
              onRemove: () => save({ ...rules, excludedTags: without(rules.excludedTags, t) }, `Tag “${t}” may be picked again.`),
            }))}
          />
          <InlineStack gap="200" blockAlign="end">
            <Box minWidth="240px">
              <Select
                label="Tag from your catalog"
                options={[{ label: unusedTags.length ? 'Choose a tag' : 'No other tag in your catalog', value: '' }, ...unusedTags.map((t) => ({ label: t, value: t }))]}
                value={tag}
                onChange={setTag}
                disabled={busy || unusedTags.length === 0}
              />
            </Box>
            <PickerButton label="Exclude tag" disabled={busy || !tag} onPick={excludeTag} />
          </InlineStack>
        </BlockStack>

        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            Pinned complements
          </Text>
          <Text as="p">
            Up to {limits.complementsPerPin} products you choose to go with a product: they lead its page’s picks, and a cart or follow-up holding it. A
            pin appears in many views, not every one — in about {share} % of a visitor’s, the most any pick may — so that a block never reveals what a
            shopper owns: someone who owns the pinned product is never shown it, and its absence must not stand out.
          </Text>
          <RuleList
            heading="Pins"
            empty="No complement pinned."
            busy={busy}
            items={rules.pins.map((p) => ({
              key: String(p.product.id),
              label: (
                <>
                  {titleOf(p.product)}: {p.complements.map(titleOf).join(', ')}
                </>
              ),
              removeLabel: `Remove the pins of ${titleOf(p.product)}`,
              onRemove: () => save({ ...rules, pins: without(rules.pins, p) }, `Pins of ${titleOf(p.product)} removed.`),
            }))}
          />
          <InlineStack>
            <PickerButton label="Pin complements" accessibilityLabel="Pin complements to a product" disabled={busy} onPick={() => pin()} />
          </InlineStack>
        </BlockStack>

        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            Never together
          </Text>
          <Text as="p">
            Two products that must not be offered with each other: while one is on the page, in the cart or in the order, the other is never picked.
            Each may still be picked elsewhere.
          </Text>
          <RuleList
            heading="Pairs kept apart"
            empty="No pair kept apart."
            busy={busy}
            items={rules.neverTogether.map((pair) => ({
              key: `${pair[0].id}-${pair[1].id}`,
              label: `${titleOf(pair[0])} and ${titleOf(pair[1])}`,
              removeLabel: `Remove the pair ${titleOf(pair[0])} and ${titleOf(pair[1])}`,
              onRemove: () => save({ ...rules, neverTogether: without(rules.neverTogether, pair) }, 'Pair removed.'),
            }))}
          />
          <InlineStack>
            <PickerButton label="Keep two products apart" disabled={busy} onPick={keepApart} />
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
