import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors.js';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * Automatic persisted queries: extensions.persistedQuery must be { version: 1, sha256Hash:
 * <64 hex digits> }. Apollo Server answers other shapes with INTERNAL_SERVER_ERROR (or looks
 * up a hash that cannot exist); here they are a BAD_REQUEST (400) saying what is expected.
 */
export function persistedQueryCheck(): RequestHandler {
  return (req, res, next) => {
    const pq = req.method === 'GET' ? persistedQueryOf(req.query.extensions, true) : persistedQueryOf((req.body as { extensions?: unknown } | undefined)?.extensions, false);
    if (pq === undefined || pq === null) return next();
    const { version, sha256Hash } = (typeof pq === 'object' ? pq : {}) as { version?: unknown; sha256Hash?: unknown };
    if (version === 1 && typeof sha256Hash === 'string' && SHA256_HEX.test(sha256Hash)) return next();
    res.status(400).json({
      errors: [{
        message: 'extensions.persistedQuery must be {"version": 1, "sha256Hash": "<SHA-256 of the query, 64 hex digits>"}.',
        extensions: { code: ErrorCode.BAD_REQUEST },
      }],
    });
  };
}

/** The persistedQuery of the extensions (a JSON string in a GET); anything unreadable is left to Apollo. */
function persistedQueryOf(extensions: unknown, encoded: boolean): unknown {
  let ext = extensions;
  if (encoded && typeof ext === 'string') {
    try { ext = JSON.parse(ext); } catch { return undefined; }
  }
  return ext !== null && typeof ext === 'object' && !Array.isArray(ext) ? (ext as Record<string, unknown>).persistedQuery : undefined;
}
