import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { ErrorCode } from '../errors.js';

// The media types Apollo Server chooses between for a single result, in its order.
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

/**
 * GraphQL over HTTP: a well-formed request whose GraphQL request failed (parse, validation,
 * variable coercion, a query limit) is answered 200 when the response is application/json, and
 * 400 when it is application/graphql-response+json. Apollo Server answers 400 for both.
 * Only a client that names application/json in Accept gets the 200: without an Accept header,
 * or with only wildcards (fetch's and curl's default, *\/*), the answer stays 400, as it always
 * was here, for clients that read a non-2xx status as failure. Malformed requests
 * (BAD_REQUEST: bad JSON, no query, bad persisted-query extension) stay 400 for every client.
 */
export function responseStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.data !== undefined || result.errors?.some((e) => e.extensions?.code === ErrorCode.BAD_REQUEST)) return;
          const accept = request.http?.headers.get('accept');
          if (!accept) return;
          const negotiator = new Negotiator({ headers: { accept } });
          if (negotiator.mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]) === JSON_TYPE && negotiator.mediaTypes().includes('application/json')) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
