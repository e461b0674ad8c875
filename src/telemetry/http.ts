import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH, ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';
import { currentLogContext } from '../logger.js';
import { withOperationSlot, type OperationSlot } from './slot.js';
import { activeTracer } from './tracing.js';

/** The request id of src/server/requestContext.ts: no semantic convention names one. */
export const ATTR_REQUEST_ID = 'incident_graph.request.id';

// Span names must not grow with what clients send: the server's own routes by name, the IDE's
// and explorer's files as one route each, anything else (a 404) by its method alone.
const ROUTES = new Set(['/graphql', '/', '/health', '/ready', '/metrics', '/schema.graphql', '/explore']);
const PREFIXES = ['/ide/', '/explore/'];

export function routeOf(path: string): string | undefined {
  if (ROUTES.has(path)) return path;
  const prefix = PREFIXES.find((p) => path.startsWith(p));
  return prefix ? `${prefix}*` : undefined;
}

// Standard methods only, as the semantic conventions ask: a made-up method is _OTHER.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/**
 * A SERVER span per HTTP request, continuing the caller's W3C traceparent/tracestate, ended
 * when the response closes. Mounted after requestContext (src/server/requestContext.ts): the
 * request's id goes on the span, and the trace's ids on every log line of the request.
 */
export function httpTracing(): RequestHandler {
  return (req, res, next) => {
    const tracer = activeTracer();
    if (!tracer) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const method = METHODS.has(req.method) ? req.method : '_OTHER';
    // The path as it came in, without its query string (a GET's query and variables are there).
    const path = req.path;
    const route = routeOf(path);
    const fields = currentLogContext();
    const span = tracer.startSpan(route ? `${method} ${route}` : method, {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_URL_PATH]: path,
        [ATTR_URL_SCHEME]: req.protocol,
        ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
        ...(typeof fields?.reqId === 'string' ? { [ATTR_REQUEST_ID]: fields.reqId } : {}),
      },
    }, parent);
    if (fields) {
      const { traceId, spanId } = span.spanContext();
      fields.traceId = traceId;
      fields.spanId = spanId;
    }
    res.once('close', () => {
      const status = res.statusCode;
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) {
        span.setAttribute(ATTR_ERROR_TYPE, String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      if (!res.writableFinished) span.setAttribute('incident_graph.http.aborted', true);
      span.end();
    });
    const slot: OperationSlot = {};
    context.with(withOperationSlot(trace.setSpan(parent, span), slot), next);
  };
}
