import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Server } from 'node:http';
import { ErrorCode } from '../errors.js';
import { databaseFault } from '../graph/faults.js';
import type { Logger } from '../logger.js';
import { resolvers } from '../resolvers/index.js';
import type { Context } from './context.js';
import { retryAfterPlugin } from './retry-after.js';
import { loadTypeDefs } from './schema.js';

/**
 * Limits a hostile query hits before any resolver runs. Depth allows the deepest analyst
 * trace (incident -> related -> incident -> fines -> reports -> sources -> source -> publisher).
 */
const armor = new ApolloArmor({
  maxDepth: { n: 14 },
  maxAliases: { n: 30 },
  maxDirectives: { n: 20 },
  // Token counting is graphql-js's own parse option below: armor's version parses inside a
  // plugin hook, which turns every syntax error into an HTTP 500.
  maxTokens: { enabled: false },
  costLimit: { maxCost: 20000 },
  blockFieldSuggestion: { enabled: false },
});

export function createApollo(httpServer: Server, log: Logger): ApolloServer<Context> {
  const protection = armor.protect();
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: true,
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      queryStatsPlugin(),
      retryAfterPlugin(),
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: 5000 },
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, log),
  });
}

/** Every response reports what it cost in Neo4j: apps and benchmarks read it, analysts see it. */
function queryStatsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            neo4j: { queries: contextValue.stats.queries, dbMs: Math.round(contextValue.stats.dbMs * 10) / 10 },
          };
        },
      };
    },
  };
}

/**
 * Errors keep a stable extensions.code. Database faults become SERVICE_UNAVAILABLE or
 * QUERY_TIMEOUT without leaking Cypher or driver internals; anything unexpected is logged and
 * answered as INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const fault = databaseFault(original);
  if (fault) {
    if (fault.code === ErrorCode.SERVICE_UNAVAILABLE) log.warn({ err: original }, 'Neo4j unavailable');
    return { ...formatted, message: fault.message, extensions: { code: fault.code } };
  }
  log.error({ err: original, path: formatted.path }, 'unexpected resolver error');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
