import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  print,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { SandboxStore } from '../../store/store.ts';
import { BulkOperations } from '../bulk/bulk-operations.ts';
import type { FinishedBulkOperation } from '../bulk/bulk-operation-record.ts';
import { actualQueryCost, requestedQueryCost, type CostInput } from '../cost/query-cost.ts';
import { Throttle } from '../cost/throttle.ts';
import type { BucketConfig } from '../cost/leaky-bucket.ts';
import type { AdminContext, BulkWindow } from '../resolvers/context.ts';
import { buildAdminSchema } from '../schema/build-schema.ts';
import { MAX_SINGLE_QUERY_COST, maxCostExceededError, throttledError } from './errors.ts';
import { fieldCoordinates, type ObservedQuery } from './field-coordinates.ts';
import { parseErrorOf, shopifyValidationError, type ShopifyError } from './validation-errors.ts';

export interface AdminGraphqlOptions {
  store: SandboxStore;
  publicUrl: string;
  bulkResultsDir: string;
  throttle: BucketConfig;
  now: () => number;
  onBulkOperationFinish?(operation: FinishedBulkOperation): void;
  onQuery?(query: ObservedQuery): void;
  bulk?: { chunkSize?: number; pauseMs?: number; maxConcurrentQueries?: number };
}

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A GraphQL answer: Shopify sends these with HTTP 200, errors included. */
export interface GraphqlBody {
  errors?: ShopifyError[];
  data?: Record<string, unknown> | null;
  extensions?: Record<string, unknown>;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const entries = document.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => [d.name.value, d] as const);
  return Object.fromEntries(entries);
}

/** Variable errors in Shopify's words: `Variable $x of type T was provided invalid value`. */
function variableError(error: GraphQLError, operation: OperationDefinitionNode, inputs: Record<string, unknown>): ShopifyError {
  const definition = operation.variableDefinitions?.find((d) => error.nodes?.includes(d));
  if (!definition) return { message: error.message, extensions: { code: 'INVALID_VARIABLE' } };
  const name = definition.variable.name.value;
  const explanation = / was not provided\.$/.test(error.message)
    ? 'Expected value to not be null'
    : (error.message.split('; ').slice(1).join('; ') || error.message);
  return {
    message: `Variable $${name} of type ${print(definition.type)} was provided invalid value`,
    locations: error.locations?.map(({ line, column }) => ({ line, column })),
    extensions: { code: 'INVALID_VARIABLE', value: inputs[name] ?? null, problems: [{ path: [], explanation }] },
  };
}

/**
 * The Admin GraphQL endpoint without HTTP: parse, validate, price, throttle, execute, and answer in
 * Shopify's shape. One instance serves the sandbox shop; its bucket and bulk operations live here.
 */
export class AdminGraphql {
  readonly schema: GraphQLSchema = buildAdminSchema();
  readonly bulkOperations: BulkOperations;
  private readonly throttle: Throttle;

  constructor(private readonly options: AdminGraphqlOptions) {
    this.throttle = new Throttle(options.throttle, options.now);
    this.bulkOperations = new BulkOperations({
      schema: this.schema,
      store: options.store,
      directory: options.bulkResultsDir,
      publicUrl: options.publicUrl,
      onFinish: options.onBulkOperationFinish,
      chunkSize: options.bulk?.chunkSize,
      pauseMs: options.bulk?.pauseMs,
      maxConcurrentQueries: options.bulk?.maxConcurrentQueries,
      createContext: (scopes, bulk, memo) => this.context(scopes, bulk, memo),
      observe: (query, document) => this.observe({ query }, document, true),
    });
  }

  context(scopes: ReadonlySet<string>, bulk: BulkWindow | null = null, memo = new Map<string, unknown>()): AdminContext {
    const { store, publicUrl } = this.options;
    return { store, scopes, publicUrl, bulkOperations: this.bulkOperations, bulk, searchNotes: [], memo };
  }

  private observe(request: GraphqlRequest, document: DocumentNode, bulk: boolean): void {
    if (!this.options.onQuery) return;
    this.options.onQuery({
      query: request.query,
      operationName: request.operationName ?? null,
      variables: request.variables ?? {},
      fields: fieldCoordinates(this.schema, document),
      bulk,
    });
  }

  private costExtension(requested: number, actual: number | null) {
    const shop = this.options.store.shop.myshopifyDomain;
    return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: this.throttle.status(shop) } };
  }

  async handle(request: GraphqlRequest, scopes: ReadonlySet<string>): Promise<GraphqlBody> {
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [parseErrorOf(error)] };
      throw error;
    }
    const validationErrors = validate(this.schema, document);
    if (validationErrors.length > 0) return { errors: validationErrors.map((error) => shopifyValidationError(error, document)) };
    const operation = getOperationAST(document, request.operationName);
    if (!operation) {
      const message = request.operationName ? `No operation named "${request.operationName}"` : 'An operation name is required';
      return { errors: [{ message }] };
    }
    const inputs = request.variables ?? {};
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], inputs);
    if (coerced.errors) return { errors: coerced.errors.map((error) => variableError(error, operation, inputs)) };
    this.observe(request, document, false);

    const costInput: CostInput = { schema: this.schema, operation, fragments: fragmentsOf(document), variables: coerced.coerced };
    const requested = requestedQueryCost(costInput);
    if (requested > MAX_SINGLE_QUERY_COST) {
      return { errors: [maxCostExceededError(requested)], extensions: this.costExtension(requested, null) };
    }
    const shop = this.options.store.shop.myshopifyDomain;
    if (!this.throttle.reserve(shop, requested)) {
      return { errors: [throttledError()], extensions: this.costExtension(requested, null) };
    }
    const context = this.context(scopes);
    const result = await execute({
      schema: this.schema,
      document,
      operationName: request.operationName,
      variableValues: inputs,
      contextValue: context,
    });
    const actual = Math.min(requested, actualQueryCost(costInput, result.data));
    this.throttle.settle(shop, requested, actual);
    const extensions: Record<string, unknown> = this.costExtension(requested, actual);
    if (context.searchNotes.length > 0) extensions.search = context.searchNotes;
    return {
      ...(result.errors ? { errors: result.errors.map((error) => error.toJSON() as ShopifyError) } : {}),
      data: result.data ?? null,
      extensions,
    };
  }
}
