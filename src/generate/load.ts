import neo4j, { type Driver } from 'neo4j-driver';
import type { QueryRegistry } from '../graph/queries.js';
import { loadFile, seedFiles } from '../seed/load.js';
import { incidentRows, organizationRows, type SyntheticOptions } from './synthetic.js';

export interface GenerateResult {
  incidents: number;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
}

/**
 * Replaces the synthetic part of the graph: clears every :Synthetic node, writes organizations,
 * then incidents in batches (one transaction each, UNWIND), then recomputes derived values.
 * Curated nodes are only read (countries, data categories), never changed.
 */
export async function generateGraph(driver: Driver, database: string, queries: QueryRegistry, o: SyntheticOptions & { batchSize?: number },
  onProgress: (done: number) => void = () => {}): Promise<GenerateResult> {
  const started = performance.now();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const totals = { nodesCreated: 0, relationshipsCreated: 0 };
  const add = (u: { nodesCreated: number; relationshipsCreated: number }) => {
    totals.nodesCreated += u.nodesCreated;
    totals.relationshipsCreated += u.relationshipsCreated;
  };
  try {
    await session.run(queries.get('generate/clear'));
    const orgs = organizationRows(o);
    for (let k = 0; k < orgs.length; k += 5000) {
      const s = await session.executeWrite((tx) => tx.run(queries.get('generate/organizations'), { rows: orgs.slice(k, k + 5000) }));
      add(s.summary.counters.updates());
    }
    const batch = o.batchSize ?? 1000;
    for (let k = 0; k < o.incidents; k += batch) {
      const rows = incidentRows(o, k, Math.min(o.incidents, k + batch));
      const s = await session.executeWrite((tx) => tx.run(queries.get('generate/incidents'), { rows }), { timeout: 300_000 });
      add(s.summary.counters.updates());
      onProgress(Math.min(o.incidents, k + batch));
    }
  } finally {
    await session.close();
  }
  await loadFile(driver, database, seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!);
  return { incidents: o.incidents, ...totals, seconds: (performance.now() - started) / 1000 };
}
