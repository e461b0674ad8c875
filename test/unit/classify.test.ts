import { describe, expect, it } from 'vitest';
import { classifyStatement } from '../../src/seed/classify.js';
import { tokenize } from '../../src/cypher/lexer.js';

// Which statements must commit on their own, from their tokens. test/seed/transactionRules.test.ts
// checks the same verdicts against what Neo4j itself refuses in a transaction.
const own = (reason: string, form: string) => ({ commit: 'own', reason, form });
const tx = { commit: 'transaction' };

describe('classifyStatement', () => {
  it.each([
    // The words in strings, comments, backquoted names, variables and properties do not count.
    ["MERGE (c:Company {id: 'x'}) SET c.note = 'loaded in transactions of 5000 rows'", tx],
    ['MERGE (c:Company {id: "x"}) SET c.note = "CALL { } IN TRANSACTIONS"', tx],
    ["MERGE (c:Company {id: 'x'}) // CALL { ... } IN TRANSACTIONS\nSET c.n = 1", tx],
    ["MERGE (c:Company {id: 'x'}) /* } IN TRANSACTIONS */ SET c.n = 1", tx],
    ['MERGE (c:Company {id: 1}) SET c.`IN TRANSACTIONS` = 1', tx],
    ['WITH [1] AS transactions RETURN 1 IN transactions', tx],
    ['WITH [{a: 1}] AS transactions RETURN {a: 1} IN transactions', tx],
    ['WITH 1 AS x CALL (x) { RETURN x AS y } WITH y WHERE y IN [1] RETURN y', tx],
    ['MATCH (n:CALL {id: 1}) RETURN n', tx],
    ["CALL db.labels() YIELD label WHERE label IN ['x'] RETURN label", tx],
    ['WITH {x: 1} AS call RETURN call {.x} IN [] AS r', tx],
    ["CREATE index = (:A {id: 'p1'})-[:R]->(:A {id: 'p2'}) RETURN index", tx],
    ['SHOW INDEXES', tx],
    ['SHOW USER DEFINED FUNCTIONS', tx],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", tx],
    ['SHOW TRANSACTIONS', tx],
    // Batched.
    ['CALL { MERGE (:A) } IN TRANSACTIONS', own('batched', 'CALL { ... } IN TRANSACTIONS')],
    ['MATCH (i:Incident)\nCALL (i) {\n  OPTIONAL CALL (i) { RETURN 1 AS e }\n  SET i.x = e\n} IN TRANSACTIONS OF 5000 ROWS', own('batched', 'CALL { ... } IN TRANSACTIONS')],
    ['UNWIND $rows AS r CALL (r) { MERGE (:A {id: r}) } IN 4 CONCURRENT TRANSACTIONS OF 10 ROWS ON ERROR CONTINUE REPORT STATUS AS s RETURN s', own('batched', 'CALL { ... } IN TRANSACTIONS')],
    ['UNWIND [1] AS x call (x) { merge (:A {id: x}) } // batches\n/* of 1 */ in transactions', own('batched', 'CALL { ... } IN TRANSACTIONS')],
    ['CYPHER 5 EXPLAIN CALL (*) { MERGE (:A) } IN TRANSACTIONS', own('batched', 'CALL { ... } IN TRANSACTIONS')],
    // Schema commands.
    ['CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE', own('schema', 'CREATE CONSTRAINT')],
    ['create fulltext index s if not exists for (n:A) on each [n.a]', own('schema', 'CREATE FULLTEXT INDEX')],
    ['CREATE INDEX IF NOT EXISTS FOR (n:A) ON (n.a)', own('schema', 'CREATE INDEX')],
    ['USE neo4j CREATE TEXT INDEX t FOR (n:A) ON (n.t)', own('schema', 'CREATE TEXT INDEX')],
    ['DROP INDEX x IF EXISTS', own('schema', 'DROP INDEX')],
    // Administration commands.
    ['SHOW USERS', own('administration', 'SHOW USERS')],
    ['SHOW CURRENT USER', own('administration', 'SHOW CURRENT USER')],
    ["CREATE USER u IF NOT EXISTS SET PASSWORD 'abcdefgh'", own('administration', 'CREATE USER')],
    ['DROP DATABASE x IF EXISTS', own('administration', 'DROP DATABASE')],
    ['GRANT ROLE r TO u', own('administration', 'GRANT ROLE')],
  ])('%s', (text, expected) => {
    expect(classifyStatement(text)).toEqual(expected);
  });
});

describe('tokenize', () => {
  it('keeps strings, backquoted names and numbers whole', () => {
    expect(tokenize("MATCH (n:`a``b`) WHERE n.x = 'a\\'b' AND n.y IN [1..3] RETURN 1.5e3").map((t) => [t.type, t.text])).toEqual([
      ['word', 'MATCH'], ['symbol', '('], ['word', 'n'], ['symbol', ':'], ['name', '`a``b`'], ['symbol', ')'],
      ['word', 'WHERE'], ['word', 'n'], ['symbol', '.'], ['word', 'x'], ['symbol', '='], ['string', "'a\\'b'"],
      ['word', 'AND'], ['word', 'n'], ['symbol', '.'], ['word', 'y'], ['word', 'IN'], ['symbol', '['], ['number', '1'],
      ['symbol', '.'], ['symbol', '.'], ['number', '3'], ['symbol', ']'], ['word', 'RETURN'], ['number', '1.5e3'],
    ]);
  });
});
