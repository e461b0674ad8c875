import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph.js';
import type { Logger } from '../logger.js';

/**
 * The write path's queries planned at start-up, so the first curator's write does not wait for
 * Neo4j to plan cypher/write/refresh.cypher (a large text: seconds on a busy machine). They run
 * as a real write would, with parameters of the same types, in ONE transaction that is rolled
 * back: nothing is written. Never fails the start: a failure is logged.
 */
export async function planWrites(graph: Graph, log: Logger): Promise<void> {
  const started = performance.now();
  const session = graph.driver.session({ database: graph.options.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const tx = await session.beginTransaction({ timeout: 120_000, metadata: { query: 'warm-up/writes' } });
    try {
      for (const [name, params] of SAMPLES) await tx.run(graph.queries.get(name), params);
    } finally {
      await tx.rollback().catch(() => {});
    }
    log.info({ ms: Math.round(performance.now() - started) }, 'Write path planned');
  } catch (e) {
    log.warn({ err: e }, 'Planning the write path at start-up failed; the first write will plan it');
  } finally {
    await session.close().catch(() => {});
  }
}

/** Ids no node has: the statements match nothing and write only what the rollback takes back. */
const NONE = 'warm-up-nothing';
const FUTURE = '9999-12-31T23:59:59.999Z';
const SAMPLES: [string, Record<string, unknown>][] = [
  ['write/prepare', { require: [{ id: NONE, label: 'Incident', argument: 'id' }], lock: [NONE], links: [{ from: NONE, type: 'HAS_ESTIMATE', to: NONE }] }],
  ['write/apply+write/refresh', {
    require: [],
    unlink: [{ from: NONE, type: 'HAS_ESTIMATE', to: NONE }],
    create: [{ id: NONE, labels: ['Estimate', 'Entity'], props: { metric: 'AFFECTED', value: neo4j.int(1), unit: 'accounts' } }],
    set: [{ id: NONE, props: { title: 'x' } }],
    relabel: [{ id: NONE, remove: ['Estimate'], add: ['Retracted'], props: {} }],
    link: [{ from: NONE, type: 'HAS_ESTIMATE', to: NONE, props: { claim: 'general' } }],
    change: { id: NONE, at: new Date(0).toISOString(), operation: 'ADD_ESTIMATE' },
    changed: [NONE], cited: [NONE], idempotency: null, ids: [NONE], returned: [NONE],
  }],
  ['write/idempotencyKey', { id: NONE, since: new Date(0).toISOString() }],
  ['write/relationships', { ids: [NONE] }],
  // Reads as recorded at an instant (src/read/recordedAsOf.ts) run these before their read: an
  // instant no change comes after finds and removes nothing.
  ['recorded/after', { at: FUTURE, limit: neo4j.int(1) }],
  ['recorded/undo+write/refresh', {
    at: FUTURE, created: [NONE], relabel: [{ id: NONE, labels: ['Estimate', 'Entity'] }], set: [{ id: NONE, props: { title: 'x' } }],
    unlink: [{ from: NONE, type: 'HAS_ESTIMATE', to: NONE }], link: [{ from: NONE, type: 'HAS_ESTIMATE', to: NONE, props: { claim: 'general' } }],
    ids: [NONE], returned: [],
  }],
];
