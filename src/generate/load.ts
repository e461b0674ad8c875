import neo4j, { type Driver } from 'neo4j-driver';
import type { QueryRegistry } from '../graph/queries.js';
import { loadFile, seedFiles } from '../seed/load.js';
import { incidentRows, organizationRows, type IncidentRow, type SyntheticOptions } from './synthetic.js';

export interface GenerateResult {
  incidents: number;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
}

export interface OnlineOptions extends SyntheticOptions {
  /** Incidents per transaction. */
  batchSize?: number;
  /** Transactions in flight at once. */
  parallel?: number;
}

/**
 * Replaces the synthetic part of a live graph: clears every :Synthetic node, writes organizations,
 * then incidents in batches (one transaction each, UNWIND), then recomputes derived values.
 * Curated nodes are only read (countries, data categories), never changed.
 *
 * `parallel` transactions run at once, each on incidents of different companies: the company is
 * the only node two batches could both lock (a company has a handful of relationships); the
 * shared reference nodes (countries, categories, authorities, publishers) are dense, and Neo4j
 * adds relationships to dense nodes concurrently.
 */
export async function generateGraph(driver: Driver, database: string, queries: QueryRegistry, o: OnlineOptions,
  onProgress: (done: number) => void = () => {}): Promise<GenerateResult> {
  const started = performance.now();
  const parallel = o.parallel ?? 1;
  const batch = o.batchSize ?? 2000;
  const sessions = Array.from({ length: parallel }, () => driver.session({ database, defaultAccessMode: neo4j.session.WRITE }));
  const totals = { nodesCreated: 0, relationshipsCreated: 0 };
  const add = (u: { nodesCreated: number; relationshipsCreated: number }) => {
    totals.nodesCreated += u.nodesCreated;
    totals.relationshipsCreated += u.relationshipsCreated;
  };
  const write = async (k: number, query: string, rows: unknown[]) => {
    const s = await sessions[k]!.executeWrite((tx) => tx.run(query, { rows }), { timeout: 300_000 });
    add(s.summary.counters.updates());
  };
  try {
    await sessions[0]!.run(queries.get('generate/clear'));
    const orgs = organizationRows(o);
    for (let k = 0; k < orgs.length; k += 5000) await write(0, queries.get('generate/organizations'), orgs.slice(k, k + 5000));
    const incidents = queries.get('generate/incidents');
    for (let k = 0; k < o.incidents; k += batch * parallel) {
      const rows = incidentRows(o, k, Math.min(o.incidents, k + batch * parallel));
      await Promise.all(byCompany(rows, parallel).map((part, p) => (part.length ? write(p, incidents, part) : undefined)));
      onProgress(Math.min(o.incidents, k + batch * parallel));
    }
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
  await loadFile(driver, database, seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!);
  return { incidents: o.incidents, ...totals, seconds: (performance.now() - started) / 1000 };
}

/** Rows split into n parts so that no two parts share a company. */
function byCompany(rows: IncidentRow[], n: number): IncidentRow[][] {
  const parts = Array.from({ length: n }, () => [] as IncidentRow[]);
  for (const r of rows) parts[Number(r.company.slice(r.company.lastIndexOf('-') + 1)) % n]!.push(r);
  return parts;
}
