import { afterAll, describe, expect, inject, it } from 'vitest';
import { classifyStatement } from '../../src/seed/classify.js';
import { testDriver } from '../support/api.js';

// The loader's rule for what must commit on its own (src/seed/classify.ts) checked against Neo4j
// itself: each statement runs in an explicit transaction after a data write, and before one; a
// statement Neo4j refuses in either order must be classified as committing on its own, and one it
// accepts in both as fit for the file's one transaction. Every transaction here is rolled back.
const driver = testDriver();
const database = () => inject('database');
afterAll(() => driver.close());

const WRITE = "MERGE (p:SeedProbe {id: 'probe'})";

const statements = [
  // Accepted with data writes, even where the text says "in transactions".
  "MERGE (c:SeedProbe {id: 'q'}) SET c.note = 'loaded in transactions of 5000 rows'",
  "MERGE (c:SeedProbe {id: 'q'}) // CALL { ... } IN TRANSACTIONS\nSET c.n = 1",
  "MERGE (c:SeedProbe {id: 'q'}) SET c.`IN TRANSACTIONS` = 1",
  'WITH [1] AS transactions RETURN 1 IN transactions AS r',
  'WITH [{a: 1}] AS transactions RETURN {a: 1} IN transactions AS r',
  'WITH 1 AS x CALL (x) { RETURN x AS y } WITH y WHERE y IN [1] RETURN y',
  'CALL { MATCH (n) RETURN count(n) AS c } RETURN c',
  "CALL db.labels() YIELD label WHERE label IN ['SeedProbe'] RETURN label",
  "CREATE index = (:SeedProbe {id: 'p1'})-[:SEED_PROBE]->(:SeedProbe {id: 'p2'}) RETURN index",
  'SHOW INDEXES', 'SHOW CONSTRAINTS', 'SHOW PROCEDURES', 'SHOW USER DEFINED FUNCTIONS', 'SHOW SETTINGS', 'SHOW TRANSACTIONS',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-999999'",
  // Refused: batched.
  "CALL { MERGE (:SeedProbe {id: 'x'}) } IN TRANSACTIONS",
  'UNWIND [1, 2] AS x CALL (x) { MERGE (:SeedProbe {id: x}) } IN TRANSACTIONS OF 1 ROW',
  'UNWIND [1, 2] AS x CALL (x) { MERGE (:SeedProbe {id: x}) } IN 2 CONCURRENT TRANSACTIONS OF 1 ROW ON ERROR CONTINUE REPORT STATUS AS s RETURN s',
  'UNWIND [1] AS x call (x) { merge (:SeedProbe {id: x}) } // batches\n/* of 1 */ in transactions',
  // Refused: schema commands.
  'CREATE INDEX seedprobe_a IF NOT EXISTS FOR (n:SeedProbe) ON (n.a)',
  'create text index seedprobe_t if not exists for (n:SeedProbe) on (n.t)',
  'CREATE FULLTEXT INDEX seedprobe_f IF NOT EXISTS FOR (n:SeedProbe) ON EACH [n.f]',
  'CREATE CONSTRAINT seedprobe_id IF NOT EXISTS FOR (n:SeedProbe) REQUIRE n.id IS UNIQUE',
  'USE neo4j CREATE RANGE INDEX seedprobe_r IF NOT EXISTS FOR (n:SeedProbe) ON (n.r)',
  'CYPHER 5 CREATE POINT INDEX seedprobe_p IF NOT EXISTS FOR (n:SeedProbe) ON (n.p)',
  'DROP INDEX seedprobe_zz IF EXISTS',
  'DROP CONSTRAINT seedprobe_zz IF EXISTS',
  // Refused: administration commands.
  'SHOW USERS', 'SHOW CURRENT USER', 'SHOW DATABASES', 'SHOW DEFAULT DATABASE',
  "CREATE USER seed_probe_user IF NOT EXISTS SET PASSWORD 'abcdefgh'",
  'DROP USER seed_probe_user IF EXISTS',
];

// What Neo4j 5.26 answers when a statement cannot share an explicit transaction with data writes.
const REFUSALS = [
  /Neo\.ClientError\.Transaction\.ForbiddenDueToTransactionType/,
  /Neo\.DatabaseError\.Transaction\.TransactionStartFailed: A query with 'CALL \{ \.\.\. \} IN TRANSACTIONS' can only be executed in an implicit transaction/,
  /Neo\.DatabaseError\.Statement\.ExecutionFailed: Expected transaction state to be empty when calling transactional subquery/,
];

/** Runs the statements in one explicit transaction, rolled back: 'ok', or Neo4j's code and message. */
async function inOneTransaction(...queries: string[]): Promise<string> {
  const session = driver.session({ database: database() });
  const tx = await session.beginTransaction();
  try {
    for (const q of queries) await tx.run(q);
    return 'ok';
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    await session.close();
  }
}

describe('which statements must commit on their own: the classifier agrees with Neo4j', () => {
  it.each(statements)('%s', async (statement) => {
    const after = await inOneTransaction(WRITE, statement);
    const before = await inOneTransaction(statement, WRITE);
    const refused = [after, before].some((r) => REFUSALS.some((p) => p.test(r)));
    // A statement that fails for another reason proves nothing: the list must hold valid ones.
    if (!refused) expect([after, before], 'valid statement, accepted in both orders').toEqual(['ok', 'ok']);
    expect(classifyStatement(statement).commit).toBe(refused ? 'own' : 'transaction');
  });

  it('left nothing behind', async () => {
    const count = async (query: string, db = database()) => (await driver.executeQuery(query, {}, { database: db })).records[0]!.get('n');
    expect(await count('MATCH (n:SeedProbe) RETURN count(n) AS n')).toBe(0);
    expect(await count("SHOW INDEXES YIELD name WHERE name STARTS WITH 'seedprobe' RETURN count(*) AS n")).toBe(0);
    expect(await count("SHOW USERS YIELD user WHERE user = 'seed_probe_user' RETURN count(*) AS n", 'system')).toBe(0);
  });
});
