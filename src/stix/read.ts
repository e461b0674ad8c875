import type { Graph } from '../graph/graph.js';
import { readAsRecorded } from '../read/recordedAsOf.js';
import { buildBundle, type Bundle, type IncidentRow } from './bundle.js';

/**
 * The STIX bundle of one incident, from one read query; null when no incident has this id (or,
 * as known on a day, `asOf`, none was known by then; as recorded at an instant, `recordedAt`,
 * none was in the graph then).
 */
export async function incidentBundle(graph: Graph, id: string, asOf: string | null = null, recordedAt: string | null = null): Promise<Bundle | null> {
  const params = { id, asOf };
  const rows = recordedAt === null
    ? await graph.read<IncidentRow & Record<string, unknown>>('stix/incident', params)
    : await readAsRecorded<IncidentRow & Record<string, unknown>>(graph, recordedAt, graph.queries.statement('stix/incident'), params, { queries: 0, dbMs: 0 }, undefined, []);
  const row = rows[0];
  if (!row) return null;
  return buildBundle(id, row);
}

/** Every incident's bundle: the TAXII collection's content (one read for the ids, then one per incident). */
export async function allIncidentBundles(graph: Graph): Promise<Bundle[]> {
  const ids = (await graph.read<{ id: string }>('stix/incidentIds')).map((r) => r.id);
  const out: Bundle[] = [];
  for (const id of ids) {
    const b = await incidentBundle(graph, id);
    if (b) out.push(b);
  }
  return out;
}
