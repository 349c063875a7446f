import type { GraphQLFieldResolver } from 'graphql';
import type { AdminContext } from './context.ts';

/**
 * Field resolvers of one GraphQL type. graphql-js types resolver arguments as `any` by default (its own
 * GraphQLFieldResolver); each resolver declares the argument shape its field has in the SDL, which
 * graphql-js has already coerced and validated before calling it.
 */
export type Resolvers<TSource> = Record<string, GraphQLFieldResolver<TSource, AdminContext>>;

/** Resolvers of many types; `never` lets each type keep its own source type. */
export type ResolverMap = Record<string, Resolvers<never>>;
