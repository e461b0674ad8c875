import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { accessPlugin } from '../auth/plugin.js';
import { ErrorCode } from '../errors.js';
import { databaseFault } from '../graph/faults.js';
import type { BookmarkTokens } from '../graph/bookmarks.js';
import type { Logger } from '../logger.js';
import type { Context } from '../read/context.js';
import { graphqlTracingPlugin } from '../telemetry/graphql.js';
import { errorContractPlugin } from './errorContract.js';
import { failureLogPlugin, type FailureSummary } from './failureSummary.js';
import { jitGateway } from './jit.js';
import { httpCachePlugin } from './httpCache.js';
import { queryCostPlugin, queryLimits, tokenLimitError, validationAbortedError } from './limits.js';
import { metricsPlugin } from './metrics.js';
import { operationLogPlugin } from './requestContext.js';
import { responseStatusPlugin } from './responseStatus.js';
import { retryAfterPlugin } from './retryAfter.js';
import { bookmarkPlugin } from './bookmarkHeader.js';
import { introspectionCachePlugin } from './introspection.js';
import { trustedDocumentsPlugin, type TrustedDocuments } from './trustedDocuments.js';

export interface ApolloOptions {
  /** Answer __schema/__type (INTROSPECTION); the SDL is public at /schema.graphql either way. */
  introspection?: boolean;
  /** The project's own operations; with `require`, the only ones that run (TRUSTED_DOCUMENTS). */
  trusted?: TrustedDocuments;
  requireTrusted?: boolean;
  /** Who gets extensions.neo4j (QUERY_STATS, QUERY_STATS_TOKEN). */
  queryStats?: QueryStatsOptions;
  /** READ_ACCESS=authenticated: every query needs the role reader (src/auth/plugin.ts enforces every role). */
  readsNeedReader?: boolean;
  /** Where requests failed by an outage (SERVICE_UNAVAILABLE, QUERY_TIMEOUT, OVERLOADED) are counted and logged, periodically. */
  failures?: FailureSummary;
  /** A span per operation (src/telemetry/graphql.ts); only when tracing runs, so that off costs nothing. */
  tracing?: boolean;
  /** Signs a committed mutation's bookmarks into its Graph-Bookmark response header (src/graph/bookmarks.ts). */
  bookmarks?: BookmarkTokens;
}

export interface QueryStatsOptions {
  /** Every response (outside production by default). */
  always: boolean;
  /** A request whose x-query-stats header is this token gets them too. */
  token?: string;
}

export function createApollo(httpServer: Server, log: Logger, schema: GraphQLSchema, executor: 'jit' | 'graphql-js' = 'jit', o: ApolloOptions = {}): ApolloServer<Context> {
  const { validationRules, parseOptions } = queryLimits();
  return new ApolloServer<Context>({
    ...(executor === 'graphql-js' ? { schema } : { gateway: jitGateway(schema) }),
    // On by default: the IDE is built on it, and the same schema is public at /schema.graphql.
    // A deployment that hides its schema turns it off and serves no /schema.graphql either.
    introspection: o.introspection ?? true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl in the schema: its per-field hook would only cost time on every field.
      ApolloServerPluginCacheControlDisabled(),
      // First: later plugins (metrics, status) see the codes as the client will.
      errorContractPlugin() as ApolloServerPlugin<Context>,
      operationLogPlugin(),
      // After the error contract: the span records the codes the client is sent.
      ...(o.tracing ? [graphqlTracingPlugin() as ApolloServerPlugin<Context>] : []),
      ...(o.failures ? [failureLogPlugin<Context>(o.failures)] : []),
      // Roles: once the operation is known, before anything executes (src/auth/plugin.ts).
      accessPlugin<Context>({ readsNeedReader: o.readsNeedReader ?? false }),
      ...(o.requireTrusted && o.trusted ? [trustedDocumentsPlugin(o.trusted)] : []),
      queryCostPlugin(log) as ApolloServerPlugin<Context>,
      introspectionCachePlugin() as ApolloServerPlugin<Context>,
      queryStatsPlugin(o.queryStats ?? { always: true }),
      metricsPlugin(o.trusted?.operationNames),
      responseStatusPlugin() as ApolloServerPlugin<Context>,
      retryAfterPlugin(),
      ...(o.bookmarks ? [bookmarkPlugin(o.bookmarks)] : []),
      // Last: the answer is final (its status, errors and extensions) when its ETag is taken.
      httpCachePlugin() as ApolloServerPlugin<Context>,
    ],
    validationRules,
    parseOptions,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, log),
  });
}

/**
 * What a request cost in Neo4j, for analysts and benchmarks: outside production on every response,
 * in production only to a client that sends QUERY_STATS_TOKEN (query counts and timings tell an
 * attacker which shapes are slow). The time is also a Server-Timing header (`neo4j;dur=`), which
 * browsers' developer tools show and which a 304 carries fresh; the ETag skips extensions.neo4j
 * (src/server/httpCache.ts).
 */
function queryStatsPlugin(o: QueryStatsOptions): ApolloServerPlugin<Context> {
  const token = o.token ? Buffer.from(o.token) : undefined;
  const allowed = (header: string | undefined) => {
    const given = header ? Buffer.from(header) : undefined;
    return !!token && !!given && given.length === token.length && timingSafeEqual(given, token);
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, request }) {
          if (response.body.kind !== 'single') return;
          if (!o.always && !allowed(request.http?.headers.get('x-query-stats'))) return;
          const dbMs = Math.round(contextValue.stats.dbMs * 10) / 10;
          response.http.headers.set('server-timing', `neo4j;dur=${dbMs};desc="Neo4j time"`);
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            neo4j: {
              queries: contextValue.stats.queries,
              // Planning round trips for query texts new to this process, when there were any.
              ...(contextValue.stats.plans ? { plans: contextValue.stats.plans } : {}),
              dbMs,
            },
          };
        },
      };
    },
  };
}

/**
 * Errors keep a stable extensions.code. Database faults become SERVICE_UNAVAILABLE, QUERY_TIMEOUT
 * or OVERLOADED without leaking Cypher or driver internals, and are not logged one by one (during
 * an outage every request fails: src/server/failureSummary.ts counts them); anything unexpected
 * is logged, one error line each, and answered as INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const refused = tokenLimitError(formatted) ?? validationAbortedError(formatted);
  if (refused) return refused;
  const original = unwrapResolverError(error);
  // Apollo's own refusals of a request (a persisted-query hash that does not match its query)
  // carry an HTTP 400 and no code: they are bad requests, not server faults.
  if (original instanceof GraphQLError && formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && httpStatusOf(original) === 400) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } };
  }
  if (formatted.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  // Apollo wraps what a plugin throws in a GraphQLError of its own: its cause is what happened.
  const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
  if (cause instanceof GraphQLError) return formatted;
  const fault = databaseFault(cause);
  if (fault) {
    return { ...formatted, message: fault.message, extensions: { code: fault.code } };
  }
  // The request id is on the log line (the logger's context) and in the response's x-request-id.
  log.error({ err: cause, path: formatted.path }, 'unexpected error');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function httpStatusOf(error: GraphQLError): number | undefined {
  const http = error.extensions.http as { status?: number } | undefined;
  return http?.status;
}
