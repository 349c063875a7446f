import { buildSchema, isInterfaceType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { bulkOperationCancel, bulkOperationResolvers, bulkOperationRunQuery } from '../resolvers/bulk.ts';
import { catalogResolvers } from '../resolvers/catalog.ts';
import { customerResolvers } from '../resolvers/customers.ts';
import { productCreate } from '../resolvers/mutations-catalog.ts';
import {
  collectionAddProducts,
  collectionCreate,
  collectionDelete,
  collectionRemoveProducts,
  collectionUpdate,
} from '../resolvers/mutations-collections.ts';
import { customerEmailMarketingConsentUpdate } from '../resolvers/mutations-customers.ts';
import { orderCreate } from '../resolvers/mutations-orders.ts';
import { resolveNodeType } from '../resolvers/node.ts';
import { orderResolvers } from '../resolvers/orders.ts';
import { queryRootResolvers } from '../resolvers/query-root.ts';
import { localeQueryResolvers } from '../resolvers/locales.ts';
import { SDL_LOCALES } from './sdl-locales.ts';
import type { ResolverMap } from '../resolvers/resolver-types.ts';
import { themeQueryResolvers, themeResolvers } from '../resolvers/themes.ts';
import { SDL_CATALOG } from './sdl-catalog.ts';
import { SDL_GEO_ENUMS } from './sdl-geo-enums.ts';
import { SDL_ORDERS } from './sdl-orders.ts';
import { SDL_ROOTS } from './sdl-roots.ts';
import { SDL_THEMES } from './sdl-themes.ts';

const RESOLVERS: ResolverMap = {
  QueryRoot: { ...queryRootResolvers, ...themeQueryResolvers, ...localeQueryResolvers },
  Mutation: {
    productCreate,
    collectionCreate,
    collectionUpdate,
    collectionDelete,
    collectionAddProducts,
    collectionRemoveProducts,
    orderCreate,
    customerEmailMarketingConsentUpdate,
    bulkOperationRunQuery,
    bulkOperationCancel,
  },
  BulkOperation: bulkOperationResolvers,
  ...catalogResolvers,
  ...orderResolvers,
  ...customerResolvers,
  ...themeResolvers,
};

/** The sandbox's Admin GraphQL schema: Shopify's SDL subset with the store-backed resolvers attached. */
export function buildAdminSchema(): GraphQLSchema {
  const schema = buildSchema([SDL_ROOTS, SDL_CATALOG, SDL_ORDERS, SDL_GEO_ENUMS, SDL_THEMES, SDL_LOCALES].join('\n'));
  for (const [typeName, resolvers] of Object.entries(RESOLVERS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`Resolvers given for ${typeName}, which is not an object type of the schema`);
    const fields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(resolvers)) {
      const field = fields[fieldName];
      if (!field) throw new Error(`Resolver given for ${typeName}.${fieldName}, which the schema does not have`);
      // Each resolver is typed with its own source type; graphql-js calls it with exactly that source.
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('The schema has no Node interface');
  node.resolveType = resolveNodeType as typeof node.resolveType;
  return schema;
}
