import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { warmShapes, warmUp } from '../../src/server/warm.js';
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
