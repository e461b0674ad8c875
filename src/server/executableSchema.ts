import { makeExecutableSchema } from '@graphql-tools/schema';
import { printSchema, type GraphQLSchema } from 'graphql';
import { resolvers } from '../modules/index.js';
import { loadTypeDefs } from '../modules/schema.js';

/**
 * The schema the server executes: schema/*.graphql with the resolvers, built the way Apollo
 * Server builds it from typeDefs (graphql-tools), once, so /schema.graphql prints exactly what
 * requests run against and introspection answers.
 */
export function buildApiSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}

/** The SDL served at /schema.graphql: graphql-js's printer, with descriptions, @deprecated and @specifiedBy. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
