import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import { ErrorCode } from '../errors.js';
import { databaseFault } from '../graph/faults.js';
import type { Logger } from '../logger.js';
import type { Context } from '../read/context.js';
import { errorContractPlugin } from './errorContract.js';
import { jitGateway } from './jit.js';
import { queryCostPlugin, queryLimits, tokenLimitError } from './limits.js';
import { metricsPlugin } from './metrics.js';
import { operationLogPlugin } from './requestContext.js';
import { responseStatusPlugin } from './responseStatus.js';
import { retryAfterPlugin } from './retryAfter.js';

export function createApollo(httpServer: Server, log: Logger, schema: GraphQLSchema, executor: 'jit' | 'graphql-js' = 'jit'): ApolloServer<Context> {
  const { validationRules, parseOptions } = queryLimits();
  return new ApolloServer<Context>({
    ...(executor === 'graphql-js' ? { schema } : { gateway: jitGateway(schema) }),
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl in the schema: its per-field hook would only cost time on every field.
      ApolloServerPluginCacheControlDisabled(),
      // First: later plugins (metrics, status) see the codes as the client will.
      errorContractPlugin() as ApolloServerPlugin<Context>,
      operationLogPlugin(),
      queryCostPlugin(log) as ApolloServerPlugin<Context>,
      queryStatsPlugin(),
      metricsPlugin(),
      responseStatusPlugin() as ApolloServerPlugin<Context>,
      retryAfterPlugin(),
    ],
    validationRules,
    parseOptions,
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
            neo4j: {
              queries: contextValue.stats.queries,
              // Planning round trips for query texts new to this process, when there were any.
              ...(contextValue.stats.plans ? { plans: contextValue.stats.plans } : {}),
              dbMs: Math.round(contextValue.stats.dbMs * 10) / 10,
            },
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
  const tokens = tokenLimitError(formatted);
  if (tokens) return tokens;
  const original = unwrapResolverError(error);
  // Apollo's own refusals of a request (a persisted-query hash that does not match its query)
  // carry an HTTP 400 and no code: they are bad requests, not server faults.
  if (original instanceof GraphQLError && formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && httpStatusOf(original) === 400) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } };
  }
  if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const fault = databaseFault(original);
  if (fault) {
    if (fault.code === ErrorCode.SERVICE_UNAVAILABLE) log.warn({ err: original }, 'Neo4j unavailable');
    return { ...formatted, message: fault.message, extensions: { code: fault.code } };
  }
  log.error({ err: original, path: formatted.path }, 'unexpected resolver error');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function httpStatusOf(error: GraphQLError): number | undefined {
  const http = error.extensions.http as { status?: number } | undefined;
  return http?.status;
}
