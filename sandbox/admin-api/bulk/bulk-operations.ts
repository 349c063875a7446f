import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import type { SandboxStore } from '../../store/store.ts';
import { toGid } from '../../store/gid.ts';
import { shopifyValidationError } from '../graphql/validation-errors.ts';
import type { AdminContext, BulkWindow } from '../resolvers/context.ts';
import { BulkExecutor } from './bulk-executor.ts';
import { BulkFile } from './bulk-file.ts';
import {
  isFinished,
  type BulkOperationErrorCode,
  type BulkOperationRecord,
  type FinalBulkOperationStatus,
  type FinishedBulkOperation,
} from './bulk-operation-record.ts';
import { analyzeBulkQuery, type BulkPlan } from './bulk-query-plan.ts';
import { jsonlLines } from './jsonl.ts';

export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: 'OPERATION_IN_PROGRESS' | 'INVALID' | 'LIMIT_REACHED';
}

export interface BulkOperationsOptions {
  schema: GraphQLSchema;
  store: SandboxStore;
  /** Where result files go; `${publicUrl}/bulk-results/<file>` serves them. */
  directory: string;
  publicUrl: string;
  onFinish?(operation: FinishedBulkOperation): void;
  /** Root nodes executed and written per step (default 250). */
  chunkSize?: number;
  /** Pause between steps, in ms (default 0: just yield to the event loop). Tests raise it to watch RUNNING. */
  pauseMs?: number;
  /**
   * Query operations that may run at once (default 1, Shopify's limit before API 2026-01; from 2026-01
   * Shopify allows 5).
   */
  maxConcurrentQueries?: number;
  createContext(scopes: ReadonlySet<string>, bulk: BulkWindow, memo: Map<string, unknown>): AdminContext;
  /** Told about every valid bulk query, so tests can check what the app asked for. */
  observe?(query: string, document: DocumentNode): void;
}

/**
 * The shop's bulk operations: validates a `bulkOperationRunQuery` document, then runs it in the background
 * in chunks — CREATED, RUNNING, then COMPLETED/FAILED/CANCELED — streaming JSONL to a file. By default one
 * query operation runs at a time, as on API versions before 2026-01.
 */
export class BulkOperations {
  private readonly records: BulkOperationRecord[] = [];
  private readonly finished = new Map<number, Promise<FinishedBulkOperation>>();
  private nextId = 4_100_000_001;

  constructor(private readonly options: BulkOperationsOptions) {}

  list(): readonly BulkOperationRecord[] {
    return this.records;
  }

  find(legacyId: number): BulkOperationRecord | undefined {
    return this.records.find((record) => record.legacyId === legacyId);
  }

  owns(value: unknown): value is BulkOperationRecord {
    return this.records.includes(value as BulkOperationRecord);
  }

  /** The app's most recent operation of `type` (Shopify's `currentBulkOperation`). */
  current(type: 'QUERY' | 'MUTATION'): BulkOperationRecord | null {
    return this.records.findLast((record) => record.type === type) ?? null;
  }

  /** Resolves when the operation reaches a final state; for tests and for the sandbox's own tooling. */
  settled(id: string | number): Promise<FinishedBulkOperation> {
    const legacyId = typeof id === 'number' ? id : Number(id.split('/').pop());
    const promise = this.finished.get(legacyId);
    if (!promise) return Promise.reject(new Error(`No bulk operation ${id}`));
    return promise;
  }

