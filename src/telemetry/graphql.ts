import type { ApolloServerPlugin } from '@apollo/server';
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { getOperationAST } from 'graphql';
import { operationSlotOf } from './slot.js';
import { activeTracer } from './tracing.js';

// The semantic conventions' GraphQL attributes are still in development: named here, not imported
// from the package's incubating entry point, whose names may move.
export const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
export const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
/** The distinct extensions.code values of the response's errors, in order. */
export const ATTR_GRAPHQL_ERROR_CODES = 'incident_graph.graphql.error_codes';

/** What the conventions call an operation whose type is not known (the document did not parse). */
const UNKNOWN = 'GraphQL Operation';
// An operation name is a client's string until the document is parsed: only a plain, short one is kept.
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A span per GraphQL operation, under the HTTP request's, named by its type and name ("query
 * IncidentDetail"); never the document or the variables. Its status is ERROR when the response
 * carries errors, with their codes as an attribute. The Neo4j queries it runs hang under it
 * (src/telemetry/neo4j.ts).
 */
export function graphqlTracingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const tracer = activeTracer();
      if (!tracer) return;
      const active = context.active();
      const span = tracer.startSpan(UNKNOWN, { kind: SpanKind.INTERNAL }, active);
      const slot = operationSlotOf(active);
      if (slot) slot.span = span;
      return {
        async willSendResponse({ document, request, response }) {
          if (slot?.span === span) slot.span = undefined;
          const op = document ? getOperationAST(document, request.operationName) : null;
          const type = op?.operation;
          const given = op?.name?.value ?? request.operationName ?? undefined;
          const name = given && NAME.test(given) ? given : undefined;
          if (type) span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
          if (name) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, name);
          span.updateName(type ? (name ? `${type} ${name}` : type) : UNKNOWN);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          if (errors?.length) {
            const codes = [...new Set(errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN')))];
            span.setAttribute(ATTR_GRAPHQL_ERROR_CODES, codes);
            span.setAttribute(ATTR_ERROR_TYPE, codes[0]!);
            // The code only: an error's message can repeat what the client sent.
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0] });
          }
          span.end();
        },
      };
    },
  };
}
