import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { loadExamples, operationOf } from '../../src/server/ide.js';
import { warmShapes, warmUp } from '../../src/server/warm.js';
import { testDriver } from '../support/api.js';
import { startOwnServer, type OwnServer } from './ownServer.js';

// Issue 13, first use: a server that has not sent a query text before plans it first (EXPLAIN,
// reported as extensions.neo4j.plans). After the start-up warm-up, no IDE example and no request
// of the explorer has to: their first use is a repeat. Timing is measured by bench/firstUse.ts.

let own: OwnServer;
beforeAll(async () => { own = await startOwnServer(); }, 120_000);
afterAll(async () => { await own?.close(); });

async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { errors?: unknown[]; extensions?: { neo4j?: { plans?: number } } };
}

describe('warm start', () => {
  it('a new shape is planned at its first use; after the warm-up, every IDE example and explorer request is already planned', async () => {
    const cold = await post('{ incident(id: "kakao-open-chat-leak") { title yearBasis peopleAffectedBasis { rule } } }');
    expect(cold.errors).toBeUndefined();
    expect(cold.extensions?.neo4j?.plans).toBe(1);

    const shapes = await warmShapes();
    expect(shapes.filter((s) => s.name.startsWith('explore: ')).length).toBeGreaterThan(20);
    await warmUp(own.url, createLogger('warn', 'json'));
    for (const { name, query, variables } of shapes) {
      const r = await post(query, variables);
      expect(r.errors, name).toBeUndefined();
      expect(r.extensions?.neo4j?.plans, name).toBeUndefined();
    }
  }, 600_000);
});

// Issue 24: the IDE offers curators' example mutations too. The warm-up that runs the examples at
// every start must never send one (and would be refused anyway: it has no identity).
describe('the warm-up writes nothing', () => {
  async function counts() {
    const driver = testDriver();
    try {
      const { records } = await driver.executeQuery(`
        CALL () { MATCH (n) RETURN count(n) AS nodes }
        CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
        CALL () { MATCH (c:Change) RETURN count(c) AS changes }
        RETURN nodes, relationships, changes`, {}, { database: inject('database') });
      return records[0]!.toObject();
    } finally {
      await driver.close();
    }
  }

  it('the IDE\'s example mutations are never sent, and no node, relationship or Change is new after it', async () => {
    const mutations = loadExamples(undefined, { mutations: true }).filter((e) => e.operation === 'mutation');
    expect(mutations.length).toBeGreaterThan(0);
    expect(loadExamples().every((e) => operationOf(e.query) === 'query')).toBe(true);
    expect((await warmShapes()).map((s) => operationOf(s.query))).not.toContain('mutation');

    const before = await counts();
    const sent: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (typeof init?.body === 'string') sent.push((JSON.parse(init.body) as { query: string }).query);
      return realFetch(input, init);
    });
    try {
      await warmUp(own.url, createLogger('warn', 'json'));
    } finally {
      spy.mockRestore();
    }
    expect(sent.length).toBeGreaterThan(20);
    expect(sent.map(operationOf)).not.toContain('mutation');
    expect(await counts()).toEqual(before);
  }, 600_000);
});
