import type { BulkOperationRecord } from '../bulk/bulk-operation-record.ts';
import type { AdminContext } from './context.ts';
import { dateTime, unsignedInt64 } from './format.ts';
import { idOfType } from './node.ts';
import type { Resolvers } from './resolver-types.ts';

/** `BulkOperation` fields in Shopify's formats: UnsignedInt64 counts as strings, DateTime without millis. */
export const bulkOperationResolvers: Resolvers<BulkOperationRecord> = {
  createdAt: (b) => dateTime(b.createdAt),
  completedAt: (b) => dateTime(b.completedAt),
  objectCount: (b) => unsignedInt64(b.objectCount),
  rootObjectCount: (b) => unsignedInt64(b.rootObjectCount),
  fileSize: (b) => (b.fileSize === null ? null : unsignedInt64(b.fileSize)),
};

export function bulkOperationRunQuery(_root: unknown, args: { query: string }, ctx: AdminContext) {
  return ctx.bulkOperations.runQuery(args.query, ctx.scopes);
}

export function bulkOperationCancel(_root: unknown, args: { id: string }, ctx: AdminContext) {
  const id = idOfType(args.id, 'BulkOperation');
  if (id === null) return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
  return ctx.bulkOperations.cancel(id);
}
