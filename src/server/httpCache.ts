import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { createHash } from 'node:crypto';

/** A GET query's answer: kept, but asked again on every use; `private` when the request carried credentials. */
export const QUERY_CACHE = 'no-cache';
export const PRIVATE_QUERY_CACHE = 'private, no-cache';

/**
 * What an answer's validator leaves out: how the request was served (extensions.neo4j: its Neo4j
 * time and planning, src/server/apollo.ts) and what it cost and left of the client's budget
 * (extensions.cost, src/server/limits.ts). They change between two answers of the same data.
 */
const VOLATILE = new Set(['neo4j', 'cost']);

/**
 * HTTP caching of GraphQL answers (docs/apps.md, "Caching"): a query sent with GET and answered
 * without errors gets a weak ETag over its media type, `data` and the rest of `extensions`, so
 * that it matches exactly when the answer's data is unchanged (the timing and budget numbers left
 * out above differ; hence weak). Its Cache-Control is `no-cache` (store, but revalidate every use:
 * a curator's write shows at once), `private, no-cache` when the request carried credentials
 * (Authorization or X-API-Key: what it may read depends on them). A request whose If-None-Match
 * holds that ETag is answered 304 without a body; the query has run to know it (a 304 saves the
 * transfer, not the Neo4j time). Everything else (POST, mutations, errors) keeps Cache-Control:
 * no-store (src/server/headers.ts).
 */
export function httpCachePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, errors }) {
          const http = request.http;
          if (!http || http.method !== 'GET' || operation?.operation !== 'query' || errors?.length) return;
          if (response.body.kind !== 'single' || (response.http.status ?? 200) !== 200) return;
          const { data, errors: answered, extensions } = response.body.singleResult;
          if (answered?.length) return;
          const stable = extensions ? Object.fromEntries(Object.entries(extensions).filter(([k]) => !VOLATILE.has(k))) : undefined;
          const hash = createHash('sha256').update(JSON.stringify([mediaTypeOf(http.headers.get('accept')), data, stable])).digest('base64url');
          const etag = `W/"${hash.slice(0, 27)}"`;
          const credentials = !!http.headers.get('authorization') || !!http.headers.get('x-api-key');
          response.http.headers.set('etag', etag);
          response.http.headers.set('cache-control', credentials ? PRIVATE_QUERY_CACHE : QUERY_CACHE);
          if (matches(http.headers.get('if-none-match'), etag)) response.http.status = 304;
        },
      };
    },
  };
}

/** The media type Apollo Server answers a single result with (its chooseContentTypeForSingleResultResponse). */
function mediaTypeOf(accept: string | undefined): string {
  if (!accept) return 'application/json';
  return new Negotiator({ headers: { accept } }).mediaType(['application/json', 'application/graphql-response+json', 'application/json; graphqlcallback=1']) ?? '';
}

/**
 * If-None-Match's weak comparison (RFC 9110, 13.1.2): any listed tag equal to ours once `W/` is
 * dropped, or `*`. Evaluated here rather than by Express's `fresh`, which ignores the header when
 * the request says Cache-Control: no-cache, as fetch() does whenever If-None-Match is set by hand.
 */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque);
}