  runQuery(query: string, scopes: ReadonlySet<string>): { bulkOperation: BulkOperationRecord | null; userErrors: BulkUserError[] } {
    const invalid = (message: string): BulkUserError => ({ field: ['query'], message, code: 'INVALID' });
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      const detail = query.trim() === '' ? 'syntax error, unexpected end of file' : (error as Error).message;
      return { bulkOperation: null, userErrors: [invalid(`Invalid bulk query: ${detail}`)] };
    }
    const validationErrors = validate(this.options.schema, document);
    if (validationErrors.length > 0) {
      const messages = validationErrors.map((error) => `Invalid bulk query: ${shopifyValidationError(error, document).message}`);
      return { bulkOperation: null, userErrors: messages.map(invalid) };
    }
    this.options.observe?.(query, document);
    const analysis = analyzeBulkQuery(this.options.schema, document);
    if (!analysis.plan) return { bulkOperation: null, userErrors: analysis.errors.map(invalid) };
    const running = this.records.filter((record) => record.type === 'QUERY' && !isFinished(record));
    if (running.length >= (this.options.maxConcurrentQueries ?? 1)) {
      const ids = running.map((record) => record.id).join(', ');
      return {
        bulkOperation: null,
        userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids}.`, code: 'OPERATION_IN_PROGRESS' }],
      };
    }
    const legacyId = this.nextId++;
    const record: BulkOperationRecord = {
      id: toGid('BulkOperation', legacyId),
      legacyId,
      status: 'CREATED',
      type: 'QUERY',
      errorCode: null,
      createdAt: this.options.store.now().toISOString(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      url: null,
      partialDataUrl: null,
      query,
    };
    this.records.push(record);
    const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    const executor = new BulkExecutor(this.options.schema, analysis.plan.operation, fragments);
    this.finished.set(legacyId, this.run(record, executor, analysis.plan, scopes));
    return { bulkOperation: record, userErrors: [] };
  }

  /** Asks a running operation to stop; it becomes CANCELED after the chunk in progress. */
  cancel(legacyId: number): { bulkOperation: BulkOperationRecord | null; userErrors: { field: string[] | null; message: string }[] } {
    const record = this.find(legacyId);
    if (!record) return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
    if (isFinished(record)) {
      const message = `A bulk operation cannot be canceled when it is ${record.status.toLowerCase()}`;
      return { bulkOperation: record, userErrors: [{ field: null, message }] };
    }
    record.status = 'CANCELING';
    return { bulkOperation: record, userErrors: [] };
  }

  private async run(record: BulkOperationRecord, executor: BulkExecutor, plan: BulkPlan, scopes: ReadonlySet<string>) {
    const { chunkSize = 250, pauseMs = 0, publicUrl, directory } = this.options;
    // Let the mutation's response go out first: a client always sees CREATED.
    await sleep(pauseMs);
    // If the directory cannot be made, the file's own write error fails the operation below.
    await mkdir(directory, { recursive: true }).catch(() => undefined);
    const file = new BulkFile(directory, `bulk-${record.legacyId}-${randomUUID()}.jsonl`);
    const window: BulkWindow = { offset: 0, limit: chunkSize, total: 0, lists: new Map() };
    const memo = new Map<string, unknown>();
    // The outcome is kept aside until the file is complete: a client polling must never see COMPLETED
    // without its url.
    let outcome: FinalBulkOperationStatus | null = null;
    let errorCode: BulkOperationErrorCode | null = null;
    if (record.status === 'CREATED') record.status = 'RUNNING';
    try {
      while (outcome === null) {
        if (record.status === 'CANCELING') {
          outcome = 'CANCELED';
          break;
        }
        const data = executor.run(this.options.createContext(scopes, window, memo));
        const chunk = jsonlLines(data, plan.fields);
        await file.append(chunk.lines);
        record.objectCount += chunk.lines.length;
        record.rootObjectCount += chunk.rootObjects;
        window.offset += chunkSize;
        if (window.offset >= window.total) outcome = 'COMPLETED';
        else await sleep(pauseMs);
      }
    } catch (error) {
      // A scope the token lacks fails the operation with ACCESS_DENIED, as on Shopify; anything else is ours.
      const denied = error instanceof GraphQLError && error.extensions.code === 'ACCESS_DENIED';
      outcome = 'FAILED';
      errorCode = denied ? 'ACCESS_DENIED' : 'INTERNAL_SERVER_ERROR';
    }
    let name: string | null = null;
    try {
      name = await file.finish(record.objectCount > 0 && outcome !== 'CANCELED');
    } catch {
      outcome = 'FAILED';
      errorCode = 'INTERNAL_SERVER_ERROR';
    }
    // Everything a poller reads changes at once, with no await in between.
    if (name) {
      const url = `${publicUrl}/bulk-results/${name}`;
      record.fileSize = file.size;
      if (outcome === 'COMPLETED') record.url = url;
      else record.partialDataUrl = url;
    }
    record.errorCode = errorCode;
    record.completedAt = this.options.store.now().toISOString();
    record.status = outcome;
    const finished = record as FinishedBulkOperation;
    try {
      this.options.onFinish?.({ ...finished });
    } catch {
      // A failing listener must not leave the operation looking unfinished.
    }
    return finished;
  }
}
