import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a write's bookmark travels in, both ways. */
export const BOOKMARK_HEADER = 'graph-bookmark';

/** Bookmarks a token may carry, and its length: a header of a few hundred bytes in practice. */
const MAX_BOOKMARKS = 16;
const MAX_TOKEN_LENGTH = 4096;

export class InvalidBookmarkToken extends Error {}

/** A request's part in it: the bookmarks it came with (its reads wait for them), and its write's. */
export interface Consistency {
  after: readonly string[];
  written?: string[];
}

/**
 * Read-your-writes across API replicas. Within one process the driver's bookmark manager already
 * makes a read wait for the writes before it; a client whose next request lands on another
 * replica (behind a proxy) needs the bookmark itself. So a mutation's response carries its
 * transaction's bookmarks in the Graph-Bookmark header, as a token signed with the key the
 * replicas share (the cursor key, CURSOR_SECRET); a request that sends the token back has its
 * reads wait until the database member they run on has applied that write.
 *
 * Signed, because a made-up bookmark is not harmless: Neo4j waits for a transaction it has not
 * seen (up to its bookmark timeout) before it answers, so only tokens this API issued are used.
 */
export class BookmarkTokens {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    // Its own key, derived from the shared one: a cursor's signature never passes as a bookmark's.
    this.key = createHmac('sha256', secret).update('graph-bookmark/v1').digest();
  }

  issue(bookmarks: readonly string[]): string | undefined {
    if (!bookmarks.length) return undefined;
    const body = Buffer.from(JSON.stringify(bookmarks.slice(-MAX_BOOKMARKS))).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The bookmarks of a token this API issued; InvalidBookmarkToken for anything else. */
  read(token: string): string[] {
    const dot = token.indexOf('.');
    if (token.length > MAX_TOKEN_LENGTH || dot < 1) throw new InvalidBookmarkToken('not a token this API issued');
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidBookmarkToken('its signature does not match (issued by another deployment, or edited)');
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length > MAX_BOOKMARKS || !parsed.every((b) => typeof b === 'string')) throw new InvalidBookmarkToken('not a token this API issued');
    return parsed as string[];
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, 18).toString('base64url');
  }
}
