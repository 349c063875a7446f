import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEME_FILES_QUERY } from '../../../server/api/onboarding/route.ts';
import { themeSetup } from '../../../server/onboarding/theme-setup.ts';
import { fixtureStore, startServer, type Fixture, type TestServer } from './helpers.ts';

let fixture: Fixture;
let server: TestServer;

beforeAll(async () => {
  fixture = fixtureStore();
  fixture.store.theme.reset('bare');
  server = await startServer(fixture);
});
afterAll(() => server.close());

describe('the live theme through Admin GraphQL', () => {
  it('serves the MAIN theme\'s settings and JSON templates, as Tacto asks for them', async () => {
    const { status, body } = await server.graphql(THEME_FILES_QUERY, {}, 'themes');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [theme] = body.data.themes.nodes;
    expect(theme.id).toMatch(/^gid:\/\/shopify\/OnlineStoreTheme\/\d+$/);
    const filenames = theme.files.nodes.map((file: { filename: string }) => file.filename);
    expect(filenames).toEqual(['config/settings_data.json', 'templates/index.json', 'templates/product.json', 'templates/cart.json']);
    expect(theme.files.nodes[0].body.content).toMatch(/^\/\*/);
  });

  it('changes what it serves when the theme editor saves', async () => {
    const read = async () => {
      const { body } = await server.graphql(THEME_FILES_QUERY, {}, 'themes');
      return themeSetup(body.data.themes.nodes[0].files.nodes.map((f: { filename: string; body: { content: string } }) => ({ filename: f.filename, content: f.body.content })));
    };
    expect(await read()).toMatchObject({ notice: 'absent', picksTemplates: [] });
    fixture.store.theme.activateEmbed('tacto-notice');
    fixture.store.theme.addBlock('product', 'tacto-picks');
    expect(await read()).toMatchObject({ notice: 'on', picksTemplates: ['product'] });
    fixture.store.theme.reset('bare');
  });

  it('filters by role and filename pattern, and names a file it does not have', async () => {
    const query = `query ($roles: [ThemeRole!], $names: [String!]) {
      themes(first: 5, roles: $roles) { nodes { role files(filenames: $names) { nodes { filename size checksumMd5 } userErrors { code filename } } } }
    }`;
    const { body } = await server.graphql(query, { roles: ['MAIN'], names: ['templates/p*.json', 'templates/missing.json'] }, 'themes');
    const files = body.data.themes.nodes[0].files;
    expect(files.nodes.map((f: { filename: string }) => f.filename)).toEqual(['templates/product.json']);
    expect(Number(files.nodes[0].size)).toBeGreaterThan(100);
    expect(files.userErrors).toEqual([{ code: 'NOT_FOUND', filename: 'templates/missing.json' }]);
    const unpublished = await server.graphql(query, { roles: ['UNPUBLISHED'], names: null }, 'themes');
    expect(unpublished.body.data.themes.nodes).toEqual([]);
  });

  it('refuses a token without read_themes, as Shopify does', async () => {
    const { body } = await server.graphql('{ themes(first: 1) { nodes { name } } }', {}, 'full');
    expect(body.errors[0].extensions.code).toBe('ACCESS_DENIED');
    expect(body.errors[0].message).toContain('read_themes');
  });

  it('charges a themes query by Shopify\'s cost rules', async () => {
    const { body } = await server.graphql(THEME_FILES_QUERY, {}, 'themes');
    // themes (2 + 1 × (theme 1 + files (2 + 100 × (file 1 + body union 1)))) = 205.
    expect(body.extensions.cost.requestedQueryCost).toBe(205);
  });
});
