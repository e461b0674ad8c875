import { tokenize, type Token } from '../cypher/lexer.js';

/**
 * How a statement has to be committed, read from its tokens (never from raw text, so words in
 * strings, comments and backquoted names do not count). Neo4j 5.26 refuses, inside an explicit
 * transaction (checked against it in test/seed/classify.test.ts):
 * - `CALL { ... } IN [n CONCURRENT] TRANSACTIONS`, always: it commits its own batches;
 * - schema commands (CREATE/DROP INDEX or CONSTRAINT) after or before a data write;
 * - administration commands (users, roles, databases, privileges...) after or before a data write.
 * Everything else (reads, writes, SHOW INDEXES/PROCEDURES/SETTINGS/TRANSACTIONS, TERMINATE
 * TRANSACTIONS, procedure calls) runs in a transaction with data writes.
 */
export type StatementKind =
  | { commit: 'transaction' }
  | { commit: 'own'; reason: 'batched' | 'schema' | 'administration'; form: string };

export function classifyStatement(text: string): StatementKind {
  const tokens = tokenize(text);
  const at = skipPrelude(tokens);
  const head = word(tokens[at]);
  if (head === 'CREATE') {
    const kind = createKind(tokens, at + 1);
    if (kind) return kind;
  } else if (head === 'DROP') {
    const what = word(tokens[at + 1]);
    return what === 'INDEX' || what === 'CONSTRAINT'
      ? { commit: 'own', reason: 'schema', form: `DROP ${what}` }
      : { commit: 'own', reason: 'administration', form: `DROP ${what ?? ''}`.trim() };
  } else if (head === 'SHOW') {
    const form = adminShow(tokens, at + 1);
    if (form) return { commit: 'own', reason: 'administration', form };
  } else if (head && ADMIN_HEADS.has(head)) {
    return { commit: 'own', reason: 'administration', form: [head, word(tokens[at + 1])].filter(Boolean).join(' ') };
  }
  if (hasCallInTransactions(tokens, at)) return { commit: 'own', reason: 'batched', form: 'CALL { ... } IN TRANSACTIONS' };
  return { commit: 'transaction' };
}

const ADMIN_HEADS = new Set(['ALTER', 'GRANT', 'DENY', 'REVOKE', 'RENAME', 'START', 'STOP', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN']);
const INDEX_TYPES = new Set(['RANGE', 'TEXT', 'POINT', 'VECTOR', 'LOOKUP', 'FULLTEXT', 'BTREE']);
const ADMIN_CREATE = new Set(['USER', 'ROLE', 'DATABASE', 'COMPOSITE', 'ALIAS']);
const ADMIN_SHOW_MODIFIERS = new Set(['ALL', 'POPULATED', 'CURRENT', 'DEFAULT', 'HOME', 'SUPPORTED']);
const ADMIN_SHOW = new Set(['USERS', 'USER', 'ROLES', 'ROLE', 'DATABASES', 'DATABASE', 'ALIASES', 'ALIAS', 'PRIVILEGES', 'PRIVILEGE', 'SERVERS', 'SERVER']);

/** The keyword a token spells, upper-cased; undefined for anything but an unquoted word. */
function word(t: Token | undefined): string | undefined {
  return t?.type === 'word' ? t.text.toUpperCase() : undefined;
}

function isSymbol(t: Token | undefined, s: string): boolean {
  return t?.type === 'symbol' && t.text === s;
}

/** Skips `CYPHER <options>`, `EXPLAIN`, `PROFILE` and a `USE <graph>` clause, in any order. */
function skipPrelude(tokens: Token[]): number {
  let i = 0;
  for (;;) {
    const w = word(tokens[i]);
    if (w === 'EXPLAIN' || w === 'PROFILE') { i++; continue; }
    if (w === 'CYPHER') {
      i++;
      for (;;) {
        if (tokens[i]?.type === 'number') i++;
        else if (tokens[i]?.type === 'word' && isSymbol(tokens[i + 1], '=')) i += 3;
        else break;
      }
      continue;
    }
    if (w === 'USE') {
      i += 2;
      while (isSymbol(tokens[i], '.')) i += 2;
      if (isSymbol(tokens[i], '(')) i = matching(tokens, i, '(', ')') + 1;
      continue;
    }
    return i;
  }
}

/** CREATE [OR REPLACE] followed by an index, constraint or administration noun. */
function createKind(tokens: Token[], i: number): StatementKind | undefined {
  if (word(tokens[i]) === 'OR' && word(tokens[i + 1]) === 'REPLACE') i += 2;
  const what = word(tokens[i]);
  const next = tokens[i + 1];
  // `CREATE index = (a)-[:R]->(b)` names a path: a data write.
  if (!what || isSymbol(next, '=')) return undefined;
  if (what === 'INDEX' || what === 'CONSTRAINT') return { commit: 'own', reason: 'schema', form: `CREATE ${what}` };
  if (INDEX_TYPES.has(what) && word(next) === 'INDEX') return { commit: 'own', reason: 'schema', form: `CREATE ${what} INDEX` };
  if (ADMIN_CREATE.has(what)) return { commit: 'own', reason: 'administration', form: `CREATE ${what}` };
  return undefined;
}

/** SHOW USERS, ROLES, DATABASES, ALIASES, PRIVILEGES, SERVERS (not SHOW USER DEFINED FUNCTIONS). */
function adminShow(tokens: Token[], i: number): string | undefined {
  const start = i;
  while (ADMIN_SHOW_MODIFIERS.has(word(tokens[i]) ?? '')) i++;
  const what = word(tokens[i]);
  if (!what || !ADMIN_SHOW.has(what)) return undefined;
  if (what === 'USER' && word(tokens[i + 1]) === 'DEFINED') return undefined;
  return ['SHOW', ...tokens.slice(start, i + 1).map((t) => t.text.toUpperCase())].join(' ');
}

/**
 * A CALL subquery (`CALL {` or `CALL (vars) {`) whose closing brace is followed by IN: the only
 * thing that may follow it there is IN [n CONCURRENT] TRANSACTIONS.
 */
function hasCallInTransactions(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    if (word(tokens[k]) !== 'CALL') continue;
    const before = tokens[k - 1];
    if (isSymbol(before, '.') || isSymbol(before, ':') || isSymbol(before, '$')) continue; // n.call, :CALL, $call
    let j = k + 1;
    if (isSymbol(tokens[j], '(')) j = matching(tokens, j, '(', ')') + 1;
    if (!isSymbol(tokens[j], '{') || isSymbol(tokens[j + 1], '.')) continue; // not a subquery (`call {.x}` projects a map)
    const close = matching(tokens, j, '{', '}');
    if (word(tokens[close + 1]) === 'IN') return true;
  }
  return false;
}

/** Index of the symbol closing the one at `open` (or the last token when it is never closed). */
function matching(tokens: Token[], open: number, o: string, c: string): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (isSymbol(tokens[k], o)) depth++;
    else if (isSymbol(tokens[k], c) && --depth === 0) return k;
  }
  return tokens.length - 1;
}
