import type { QueryRegistry } from '../graph/queries.js';
import type { WriteTransaction } from '../graph/writer.js';
import { changedStructure, systemChange } from '../seed/change.js';
import type { Counts } from '../seed/counts.js';
import type { Catalogue } from './catalogue.js';
import type { DecisionRow, FineRow, GraphState, Plan } from './plan.js';

// An import run's (:Change) (issue 24: every write records a change in the same transaction):
// one per run, operation IMPORT, actor import:<catalogue>, recorded in the import's transaction
// after its writes, so it commits with them or not at all; a dry run rolls back, so it records
// none. What the run wrote comes from its plan and the graph state it was planned on:
// - created: the catalogue's Source and Publisher (first run), new countries, authorities,
//   companies, link Sources, fines, fine reports and decisions;
// - changed: a fine of another source that gets a report from this catalogue, an event of another
//   source that a row becomes one more source of, an entity that gains a sourced alias (its
//   aliases before and after in `properties`), and a report or decision of an earlier run whose
//   values the row changes (each value listed in `properties`, before and after; the values of
//   created nodes are not listed: too many, and all new);
// - the entities the new or changed facts hang on (a fine's authority and company) are linked
//   too, so the history of a curated authority shows the import that added fines to it.
// A re-import that creates and changes nothing records nothing. Neo4j counts every SET as a
// property set, even to the value a node had, so the run's counters decide only when they say a
// node, relationship or label was created or removed (a row resolved to another party).

/** Values a report or decision holds as the catalogue's row says them: compared with the stored ones. */
const REPORT_VALUES = ['amount', 'currency', 'date', 'dateAsReported', 'articles', 'violationType'] as const;
const DECISION_VALUES = ['kind', 'title', 'description', 'date', 'dateAsReported', 'articles', 'violationType'] as const;

export interface PropertyWrite { entity: string; property: string; before: unknown; after: unknown }

/** What the run wrote beyond its plan: read in its transaction before the writes. */
export interface RunFacts {
  /** The values the rows of an earlier run hold, by row (imported.cypher's `stored`). */
  stored: Map<string, Record<string, unknown>>;
  /** Fines of other sources a row may be another report of (candidateFines.cypher). */
  otherFines: Set<string>;
  /** The catalogue's Source and Publisher ids that existed before the run. */
  existing: Set<string>;
  /** Neo4j's counters over the run's writes. */
  counts: Counts;
}

export interface ImportChange {
  created: string[];
  /** Created, changed, and the entities new facts hang on: every CHANGED of the Change. */
  entities: string[];
  sources: string[];
  properties: PropertyWrite[];
}

/** What the run wrote, or undefined when it wrote nothing. */
export function whatChanged(catalogue: Catalogue, plan: Plan, state: GraphState, facts: RunFacts): ImportChange | undefined {
  const { publisher, id: sourceId } = catalogue.source;
  const created = new Set<string>();
  const changed = new Set<string>();
  const hangOn = new Set<string>();
  const sources = new Set<string>([sourceId]);
  const properties: PropertyWrite[] = [];
  for (const id of [sourceId, publisher.id]) if (!facts.existing.has(id)) created.add(id);
  for (const c of plan.countries) created.add(c.code);
  for (const o of plan.organizations) created.add(o.id);
  for (const l of plan.links) created.add(l.id);

  const row = (r: FineRow | DecisionRow, names: readonly string[], writes: () => string[]) => {
    if (!state.imported.has(r.row)) {
      for (const id of writes()) created.add(id);
    } else {
      const stored = facts.stored.get(r.row) ?? {};
      const diff = names.map((p) => ({ entity: r.id, property: p, before: stored[p] ?? null, after: (r as unknown as Record<string, unknown>)[p] ?? null }))
        .filter((w) => JSON.stringify(w.before) !== JSON.stringify(w.after));
      if (!diff.length) return;
      properties.push(...diff);
      changed.add(r.id);
    }
    hangOn.add(r.authority);
    hangOn.add(r.company);
    sources.add(r.link);
  };
  for (const f of plan.fines) {
    row(f, REPORT_VALUES, () => {
      // A new report: of a fine this run creates, or of another source's fine (which it changes).
      if (facts.otherFines.has(f.fine)) changed.add(f.fine);
      return facts.otherFines.has(f.fine) ? [f.id] : [f.id, f.fine];
    });
    if (state.imported.has(f.row) && changed.has(f.id)) hangOn.add(f.fine);
  }
  for (const d of plan.decisions) row(d, DECISION_VALUES, () => [d.id]);
  for (const a of plan.attachments) {
    if (!a.first) continue;
    changed.add(a.event);
    hangOn.add(a.authority);
    hangOn.add(a.company);
    sources.add(a.link);
  }
  const known = new Map(state.entities.map((e) => [e.id, e.aliases]));
  const gained = new Map<string, string[]>();
  for (const a of plan.aliases) gained.set(a.entity, [...(gained.get(a.entity) ?? known.get(a.entity) ?? []), a.alias]);
  for (const [entity, after] of gained) {
    changed.add(entity);
    properties.push({ entity, property: 'aliases', before: known.get(entity) ?? [], after });
  }

  if (!created.size && !changed.size && !changedStructure(facts.counts)) return undefined;
  for (const id of created) changed.delete(id);
  return {
    created: [...created],
    entities: [...new Set([...created, ...changed, ...hangOn])],
    sources: [...sources],
    properties,
  };
}

/** Records the run's Change in its transaction; the change's id, or undefined when the run wrote nothing. */
export async function recordImport(tx: WriteTransaction, queries: QueryRegistry, catalogue: Catalogue, detail: string,
  what: ImportChange | undefined): Promise<string | undefined> {
  if (!what) return undefined;
  const change = systemChange('IMPORT', `import:${catalogue.name}`, detail, { created: what.created, properties: what.properties });
  const { records } = await tx.run(queries.get('import/change'), { change, entities: what.entities, sources: what.sources });
  return records[0]!.change as string;
}
