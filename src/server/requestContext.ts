import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { getOperationAST, type DocumentNode } from 'graphql';
import { currentLogContext, withLogContext, type Logger } from '../logger.js';

/** An incoming id is kept when it is short and plain (a UUID, a trace id); anything else is replaced. */
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Paths polled by machines: logged at debug, not info. */
const QUIET = /^\/(health|ready|metrics|ide\/)/;

/**
 * Every request gets an id: the caller's x-request-id when sane, else a new UUID. It is sent
 * back in x-request-id and carried by every log line written while the request is served
 * (through the logger's context), ending with one line for the request itself. With tracing on,
 * the middleware after this one adds the trace's ids to the same fields (src/telemetry/http.ts).
 */
export function requestContext(log: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const reqId = incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', reqId);
    const started = performance.now();
    const fields: Record<string, string | number | undefined> = { reqId };
    // Mounted routers rewrite req.url on the way: the path as it came in.
    const path = req.path;
    res.once('close', () => {
      const line = { method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10, aborted: res.writableFinished ? undefined : true };
      withLogContext(fields, () => (QUIET.test(path) ? log.debug(line, 'request') : log.info(line, 'request')));
    });
    withLogContext(fields, next);
  };
}

/** The operation a parsed request names (before validation: failures are named too). */
export function operationNameOf(document: DocumentNode | undefined, requested: string | undefined): string | undefined {
  return (document && getOperationAST(document, requested)?.name?.value) ?? requested;
}

/** Once the document is parsed, the request's log lines name its operation too. */
export function operationLogPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document, request }) {
          const fields = currentLogContext();
          const name = operationNameOf(document, request.operationName);
          if (fields && name) fields.operation = name.slice(0, 64);
        },
      };
    },
  };
}
