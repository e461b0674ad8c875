import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { Kind, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** Answers kept: GraphiQL's query and a few tools' variants. */
const KEEP = 8;

/** True when every root field of the operation is __schema, __type or __typename. */
function introspectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}

/**
 * Introspection is answered from memory: the schema does not change while the process runs, so
 * an operation that only introspects gets the answer worked out the first time its text (with
 * those variables) came. Building it walks the whole schema on the event loop (29 copies in one
 * query took 2-2.8 s in review; src/server/shapeLimits.ts now allows one per operation).
 */
export function introspectionCachePlugin(): ApolloServerPlugin {
  const kept = new Map<string, GraphQLResponse['body']>();
  // The whole document: fragments (GraphiQL's query has three) are part of the answer's shape.
  const keyOf = (document: DocumentNode, operation: OperationDefinitionNode, variables: unknown) =>
    createHash('sha256').update(print(document)).update(`\u0000${operation.name?.value ?? ''}\u0000`).update(JSON.stringify(variables ?? {})).digest('base64url');
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ document, operation, request }) {
          if (!introspectionOnly(operation)) return null;
          const body = kept.get(keyOf(document, operation, request.variables));
          // A copy: plugins write extensions (neo4j, cost) onto the answer, and those of one request must not reach the next.
          return body?.kind === 'single' ? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: body.singleResult.data } } } : null;
        },
        async willSendResponse({ document, operation, request, response, errors }) {
          if (!operation || !document || !introspectionOnly(operation) || errors?.length || response.body.kind !== 'single') return;
          const key = keyOf(document, operation, request.variables);
          if (kept.has(key)) return;
          if (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
          const { data } = response.body.singleResult;
          kept.set(key, { kind: 'single', singleResult: { data } });
        },
      };
    },
  };
}
