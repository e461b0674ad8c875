import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { planWrites } from '../../src/write/warm.js';
import { neo4jEnv } from '../support/api.js';
import { cypher, db } from './fixtures.js';

// The start-up planning of the write path (src/write/warm.ts) runs every write statement in a
// transaction it rolls back: it must leave nothing, and say it planned.
let database: Database;
const lines: Record<string, unknown>[] = [];
const log = pino({ level: 'info' }, new Writable({ write(chunk, _e, done) { lines.push(JSON.parse(String(chunk))); done(); } }));

beforeAll(async () => {
  database = await openDatabase(loadConfig({ ...process.env, ...neo4jEnv(), NEO4J_DATABASE: db() }), log as never);
});
afterAll(async () => { await database.close(); });

describe('planWrites', () => {
  it('runs the write statements and rolls them back: the node and the change they create are not left', async () => {
    // apply.cypher creates a node and a Change with this id: both would stay had it committed.
    const left = async () => (await cypher<{ n: number }>("MATCH (n) WHERE n.id = 'warm-up-nothing' RETURN count(n) AS n"))[0]!.n;
    expect(await left()).toBe(0);
    await planWrites(database.graph, log as never);
    expect(lines.some((l) => l.msg === 'Write path planned')).toBe(true);
    expect(lines.some((l) => String(l.msg).includes('failed'))).toBe(false);
    expect(await left()).toBe(0);
  });
});
