import { describe, expect, it } from 'vitest';
import { compileSearch, timeBounds, type SearchSpec } from '../../../sandbox/admin-api/search/search-filter.ts';
import { parseSearchQuery, shopifyParsedForm } from '../../../sandbox/admin-api/search/search-query.ts';

interface Row {
  id: number;
  title: string;
  createdAt: string;
  tags: string[];
}

const spec: SearchSpec<Row> = {
  fields: {
    id: { kind: 'id', get: (r) => r.id },
    title: { kind: 'text', match: 'contains', get: (r) => r.title },
    created_at: { kind: 'time', get: (r) => r.createdAt },
    tag: { kind: 'keywords', get: (r) => r.tags },
    tag_not: { kind: 'keywords', negate: true, get: (r) => r.tags },
  },
  defaultText: (r) => [r.title],
};

const rows: Row[] = [
  { id: 100, title: 'Rain Coat', createdAt: '2023-12-31T23:30:00.000Z', tags: ['rain'] },
  { id: 200, title: 'Wool Scarf', createdAt: '2024-01-15T10:00:00.000Z', tags: ['wool', 'winter'] },
  { id: 300, title: 'Travel Mug', createdAt: '2024-03-01T00:00:00.000Z', tags: [] },
];
const clock = { timeZone: 'Europe/Madrid', now: new Date('2024-06-01T00:00:00Z') };

function ids(query: string): number[] {
  const search = compileSearch(parseSearchQuery(query), spec, clock);
  return rows.filter((row) => search.test(row)).map((row) => row.id);
}

describe('search query parsing', () => {
  it('echoes Shopify’s parsed form: implicit AND, comparators, default field', () => {
    const node = parseSearchQuery('created_at:>=2024-01-01 id:>123 coat')!;
    expect(shopifyParsedForm(node)).toEqual({
      and: [
        { field: 'created_at', range_gte: '2024-01-01' },
        { field: 'id', range_gt: '123' },
        { field: 'default', match_all: 'coat' },
      ],
    });
  });

  it('reads OR, NOT, a leading minus, parentheses and quoted values', () => {
    const node = parseSearchQuery(`(tag:rain OR tag:wool) AND NOT title:'Wool Scarf' -id:300`)!;
    expect(shopifyParsedForm(node)).toEqual({
      and: [
        { or: [{ field: 'tag', match_all: 'rain' }, { field: 'tag', match_all: 'wool' }] },
        { not: { field: 'title', match_all: 'Wool Scarf' } },
        { not: { field: 'id', match_all: '300' } },
      ],
    });
  });

  it('treats a blank query as no filter', () => {
    expect(parseSearchQuery('   ')).toBeNull();
    expect(ids('')).toEqual([100, 200, 300]);
  });
});

describe('search filtering', () => {
  it('compares dates as days in the shop’s time zone', () => {
    // 2023-12-31T23:30Z is already 00:30 on 2024-01-01 in Madrid (UTC+1).
    expect(ids('created_at:>=2024-01-01')).toEqual([100, 200, 300]);
    expect(ids('created_at:<2024-01-01')).toEqual([]);
    expect(ids('created_at:2024-01-15')).toEqual([200]);
    expect(ids("created_at:>'2024-02-01T00:00:00Z'")).toEqual([300]);
  });

  it('compares ids numerically, from plain numbers or gids', () => {
    expect(ids('id:>123')).toEqual([200, 300]);
    expect(ids('id:<=200')).toEqual([100, 200]);
    expect(ids('id:gid://shopify/Product/300')).toEqual([300]);
  });

  it('joins terms with AND unless told OR, and honours negation', () => {
    expect(ids('id:>123 created_at:<2024-02-01')).toEqual([200]);
    expect(ids('tag:rain OR tag:winter')).toEqual([100, 200]);
    expect(ids('tag_not:wool')).toEqual([100, 300]);
    expect(ids('-title:coat')).toEqual([200, 300]);
    expect(ids('mug')).toEqual([300]);
  });

  it('ignores fields it does not know and reports them', () => {
    const search = compileSearch(parseSearchQuery('vendor:acme id:>150'), spec, clock);
    expect(rows.filter((row) => search.test(row)).map((row) => row.id)).toEqual([200, 300]);
    expect(search.unknownFields).toEqual(['vendor']);
  });

  it('ignores a time it cannot read instead of matching nothing', () => {
    expect(timeBounds('yesterday-ish', clock)).toBeNull();
    expect(ids('created_at:>=yesterday-ish')).toEqual([100, 200, 300]);
  });
});
