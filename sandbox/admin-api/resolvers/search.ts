import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { compileSearch, type SearchSpec } from '../search/search-filter.ts';
import { unknownFieldsNote } from '../search/search-notes.ts';
import { parseSearchQuery } from '../search/search-query.ts';
import type { AdminContext } from './context.ts';

/** The items matching a `query:` argument; unknown fields are ignored and reported in extensions.search. */
export function filterBySearch<T>(
  ctx: AdminContext,
  info: GraphQLResolveInfo,
  query: string | null | undefined,
  spec: SearchSpec<T>,
  items: Iterable<T>,
): T[] {
  const node = parseSearchQuery(query);
  if (!node) return Array.from(items);
  const search = compileSearch(node, spec, { timeZone: ctx.store.shop.ianaTimezone, now: ctx.store.now() });
  if (search.unknownFields.length > 0) {
    ctx.searchNotes.push(unknownFieldsNote(responsePathAsArray(info.path), query!, node, search.unknownFields));
  }
  const matches: T[] = [];
  for (const item of items) if (search.test(item)) matches.push(item);
  return matches;
}
