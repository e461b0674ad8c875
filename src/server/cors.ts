import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * What a page on an allowed origin may send and read: its identity too (a bearer token or an API
 * key in a header, never a cookie, so `credentials` stays off and no other site can ride on it).
 */
const ALLOWED_HEADERS = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'authorization', 'x-api-key', 'idempotency-key', 'graph-bookmark'];
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'www-authenticate', 'graph-bookmark', 'etag', 'ratelimit', 'ratelimit-policy', 'server-timing'];
/** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * CORS for the origins of CORS_ORIGINS, none by default. A preflight from an allowed origin is
 * answered 204 with the Access-Control-* headers; a request from any other origin gets none, and
 * its preflight goes on to Apollo Server, whose CSRF prevention refuses it (400), as before.
 * No credentials mode: the API sets no cookies; identities travel in headers the page sets itself.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_S,
    credentials: false,
  });
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    // Responses differ by origin: a cache must not give one origin's answer to another.
    res.vary('Origin');
    handler(req, res, next);
  };
}
