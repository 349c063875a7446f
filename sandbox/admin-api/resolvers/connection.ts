import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { MAX_PAGE_SIZE, missingPageSize, pageSizeTooLarge } from '../graphql/errors.ts';
import type { AdminContext } from './context.ts';

/**
 * Relay connections the way Shopify serves them: opaque base64 cursors holding `{"last_id","last_value"}`
 * (the format seen in real responses), `first`/`last` required and capped at 250, `hasPreviousPage` and
 * `hasNextPage` reporting whether anything lies before or after the page in the whole list.
 */

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** Where an item sits in its list: its numeric id and the value it is sorted by. */
export interface CursorKey {
  id: number;
  value: string | number;
}

/** A list in output order, with the comparator that produced that order (for cursors of removed items). */
export interface SortedList<T> {
  items: readonly T[];
  keyOf(item: T): CursorKey;
  compare(a: CursorKey, b: CursorKey): number;
}

export interface Edge<T> {
  node: T;
  readonly cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function compareKeys(a: CursorKey, b: CursorKey): number {
  if (a.value < b.value) return -1;
  if (a.value > b.value) return 1;
  return a.id - b.id;
}

/** Sorts by `keyOf` (ties broken by id), descending when `reverse`. */
export function sortedList<T>(items: Iterable<T>, keyOf: (item: T) => CursorKey, reverse = false): SortedList<T> {
  const compare = reverse ? (a: CursorKey, b: CursorKey) => compareKeys(b, a) : compareKeys;
  const keyed = Array.from(items, (item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compare(a.key, b.key));
  return { items: keyed.map((entry) => entry.item), keyOf, compare };
}

/** A list kept in its stored order (variants, line items): the position is the sort value. */
export function positionalList<T>(items: readonly T[], idOf: (item: T) => number, reverse = false): SortedList<T> {
  // Positions are only needed for cursors, which a bulk export never prints: index on first use.
  let positions: Map<T, number> | null = null;
  const keyOf = (item: T): CursorKey => {
    positions ??= new Map(items.map((entry, index) => [entry, index]));
    return { id: idOf(item), value: positions.get(item) ?? -1 };
  };
  const ordered = reverse ? [...items].reverse() : items;
  const compare = reverse ? (a: CursorKey, b: CursorKey) => compareKeys(b, a) : compareKeys;
  return { items: ordered, keyOf, compare };
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: String(key.value) })).toString('base64');
}

function decodeCursor(cursor: string): { id: number; value: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'last_id' in parsed && 'last_value' in parsed) {
      const { last_id: id, last_value: value } = parsed as { last_id: unknown; last_value: unknown };
      if (typeof id === 'number' && (typeof value === 'string' || typeof value === 'number')) return { id, value: String(value) };
    }
  } catch {
    // Falls through to the error below: a cursor that is not base64 JSON is as invalid as a wrong shape.
  }
  throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: 'BAD_REQUEST' } });
}

/** Index of the first item after the cursor's position (the cursor's own item when still present). */
function positionOf<T>(list: SortedList<T>, cursor: string): { index: number; found: boolean } {
  const decoded = decodeCursor(cursor);
  const index = list.items.findIndex((item) => list.keyOf(item).id === decoded.id);
  if (index >= 0) return { index, found: true };
  // The item is gone: compare sort values, typed like the list's own keys.
  const sample = list.items[0];
  const numeric = sample !== undefined && typeof list.keyOf(sample).value === 'number';
  const point: CursorKey = { id: decoded.id, value: numeric ? Number(decoded.value) : decoded.value };
  const after = list.items.findIndex((item) => list.compare(list.keyOf(item), point) > 0);
  return { index: after < 0 ? list.items.length : after, found: false };
}

function checkPageSize(args: ConnectionArgs): void {
  if (args.first == null && args.last == null) throw missingPageSize();
  if (args.first != null && args.first > MAX_PAGE_SIZE) throw pageSizeTooLarge('first');
  if (args.last != null && args.last > MAX_PAGE_SIZE) throw pageSizeTooLarge('last');
}

/** An edge whose cursor is encoded only when asked for: bulk exports walk 100,000s of edges and print none. */
class LazyEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly list: SortedList<T>,
  ) {}

  get cursor(): string {
    return encodeCursor(this.list.keyOf(this.node));
  }
}

function build<T>(list: SortedList<T>, start: number, end: number): Connection<T> {
  const nodes = list.items.slice(start, end);
  const edges = nodes.map((node) => new LazyEdge(node, list));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: end < list.items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * One page of `list`. During a bulk operation page sizes are ignored: a top-level connection returns the
 * bulk window, nested ones return everything.
 */
export function connectionOf<T>(list: SortedList<T>, args: ConnectionArgs, ctx: AdminContext, info: GraphQLResolveInfo): Connection<T> {
  if (ctx.bulk) {
    if (info.path.prev !== undefined) return build(list, 0, list.items.length);
    ctx.bulk.total = Math.max(ctx.bulk.total, list.items.length);
    return build(list, ctx.bulk.offset, Math.min(list.items.length, ctx.bulk.offset + ctx.bulk.limit));
  }
  checkPageSize(args);
  let start = 0;
  let end = list.items.length;
  if (args.after) {
    const { index, found } = positionOf(list, args.after);
    start = found ? index + 1 : index;
  }
  if (args.before) end = Math.min(end, positionOf(list, args.before).index);
  if (end < start) end = start;
  if (args.first != null) end = Math.min(end, start + Math.max(0, args.first));
  if (args.last != null) start = Math.max(start, end - Math.max(0, args.last));
  return build(list, start, end);
}

/** The top-level list of a bulk operation is filtered and sorted once, then windowed chunk after chunk. */
export function bulkCachedList<T>(ctx: AdminContext, info: GraphQLResolveInfo, compute: () => SortedList<T>): SortedList<T> {
  if (!ctx.bulk || info.path.prev !== undefined) return compute();
  const key = String(info.path.key);
  const cached = ctx.bulk.lists.get(key) as SortedList<T> | undefined;
  if (cached) return cached;
  const list = compute();
  ctx.bulk.lists.set(key, list);
  return list;
}
