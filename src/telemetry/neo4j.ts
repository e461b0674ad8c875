import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE, ATTR_DB_OPERATION_NAME, ATTR_DB_QUERY_SUMMARY, ATTR_DB_RESPONSE_STATUS_CODE, ATTR_DB_SYSTEM_NAME, ATTR_ERROR_TYPE,
} from '@opentelemetry/semantic-conventions';
import { operationSlotOf } from './slot.js';
import { activeTracer } from './tracing.js';

/** READ or WRITE: where a cluster sends the query (no semantic convention names it). */
export const ATTR_NEO4J_ACCESS_MODE = 'incident_graph.neo4j.access_mode';
/** Rows the query returned (the conventions' db.response.returned_rows, still in development). */
export const ATTR_DB_RETURNED_ROWS = 'db.response.returned_rows';

/**
 * A CLIENT span for one Neo4j query or transaction, named by its definition (the registry's
 * name, "incident/detail", or the compiled query's, "compiled/Query.incident"). The Cypher text
 * and the parameters are never recorded: they hold what clients sent. Undefined when tracing is
 * off, so the graph layer pays one check per query. `parent`: the transaction a statement is part
 * of; else the GraphQL operation being served, or whatever span is active.
 */
export function startQuerySpan(name: string, mode: 'READ' | 'WRITE', database: string, parent?: Span): Span | undefined {
  const tracer = activeTracer();
  if (!tracer) return undefined;
  const active = context.active();
  const under = parent ?? operationSlotOf(active)?.span;
  return tracer.startSpan(name, {
    kind: SpanKind.CLIENT,
    attributes: {
      [ATTR_DB_SYSTEM_NAME]: 'neo4j',
      [ATTR_DB_OPERATION_NAME]: name,
      [ATTR_DB_QUERY_SUMMARY]: name,
      [ATTR_DB_NAMESPACE]: database,
      [ATTR_NEO4J_ACCESS_MODE]: mode,
    },
  }, under ? trace.setSpan(active, under) : active);
}

/**
 * Ends a query's span: the rows it returned, or why it failed (Neo4j's status code, such as
 * Neo.ClientError.Statement.SyntaxError, or the kind of fault). Never the error's message: Neo4j
 * quotes the query in some of them.
 */
export function endQuerySpan(span: Span | undefined, rows: number | undefined, error?: unknown): void {
  // Positional, not an options object: with tracing off this is called per query and must allocate nothing.
  if (!span) return;
  if (error !== undefined) {
    const code = neo4jCodeOf(error);
    if (code) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
    const type = code ?? (error instanceof Error ? error.constructor.name : 'Error');
    span.setAttribute(ATTR_ERROR_TYPE, type);
    span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  } else if (rows !== undefined) {
    span.setAttribute(ATTR_DB_RETURNED_ROWS, rows);
  }
  span.end();
}

/** The code of a Neo4jError (neo4j-driver's errors carry it as `code`: Neo.ClientError..., ServiceUnavailable). */
function neo4jCodeOf(e: unknown): string | undefined {
  if (!(e instanceof Error) || e.name !== 'Neo4jError') return undefined;
  const code = (e as Error & { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}
