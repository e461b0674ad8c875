import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createHash } from 'node:crypto';
import { getVariableValues, GraphQLError, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode, QueryLimit, limitExceeded } from '../errors.js';
import type { Logger } from '../logger.js';
import type { QueryStats } from '../graph/graph.js';
import { throttleStatusOf } from './clientLimit.js';
import { COST_LIMIT, queryCost } from './cost.js';
import { rateLimitHeaders } from './rateLimitHeaders.js';
import { Memo } from '../read/memo.js';
import { shapeLimits } from './shapeLimits.js';

/**
 * The limits a query meets before any resolver runs, and their errors: GRAPHQL_VALIDATION_FAILED
 * (HTTP 400) with extensions.limit naming the limit and extensions.allowed its maximum.
 * Depth allows the deepest analyst trace (incident -> related -> incident -> fines -> reports ->
 * sources -> source -> publisher).
 */
export const LIMITS = {
  depth: 14,
  aliases: 30,
  directives: 20,
  tokens: 5000,
  cost: COST_LIMIT,
} as const;

type ArmorLimit = typeof QueryLimit.DEPTH | typeof QueryLimit.ALIASES | typeof QueryLimit.DIRECTIVES | typeof QueryLimit.COST;

const MESSAGES: Record<ArmorLimit, string> = {
  DEPTH: `The query is nested too deeply: at most ${LIMITS.depth} levels are allowed.`,
  ALIASES: `The query has too many aliases: at most ${LIMITS.aliases} are allowed (__typename included).`,
  DIRECTIVES: `The query has too many directives: at most ${LIMITS.directives} are allowed.`,
  COST: `The query can return too much: its cost limit is ${LIMITS.cost}. Each value the response can hold counts 1, and lists multiply what is under them by their first, last or limit (neighbourhood also by depth): ask for fewer items or fields, or page.`,
};

/** Armor counts; the error it would throw starts with "Syntax Error:" and gives the count, so ours replaces it. */
function rejectWith(limit: ArmorLimit, allowed: number) {
  return {
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null) => ctx?.reportError(limitExceeded(limit, allowed, MESSAGES[limit]))],
  };
}

const armor = new ApolloArmor({
  maxDepth: { n: LIMITS.depth, ...rejectWith(QueryLimit.DEPTH, LIMITS.depth) },
  // Every alias counts: 1,000 aliases of __typename are 1,000 fields to answer.
  maxAliases: { n: LIMITS.aliases, allowList: [], ...rejectWith(QueryLimit.ALIASES, LIMITS.aliases) },
  maxDirectives: { n: LIMITS.directives, ...rejectWith(QueryLimit.DIRECTIVES, LIMITS.directives) },
  // Tokens are counted by graphql-js's own parser (parseOptions below): armor's version parses
  // inside a plugin hook, which turns every syntax error into an HTTP 500.
  maxTokens: { enabled: false },
  // Armor's cost counts fields, not what lists return: queryCostPlugin does that.
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: false },
});

/**
 * Queries, and the curators' mutations (schema/curation.graphql; POST only: Apollo answers a
 * mutation sent with GET with HTTP 405); never a subscription: a validation error, not a server fault.
 */
const readOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'query' || (node.operation === 'mutation' && context.getSchema().getMutationType())) return;
    context.reportError(new GraphQLError(`This API has no ${node.operation}s: send a query, or a mutation with POST.`, { nodes: node }));
  },
});

export function queryLimits(): { validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  return { validationRules: [...armor.protect().validationRules, readOnly, shapeLimits], parseOptions: { maxTokens: LIMITS.tokens } };
}

/**
 * The cost limit, once the operation and its variables are known and before execution. Invalid
 * variables are answered here as execution would answer them (BAD_USER_INPUT, HTTP 400).
 * Every answer reports the cost and the client's Neo4j-time budget, as Shopify's API does, in
 * extensions.cost (requestedQueryCost, maximumQueryCost, throttleStatus) and the budget also as
 * RateLimit-Policy and RateLimit headers (src/server/rateLimitHeaders.ts).
 */
