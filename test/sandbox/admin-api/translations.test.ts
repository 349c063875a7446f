/**
 * The sandbox's languages and translations in Shopify's Admin GraphQL shapes: `shopLocales` behind read_locales,
 * `translatableResources` / `translatableResourcesByIds` / `translatableResource` behind read_translations, with
 * Shopify's keys (`title`, `handle`, `body_html`) and paging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore, startServer, type Fixture, type TestServer } from './helpers.ts';

let fixture: Fixture;
let server: TestServer;

beforeAll(async () => {
  fixture = fixtureStore();
  // A translated handle, as Translate & Adapt keeps one.
  fixture.products[0]!.translations['es']!.handle = 'chubasquero';
  fixture.products[1]!.translations['pt-BR'] = { title: 'Cachecol de lã' };
  server = await startServer(fixture);
});
afterAll(() => server.close());

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

describe('shopLocales', () => {
  it("lists the shop's published languages, the primary one marked", async () => {
    const { body } = await server.graphql('{ shopLocales { locale name primary published } }', {}, 'translations');
    expect(body.errors).toBeUndefined();
    expect(body.data.shopLocales).toEqual([
      { locale: 'en', name: 'English', primary: true, published: true },
      { locale: 'es', name: 'Spanish', primary: false, published: true },
      { locale: 'pt-BR', name: 'Portuguese (Brazil)', primary: false, published: true },
    ]);
  });

  it('needs read_locales, as Shopify does', async () => {
    const { body } = await server.graphql('{ shopLocales { locale } }', {}, 'full');
    expect(body.errors[0].extensions.code).toBe('ACCESS_DENIED');
    expect(body.errors[0].message).toContain('read_locales');
  });
});

describe('translatableResources', () => {
  const PAGE = `query($locale: String!, $after: String) {
    translatableResources(resourceType: PRODUCT, first: 2, after: $after) {
      nodes { resourceId translations(locale: $locale) { key value locale outdated } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it("pages through every product with its translations in one language, under Shopify's keys", async () => {
    const first = await server.graphql(PAGE, { locale: 'es' }, 'translations');
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data.translatableResources;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await server.graphql(PAGE, { locale: 'es', after: page1.pageInfo.endCursor }, 'translations');
    const page2 = second.body.data.translatableResources;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const nodes = [...page1.nodes, ...page2.nodes];
    expect(nodes.map((node: { resourceId: string }) => node.resourceId)).toEqual(fixture.products.map((p) => gid('Product', p.id)).sort());
    const coat = nodes.find((node: { resourceId: string }) => node.resourceId === gid('Product', fixture.products[0]!.id));
    expect(coat.translations).toEqual([
      { key: 'title', value: 'Chubasquero', locale: 'es', outdated: false },
      { key: 'handle', value: 'chubasquero', locale: 'es', outdated: false },
      { key: 'body_html', value: 'Impermeable.', locale: 'es', outdated: false },
    ]);
    // A product without a Spanish translation has none.
    expect(nodes.filter((node: { translations: unknown[] }) => node.translations.length === 0)).toHaveLength(fixture.products.length - 1);
  });

  it('reads chosen products by id, and one resource with its original content', async () => {
    const scarf = fixture.products[1]!;
    const { body } = await server.graphql(
      `query($ids: [ID!]!) {
        translatableResourcesByIds(resourceIds: $ids, first: 5) { nodes { resourceId translations(locale: "pt-BR") { key value } } }
        translatableResource(resourceId: "${gid('Product', scarf.id)}") { resourceId translatableContent { key value locale type digest } }
      }`,
      { ids: [gid('Product', scarf.id), gid('Product', 999_999)] },
      'translations',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.translatableResourcesByIds.nodes).toEqual([{ resourceId: gid('Product', scarf.id), translations: [{ key: 'title', value: 'Cachecol de lã' }] }]);
    expect(body.data.translatableResource.translatableContent.map((c: { key: string; type: string; locale: string }) => [c.key, c.type, c.locale])).toEqual([
      ['title', 'SINGLE_LINE_TEXT_FIELD', 'en'],
      ['handle', 'URI', 'en'],
      ['body_html', 'HTML', 'en'],
    ]);
    expect(body.data.translatableResource.translatableContent[0].digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('needs read_translations, and a page size, as Shopify does', async () => {
    const denied = await server.graphql('{ translatableResources(resourceType: PRODUCT, first: 1) { nodes { resourceId } } }', {}, 'full');
    expect(denied.body.errors[0].extensions.code).toBe('ACCESS_DENIED');
    expect(denied.body.errors[0].message).toContain('read_translations');
    const unpaged = await server.graphql('{ translatableResources(resourceType: PRODUCT) { nodes { resourceId } } }', {}, 'translations');
    expect(unpaged.body.errors[0].message).toMatch(/first|last/);
  });
});
