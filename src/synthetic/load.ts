import type { Driver } from 'neo4j-driver';
import type { QueryRegistry } from '../graph/queries.js';
import { GraphWriter, type Statement } from '../graph/writer.js';
import { loadFile, seedFiles } from '../seed/load.js';
import { incidentRows, organizationRows, type IncidentRow, type SyntheticOptions } from './rows.js';

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
  const writer = new GraphWriter(driver, database);
  const totals = { nodesCreated: 0, relationshipsCreated: 0 };
  // One transaction per batch; a transient failure rolls it back whole and it is tried again (as executeWrite did).
  const write = async (statement: Statement, rows: unknown[]) => {
    const { counts } = await writer.query(statement, { rows }, { timeoutMs: 300_000 });
    totals.nodesCreated += counts.nodesCreated;
    totals.relationshipsCreated += counts.relationshipsCreated;
  };
  await clearSynthetic(driver, database, queries);
  const orgs = organizationRows(o);
  const organizations = queries.statement('synthetic/organizations');
  for (let k = 0; k < orgs.length; k += 5000) await write(organizations, orgs.slice(k, k + 5000));
  const incidents = queries.statement('synthetic/incidents');
  for (let k = 0; k < o.incidents; k += batch * parallel) {
    const rows = incidentRows(o, k, Math.min(o.incidents, k + batch * parallel));
    await Promise.all(byCompany(rows, parallel).map((part) => (part.length ? write(incidents, part) : undefined)));
    onProgress(Math.min(o.incidents, k + batch * parallel));
  }
  await loadFile(driver, database, seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!);
  return { incidents: o.incidents, ...totals, seconds: (performance.now() - started) / 1000 };
}

/** Removes every :Synthetic node; curated data stays. It commits in batches of its own (CALL { ... } IN TRANSACTIONS). */
export async function clearSynthetic(driver: Driver, database: string, queries: QueryRegistry): Promise<void> {
  await new GraphWriter(driver, database).run(queries.statement('synthetic/clear'));
}

/** Rows split into n parts so that no two parts share a company. */
function byCompany(rows: IncidentRow[], n: number): IncidentRow[][] {
  const parts = Array.from({ length: n }, () => [] as IncidentRow[]);
  for (const r of rows) parts[Number(r.company.slice(r.company.lastIndexOf('-') + 1)) % n]!.push(r);
  return parts;
}