export function queryCostPlugin(log: Logger): ApolloServerPlugin<{ stats: QueryStats }> {
  // Apollo keeps one parsed document per query text, so a repeated request finds its cost here
  // instead of walking its selections again (about a millisecond a request). The key is a digest
  // of the variables the operation declares, as coerced: unused or huge variables cost no memory.
  const known = new Memo<number, DocumentNode>();
  return {
    async requestDidStart() {
      let requested: number | undefined;
      return {
        async willSendResponse({ response, contextValue }) {
          const throttleStatus = throttleStatusOf(contextValue.stats);
          if (throttleStatus) for (const [name, value] of rateLimitHeaders(throttleStatus)) response.http.headers.set(name.toLowerCase(), value);
          if (response.body.kind !== 'single' || (requested === undefined && !throttleStatus)) return;
          const cost = {
            // Infinity (past the complexity walk's cap) has no JSON number: only that it was over the limit is told.
            ...(requested !== undefined && Number.isFinite(requested) ? { requestedQueryCost: requested } : {}),
            ...(requested !== undefined ? { maximumQueryCost: LIMITS.cost } : {}),
            ...(throttleStatus ? { throttleStatus } : {}),
          };
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
        async didResolveOperation({ schema, document, request, operationName, operation }) {
          const name = operationName ?? request.operationName;
          const key = operation ? variablesKey(schema, operation, request.variables) : undefined;
          let cost = key === undefined ? undefined : known.get(document, key);
          if (cost === undefined) try {
            cost = queryCost(schema, document, request.variables, name);
            if (key !== undefined) known.set(document, key, cost, key.length);
          } catch (e) {
            if (!(e instanceof GraphQLError)) throw e;
            // graphql-query-complexity caps the selections it evaluates (fragments spread many times).
            if (/maximum allowed number of nodes/.test(e.message)) cost = Infinity;
            else throw new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
          }
          log.debug({ cost }, 'query cost');
          requested = cost;
          if (cost > LIMITS.cost) {
            const error = limitExceeded(QueryLimit.COST, LIMITS.cost, MESSAGES.COST);
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/**
 * A short digest of the variables an operation declares, coerced as execution will see them;
 * undefined when they do not coerce (the cost walk then reports why).
 */
export function variablesKey(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string | undefined {
  const defs = operation.variableDefinitions ?? [];
  if (defs.length === 0) return operation.name?.value ?? '';
  const coerced = getVariableValues(schema, defs, variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  return createHash('sha256').update(`${operation.name?.value ?? ''}\u0000${JSON.stringify(coerced.coerced)}`).digest('base64url');
}

/** graphql-js words the token limit as a syntax error ("more that 5000 tokens"): it becomes a limit error like the others. */
export function tokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== ErrorCode.GRAPHQL_PARSE_FAILED || !/Document contains more tha[nt] \d+ tokens/.test(formatted.message)) return undefined;
  const error = limitExceeded(QueryLimit.TOKENS, LIMITS.tokens, `The document is too long: at most ${LIMITS.tokens} tokens are allowed.`);
  return { message: error.message, extensions: error.extensions };
}

/** graphql-js's budget of field comparisons in OverlappingFieldsCanBeMergedRule (MAX_COMPLEXITY_BUDGET, graphql 16.15). */
export const VALIDATION_BUDGET = 500_000;

/**
 * graphql-js stops validating a document that would take it too long to check (the same field
 * selected about 700 times in one selection set: each pair is compared to see that they merge)
 * and says only "Validation aborted.": it becomes a limit error like the others.
 */
export function validationAbortedError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== ErrorCode.GRAPHQL_VALIDATION_FAILED || formatted.message !== 'Validation aborted.') return undefined;
  const error = limitExceeded(QueryLimit.VALIDATION, VALIDATION_BUDGET,
    'The query repeats selections too often to be validated: the same field selected about 700 times in one selection set (or fragments spread as often) '
    + `uses up the ${VALIDATION_BUDGET} comparisons of fields the validator makes. Select each field once (repeats are merged into one value anyway), or use fewer fragment spreads.`);
  return { message: error.message, extensions: error.extensions };
}
