import type { SandboxStore } from '../../store/store.ts';
import type { BulkOperations } from '../bulk/bulk-operations.ts';
import type { SearchNote } from '../search/search-notes.ts';

/**
 * While a bulk operation runs, connections ignore page sizes (Shopify's bulk queries have none) and each
 * top-level connection yields one window of its nodes, so the runner can stream a huge result chunk by chunk.
 */
export interface BulkWindow {
  offset: number;
  limit: number;
  /** Largest number of nodes any top-level connection holds; the runner stops once offset passes it. */
  total: number;
  /** Filtered and sorted top-level lists, computed once per operation rather than once per chunk. */
  lists: Map<string, unknown>;
}

/** What every resolver sees: one request (or one bulk chunk) of one app on the sandbox shop. */
export interface AdminContext {
  store: SandboxStore;
  /** Scopes granted to the access token; `write_x` implies `read_x`, as on Shopify. */
  scopes: ReadonlySet<string>;
  /** Where the sandbox is reachable, for absolute image URLs. */
  publicUrl: string;
  bulkOperations: BulkOperations;
  bulk: BulkWindow | null;
  /** Search-syntax warnings for `extensions.search`. */
  searchNotes: SearchNote[];
  /** Indexes built on first use and kept for the request (or the whole bulk operation): see lookup.ts. */
  memo: Map<string, unknown>;
}
