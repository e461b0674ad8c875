import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { BOOKMARK_HEADER, InvalidBookmarkToken, type BookmarkTokens } from '../graph/bookmarks.js';
import { ErrorCode } from '../errors.js';
import type { Context } from '../read/context.js';

/** BOOKMARK_HEADER as the messages spell it. */
const HEADER_NAME = 'Graph-Bookmark';

/**
 * The Graph-Bookmark request header: the bookmarks the request's reads wait for. A token this API
 * did not issue is HTTP 400 BAD_REQUEST before anything runs, never sent to Neo4j.
 */
export function bookmarksOf(header: string | undefined, tokens: BookmarkTokens): readonly string[] {
  if (header === undefined || header === '') return [];
  try {
    return tokens.read(header.trim());
  } catch (e) {
    if (!(e instanceof InvalidBookmarkToken)) throw e;
    throw new GraphQLError(`The ${HEADER_NAME} header is not a bookmark this API issued: ${e.message}. Send back the header of a mutation's response as it came, or none.`,
      { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } });
  }
}

/** A mutation that committed answers with its bookmark, for the client's next request to any replica. */
export function bookmarkPlugin(tokens: BookmarkTokens): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const written = contextValue.consistency?.written;
          const token = written ? tokens.issue(written) : undefined;
          if (token) response.http.headers.set(BOOKMARK_HEADER, token);
        },
      };
    },
  };
}
