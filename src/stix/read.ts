import type { Graph } from '../graph/graph.js';
import { buildBundle, type Bundle, type IncidentRow } from './bundle.js';

/**
 * The STIX bundle of one incident, from one read query; null when no incident has this id (or,
 * as known on a day, `asOf`, none was known by then).
 */
export async function incidentBundle(graph: Graph, id: string, asOf: string | null = null): Promise<Bundle | null> {
  const rows = await graph.read<IncidentRow & Record<string, unknown>>('stix/incident', { id, asOf });
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
