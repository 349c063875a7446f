import { shopifyParsedForm, type SearchNode } from './search-query.ts';

/** One entry of `extensions.search`, as Shopify reports a query it partly ignored. */
export interface SearchNote {
  path: (string | number)[];
  query: string;
  parsed: Record<string, unknown>;
  warnings: { field: string; message: string; code: string }[];
}

export function unknownFieldsNote(path: (string | number)[], query: string, node: SearchNode, unknownFields: string[]): SearchNote {
  return {
    path,
    query,
    parsed: shopifyParsedForm(node),
    warnings: unknownFields.map((field) => ({ field, message: 'Invalid search field for this query.', code: 'invalid_field' })),
  };
}
