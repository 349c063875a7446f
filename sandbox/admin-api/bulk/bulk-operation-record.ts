/** A bulk operation as Shopify's `BulkOperation` object describes it. Times are ISO strings. */
export type BulkOperationStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';
export type FinalBulkOperationStatus = 'COMPLETED' | 'FAILED' | 'CANCELED' | 'EXPIRED';
export type BulkOperationErrorCode = 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';

export interface BulkOperationRecord {
  /** `gid://shopify/BulkOperation/<n>` */
  id: string;
  legacyId: number;
  status: BulkOperationStatus;
  type: 'QUERY' | 'MUTATION';
  errorCode: BulkOperationErrorCode | null;
  createdAt: string;
  completedAt: string | null;
  /** JSONL lines written so far (every object, nested ones included). */
  objectCount: number;
  /** Nodes of the top-level connection written so far. */
  rootObjectCount: number;
  /** Bytes of the result file, once there is one. */
  fileSize: number | null;
  url: string | null;
  partialDataUrl: string | null;
  query: string;
}

/** What onBulkOperationFinish receives: the operation in its final state. */
export type FinishedBulkOperation = BulkOperationRecord & { status: FinalBulkOperationStatus };

export function isFinished(record: BulkOperationRecord): record is FinishedBulkOperation {
  return record.status === 'COMPLETED' || record.status === 'FAILED' || record.status === 'CANCELED' || record.status === 'EXPIRED';
}
