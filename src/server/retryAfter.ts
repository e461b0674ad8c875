import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { databaseFault } from '../graph/faults.js';

/**
 * Retry-After on a response that carries a database fault saying when to try again
 * (SERVICE_UNAVAILABLE, OVERLOADED): formatError cannot set headers, so this reads the errors
 * before they are formatted and sets the header as the response goes out.
 */
export function retryAfterPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      let seconds = 0;
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) {
            const fault = databaseFault(unwrapResolverError(e));
            if (fault?.retryAfter) seconds = Math.max(seconds, fault.retryAfter);
          }
        },
        async willSendResponse({ response }) {
          if (seconds > 0) response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
