import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { unauthenticated, forbidden } from '../auth/errors.js';
import type { Authenticator } from '../auth/authenticate.js';
import { atLeast } from '../auth/roles.js';
import { databaseFault } from '../graph/faults.js';
import { requestStats } from './clientLimit.js';

/** How a route answers a refusal: its own body (TAXII's error message, a JSON error), with the status and headers given. */
export type Refuse = (res: Response, status: number, title: string, description: string) => void;

/**
 * The GraphQL API's read rule for HTTP routes that read the graph (/stix, /taxii2): the same
 * credentials (Authorization: Bearer <JWT or API key>, or X-API-Key), checked by the same
 * Authenticator; with READ_ACCESS=authenticated the role reader is needed, as for a GraphQL query.
 * A credential that is sent is checked even when reads are public (a bad one is a 401, as there).
 */
export function readAccess(auth: Authenticator, readsNeedReader: boolean, refuse: Refuse): RequestHandler {
  return async (req, res, next) => {
    try {
      const actor = await auth.actorOf({ authorization: req.get('authorization'), apiKey: req.get('x-api-key') }, requestStats(res));
      if (readsNeedReader && !actor) throw unauthenticated('Reads need an identity with the role reader (READ_ACCESS=authenticated): send Authorization: Bearer <token> or X-API-Key.', false);
      if (readsNeedReader && !atLeast(actor!.role, 'reader')) throw forbidden('reader', actor!.role, 'Reading the graph');
      res.locals.actor = actor;
      next();
    } catch (e) {
      if (!(e instanceof GraphQLError)) return next(e);
      const http = e.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
      for (const [k, v] of http?.headers ?? []) res.set(k, v);
      refuse(res, http?.status ?? 401, String(e.extensions.code ?? 'UNAUTHENTICATED'), e.message);
    }
  };
}

/**
 * A database fault of a route that read the graph, answered in the route's own error form with
 * the GraphQL API's status and code (503 or 504 with Retry-After where it has one); anything else
 * goes on to the app's error handler (500).
 */
export function answerFault(res: Response, refuse: Refuse, e: unknown): boolean {
  const fault = databaseFault(e);
  if (!fault) return false;
  if (fault.retryAfter) res.set('Retry-After', String(fault.retryAfter));
  refuse(res, fault.code === 'QUERY_TIMEOUT' ? 504 : fault.code === 'BAD_REQUEST' ? 400 : 503, fault.code, fault.message);
  return true;
}
