import type { Actor } from '../auth/actor.js';
import type { Graph, QueryStats } from '../graph/graph.js';
import { BookmarkTokens } from '../graph/bookmarks.js';
import { Cursors } from '../pagination/cursor.js';
import { cursorSecret } from '../pagination/secret.js';
import { Compiler } from '../read/compile.js';
import { Definitions } from '../read/definitions.js';
import { Reader } from '../read/reader.js';
import type { Context } from '../read/context.js';
import { fieldMeta } from '../modules/index.js';
import { fieldDomains, loadTypeDefs } from '../modules/schema.js';
import { checkDefinitions } from '../read/definitionCheck.js';
import { buildSchema } from 'graphql';


interface Services {
  compiler: Compiler;
  cursors: Cursors;
  bookmarks: BookmarkTokens;
}

const services = new WeakMap<Graph, Services>();

/**
 * The per-process parts, made once per Graph: every field definition under cypher/ is parsed
 * here (a broken one stops the start, not a request), and the cursor key is read or created.
 */
export function readServices(graph: Graph, configuredCursorSecret?: string): Services {
  let s = services.get(graph);
  if (!s) {
    const definitions = new Definitions(graph.queries, fieldDomains());
    const problems = checkDefinitions(buildSchema(loadTypeDefs().join('\n')), definitions, fieldMeta);
    if (problems.length) throw new Error(`The field definitions under cypher/ do not match the schema:\n  ${problems.join('\n  ')}`);
    const secret = cursorSecret(configuredCursorSecret);
    const cursors = new Cursors(secret);
    s = {
      // The compiler checks the cursors of nested connections as it plans them (src/read/nested.ts).
      compiler: new Compiler(definitions, fieldMeta, cursors),
      cursors,
      // Signed with the key replicas share, as cursors are: a token from one is good on another.
      bookmarks: new BookmarkTokens(secret),
    };
    services.set(graph, s);
  }
  return s;
}

/**
 * `stats`: the request's counters when the HTTP layer keeps them (the fair scheduler charges its
 * client's budget from them); `actor`: who sends it, as src/auth/ verified it (none: anonymous);
 * `idempotencyKey`: its Idempotency-Key header, for mutations.
 */
export function createContext(graph: Graph, stats: QueryStats = { queries: 0, dbMs: 0 }, actor?: Actor, idempotencyKey?: string,
  after: readonly string[] = []): Context {
  const { compiler, cursors } = readServices(graph);
  return {
    read: new Reader(graph, compiler, stats, after), cursors, stats, write: graph, actor, consistency: { after },
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
  };
}
