import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { Memo } from '../read/memo.js';

/**
 * Executes operations with graphql-jit instead of graphql-js: each operation is compiled once to
 * a JavaScript function (cached per parsed document, which Apollo keeps per query text) that walks
 * the result without graphql-js's per-field bookkeeping. The resolvers read an already fetched tree
 * (src/read/), so that bookkeeping was most of the time a large answer spent in Node.
 *
 * Apollo Server 4+ takes a custom executor only through its `gateway` option (it calls load()
 * once and asks for the schema through onSchemaLoadOrUpdate); nothing federated is involved.
 * An operation graphql-jit cannot compile runs on graphql-js as before.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Memo<CompiledQuery | null, DocumentNode>();
  const compile = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    const key = operationName ?? '';
    if (!compiled.has(document, key)) {
      const c = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      // A compiled operation held ~100 bytes per character of its source (71 kB for the IDE
      // examples' 692 on average, measured with --expose-gc): counted as 50 characters each.
      compiled.set(document, key, isCompiledQuery(c) ? c : null, (document.loc?.end ?? 1000) * 50);
    }
    return compiled.get(document, key)!;
  };
  return {
    async load() {
      return {
        executor: async (rc) => {
          const variables = rc.request.variables ?? {};
          const query = compile(rc.document, rc.operationName ?? undefined);
          const result: ExecutionResult = query
            ? await query.query(undefined, rc.context, variables)
            : await execute({ schema, document: rc.document, contextValue: rc.context, variableValues: variables, operationName: rc.operationName });
          return { ...result, errors: result.errors?.map(asGraphQLError) };
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors share graphql-js's prototype but not its shape (no `extensions` object when
 * the cause has none, `locations` without `nodes`): rebuilt as graphql-js's own, so Apollo, the
 * error contract and formatError see exactly what graphql-js would have given them.
 */
function asGraphQLError(e: unknown): GraphQLError {
  const jit = e as Partial<GraphQLError> & { message?: string };
  const err = new GraphQLError(String(jit.message ?? e), {
    path: jit.path, originalError: jit.originalError ?? (e instanceof Error && !(e instanceof GraphQLError) ? e : undefined),
    extensions: jit.extensions,
  });
  if (jit.locations?.length) (err as { locations?: unknown }).locations = jit.locations;
  return err;
}
