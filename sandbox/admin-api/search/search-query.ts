/**
 * Shopify's search syntax (shopify.dev/api/usage/search-syntax), parsed without I/O: terms joined by
 * whitespace or `AND`, alternatives with `OR`, negation with `NOT` or a leading `-`, parentheses, and
 * `field:value` terms with comparators `:>`, `:>=`, `:<`, `:<=`. Values may be quoted with ' or ".
 */

export type Comparator = ':' | '>' | '>=' | '<' | '<=';

export type SearchNode =
  | { kind: 'and'; children: SearchNode[] }
  | { kind: 'or'; children: SearchNode[] }
  | { kind: 'not'; child: SearchNode }
  | { kind: 'term'; field: string | null; comparator: Comparator; value: string };

type Token = { kind: '(' } | { kind: ')' } | { kind: 'word'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push(char === '(' ? { kind: '(' } : { kind: ')' });
      i += 1;
    } else {
      let text = '';
      while (i < input.length && !/[\s()]/.test(input[i]!)) {
        const c = input[i]!;
        if (c === '"' || c === "'") {
          const close = input.indexOf(c, i + 1);
          const end = close < 0 ? input.length : close + 1;
          text += input.slice(i, end);
          i = end;
        } else {
          text += c;
          i += 1;
        }
      }
      tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'") && value.length >= 2 && value.endsWith(first)) return value.slice(1, -1);
  if (first === '"' || first === "'") return value.slice(1);
  return value;
}

/** Index of the first `:` outside quotes, or -1. */
function fieldSeparator(text: string): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ':') {
      return i;
    }
  }
  return -1;
}

function parseTerm(text: string): SearchNode {
  const colon = fieldSeparator(text);
  if (colon <= 0) return { kind: 'term', field: null, comparator: ':', value: unquote(text) };
  const field = text.slice(0, colon);
  let rest = text.slice(colon + 1).trimStart();
  let comparator: Comparator = ':';
  for (const candidate of ['>=', '<=', '>', '<'] as const) {
    if (rest.startsWith(candidate)) {
      comparator = candidate;
      rest = rest.slice(candidate.length);
      break;
    }
  }
  return { kind: 'term', field, comparator, value: unquote(rest) };
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): SearchNode | null {
    const node = this.orExpression();
    return node;
  }

  private peekWord(): string | null {
    const token = this.tokens[this.index];
    return token?.kind === 'word' ? token.text : null;
  }

  private orExpression(): SearchNode | null {
    const children: SearchNode[] = [];
    const first = this.andExpression();
    if (first) children.push(first);
    while (this.peekWord() === 'OR') {
      this.index += 1;
      const next = this.andExpression();
      if (next) children.push(next);
    }
    if (children.length <= 1) return children[0] ?? null;
    return { kind: 'or', children };
  }

  private andExpression(): SearchNode | null {
    const children: SearchNode[] = [];
    for (;;) {
      const token = this.tokens[this.index];
      if (!token || token.kind === ')' || (token.kind === 'word' && token.text === 'OR')) break;
      if (token.kind === 'word' && token.text === 'AND') {
        this.index += 1;
        continue;
      }
      const unary = this.unary();
      if (unary) children.push(unary);
    }
    if (children.length <= 1) return children[0] ?? null;
    return { kind: 'and', children };
  }

  private unary(): SearchNode | null {
    const token = this.tokens[this.index]!;
    this.index += 1;
    if (token.kind === '(') {
      const inner = this.orExpression();
      if (this.tokens[this.index]?.kind === ')') this.index += 1;
      return inner;
    }
    if (token.kind === ')') return null;
    if (token.text === 'NOT') {
      if (this.index >= this.tokens.length) return null;
      const child = this.unary();
      return child && { kind: 'not', child };
    }
    if (token.text.startsWith('-') && token.text.length > 1) {
      return { kind: 'not', child: parseTerm(token.text.slice(1)) };
    }
    return parseTerm(token.text);
  }
}

/** Parses a `query:` argument; null for an empty or blank query. */
export function parseSearchQuery(query: string | null | undefined): SearchNode | null {
  if (!query || !query.trim()) return null;
  return new Parser(tokenize(query)).parse();
}

const RANGE_KEYS: Record<Exclude<Comparator, ':'>, string> = {
  '>': 'range_gt',
  '>=': 'range_gte',
  '<': 'range_lt',
  '<=': 'range_lte',
};

/** The `parsed` object Shopify echoes in `extensions.search`: `{field, match_all}`, `{and: [...]}`, ... */
export function shopifyParsedForm(node: SearchNode): Record<string, unknown> {
  switch (node.kind) {
    case 'and':
      return { and: node.children.map(shopifyParsedForm) };
    case 'or':
      return { or: node.children.map(shopifyParsedForm) };
    case 'not':
      return { not: shopifyParsedForm(node.child) };
    case 'term': {
      const field = node.field ?? 'default';
      if (node.comparator === ':') return { field, match_all: node.value };
      return { field, [RANGE_KEYS[node.comparator]]: node.value };
    }
  }
}

/** Every field name the query uses, `null` standing for unnamed (default) terms. */
export function searchFieldsOf(node: SearchNode): (string | null)[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(searchFieldsOf);
    case 'not':
      return searchFieldsOf(node.child);
    case 'term':
      return [node.field];
  }
}
