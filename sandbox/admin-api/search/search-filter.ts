import { zonedWallTimeToUtc } from '../../seed/zoned-time.ts';
import type { Comparator, SearchNode } from './search-query.ts';

/**
 * Evaluates a parsed search query against records, without I/O. Each resource declares its searchable
 * fields; a term naming any other field matches everything and is reported, as Shopify ignores unknown
 * fields with an `invalid_field` warning instead of failing the request.
 */

export type SearchField<T> =
  /** Timestamps; date-only values are days in the shop's time zone. */
  | { kind: 'time'; get(item: T): string | null }
  /** Legacy numeric ids; accepts `123` or a gid. */
  | { kind: 'id'; get(item: T): number | null }
  | { kind: 'number'; get(item: T): number | null }
  /** Case-insensitive; `exact` compares whole values, `contains` finds the value inside. `*` suffix = prefix. */
  | { kind: 'text'; match: 'exact' | 'contains'; get(item: T): string | null }
  /** Keyword lists such as tags; the value may list several, comma-separated, any of which matches. */
  | { kind: 'keywords'; negate?: boolean; get(item: T): readonly string[] };

export interface SearchSpec<T> {
  fields: Record<string, SearchField<T>>;
  /** Texts an unnamed term is looked for in. */
  defaultText(item: T): readonly (string | null)[];
}

export interface SearchClock {
  timeZone: string;
  now: Date;
}

export interface CompiledSearch<T> {
  test(item: T): boolean;
  /** Named fields the resource does not know; their terms were ignored. */
  unknownFields: string[];
}

interface Bounds {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** The instant(s) a time value names, or null when it is not a time Shopify would accept. */
export function timeBounds(value: string, clock: SearchClock): Bounds | null {
  const text = value.trim();
  if (text === 'now') return { start: clock.now.getTime(), end: clock.now.getTime() + 1000 };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = zonedWallTimeToUtc(`${text} 00:00`, clock.timeZone).getTime();
    const next = new Date(Date.parse(`${text}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    return { start, end: zonedWallTimeToUtc(`${next} 00:00`, clock.timeZone).getTime() };
  }
  const wall = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?$/.exec(text);
  if (wall) {
    const start = zonedWallTimeToUtc(`${wall[1]} ${wall[2]}`, clock.timeZone).getTime();
    return { start, end: start + 1000 };
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  return { start: parsed, end: parsed + 1000 };
}

function compareNumbers(actual: number, comparator: Comparator, bounds: Bounds): boolean {
  switch (comparator) {
    case ':':
      return actual >= bounds.start && actual < bounds.end;
    case '>':
      return actual > bounds.start;
    case '>=':
      return actual >= bounds.start;
    case '<':
      return actual < bounds.start;
    case '<=':
      return actual <= bounds.start;
  }
}

function numericValue(value: string): number | null {
  const gid = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)$/.exec(value);
  const number = Number(gid ? gid[1] : value);
  return Number.isFinite(number) && value.trim() !== '' ? number : null;
}

function textMatches(actual: string | null, comparator: Comparator, value: string, match: 'exact' | 'contains'): boolean {
  if (actual === null) return false;
  const have = actual.toLowerCase();
  const want = value.toLowerCase();
  if (comparator !== ':') return compareNumbers(have.localeCompare(want), comparator, { start: 0, end: 1 });
  if (want === '*') return have !== '';
  if (want.endsWith('*')) return have.startsWith(want.slice(0, -1));
  return match === 'exact' ? have === want : have.includes(want);
}

/** A matcher for one `field:value` term; the value is read once here, not once per record. */
function termMatcher<T>(field: SearchField<T>, comparator: Comparator, value: string, clock: SearchClock): (item: T) => boolean {
  switch (field.kind) {
    case 'time': {
      const bounds = timeBounds(value, clock);
      if (!bounds) return () => true; // Shopify ignores a value it cannot read as a time.
      return (item) => {
        const actual = field.get(item);
        return actual !== null && compareNumbers(Date.parse(actual), comparator, bounds);
      };
    }
    case 'id':
    case 'number': {
      const wanted = numericValue(value);
      if (wanted === null) return () => true;
      const bounds = { start: wanted, end: wanted + (comparator === ':' ? 1e-9 : 0) };
      return (item) => {
        const actual = field.get(item);
        return actual !== null && compareNumbers(actual, comparator, bounds);
      };
    }
    case 'text': {
      const parts = value.split(',').map((part) => part.trim());
      return (item) => parts.some((part) => textMatches(field.get(item), comparator, part, field.match));
    }
    case 'keywords': {
      const wanted = value.split(',').map((part) => part.trim().toLowerCase());
      return (item) => {
        const found = field.get(item).some((keyword) => wanted.includes(keyword.toLowerCase()));
        return field.negate ? !found : found;
      };
    }
  }
}

/** Compiles `node` against `spec`; a null node matches everything. */
export function compileSearch<T>(node: SearchNode | null, spec: SearchSpec<T>, clock: SearchClock): CompiledSearch<T> {
  const unknownFields: string[] = [];
  const compile = (current: SearchNode): ((item: T) => boolean) => {
    switch (current.kind) {
      case 'and': {
        const parts = current.children.map(compile);
        return (item) => parts.every((part) => part(item));
      }
      case 'or': {
        const parts = current.children.map(compile);
        return (item) => parts.some((part) => part(item));
      }
      case 'not': {
        const part = compile(current.child);
        return (item) => !part(item);
      }
      case 'term': {
        const { field: name, comparator, value } = current;
        if (name === null) {
          const wanted = value.toLowerCase();
          return (item) => spec.defaultText(item).some((text) => text !== null && text.toLowerCase().includes(wanted));
        }
        const field = spec.fields[name];
        if (!field) {
          if (!unknownFields.includes(name)) unknownFields.push(name);
          return () => true;
        }
        return termMatcher(field, comparator, value, clock);
      }
    }
  };
  return { test: node ? compile(node) : () => true, unknownFields };
}
