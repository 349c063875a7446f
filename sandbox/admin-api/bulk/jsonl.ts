import type { PlanField } from './bulk-query-plan.ts';

/**
 * Shopify's bulk JSONL format, without I/O: every node of a connection is one line; a node of a nested
 * connection carries `"__parentId"` (last key) with its parent node's id and follows its parent; objects
 * that are not connections stay inline; `edges`, `node`, cursors and `pageInfo` disappear.
 */

export interface JsonlChunk {
  lines: string[];
  /** Nodes of top-level connections (Shopify's rootObjectCount). */
  rootObjects: number;
}

type Json = Record<string, unknown>;

/** Copies `value` keeping inline fields; nested connections are queued to follow as their own lines. */
function inline(value: Json, fields: PlanField[], parentId: unknown, deferred: (() => void)[], out: string[]): Json {
  const copy: Json = {};
  for (const field of fields) {
    if (!(field.key in value)) continue;
    const child = value[field.key];
    if (field.kind === 'connection') {
      deferred.push(() => emitConnection(child, field, parentId, out));
    } else if (field.kind === 'object' && child !== null && typeof child === 'object') {
      copy[field.key] = Array.isArray(child)
        ? child.map((item) => (item && typeof item === 'object' ? inline(item as Json, field.fields, parentId, deferred, out) : item))
        : inline(child as Json, field.fields, parentId, deferred, out);
    } else {
      copy[field.key] = child;
    }
  }
  return copy;
}

function emitNode(node: Json, fields: PlanField[], parentId: unknown, out: string[]): void {
  const deferred: (() => void)[] = [];
  const line = inline(node, fields, node.id, deferred, out);
  if (parentId !== undefined) line.__parentId = parentId;
  out.push(JSON.stringify(line));
  for (const next of deferred) next();
}

function emitConnection(value: unknown, field: Extract<PlanField, { kind: 'connection' }>, parentId: unknown, out: string[]): number {
  if (!value || typeof value !== 'object') return 0;
  const edges = (value as Json)[field.edgesKey];
  if (!Array.isArray(edges)) return 0;
  let count = 0;
  for (const edge of edges) {
    const node = edge && typeof edge === 'object' ? (edge as Json)[field.nodeKey] : null;
    if (!node || typeof node !== 'object') continue;
    emitNode(node as Json, field.node, parentId, out);
    count += 1;
  }
  return count;
}

/** Walks top-level fields (and objects) to the connections whose nodes become root lines. */
function emitRoots(value: Json, fields: PlanField[], out: string[]): number {
  let roots = 0;
  for (const field of fields) {
    const child = value[field.key];
    if (field.kind === 'connection') roots += emitConnection(child, field, undefined, out);
    else if (field.kind === 'object' && child && typeof child === 'object' && !Array.isArray(child)) {
      roots += emitRoots(child as Json, field.fields, out);
    }
  }
  return roots;
}

/** The JSONL lines (without newlines) of one executed chunk of a bulk query. */
export function jsonlLines(data: Json | null | undefined, plan: PlanField[]): JsonlChunk {
  const lines: string[] = [];
  const rootObjects = data ? emitRoots(data, plan, lines) : 0;
  return { lines, rootObjects };
}
