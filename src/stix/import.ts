import neo4j, { type Driver } from 'neo4j-driver';
import type { QueryRegistry } from '../graph/queries.js';
import { GraphWriter } from '../graph/writer.js';
import { systemChange } from '../seed/change.js';
import { applySchema, loadFile, seedFiles } from '../seed/load.js';
import type { Bundle } from './bundle.js';
import type { BundleProblem } from './parse.js';
import { planBundle, type StixPlan } from './plan.js';

export interface StixImportResult {
  plan: StixPlan;
  dryRun: boolean;
  /** Plan nodes the graph did not have. */
  created: string[];
  /** Plan nodes the graph had, with facts the bundle changes. */
  changed: string[];
  relationshipsCreated: number;
  /** Links not made: to an incident (related-to) or a reference (country, data category) the graph does not have. */
  unlinked: number;
  /** The run's Change; none for a dry run or a run that wrote nothing. */
  change?: string;
}

/** A plan the graph refuses: an id the graph holds under another label. Nothing is written. */
export class ConflictingBundle extends Error {
  constructor(readonly problems: BundleProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ConflictingBundle';
  }
}

/** A fact as Neo4j should store it: JSON cannot tell 27000000 from 27000000.0; a whole number is an integer, as the seeds write it. */
function stored(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(stored);
  return v;
}
const storedProps = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, stored(v)]));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Imports a checked bundle (src/stix/parse.ts) in ONE write transaction, as the catalogue import
 * does (src/import/run.ts): the graph's state is read inside it, then every node is merged by its
 * graph id (an existing node is the same fact: resolution by id), its relationships and sources
 * linked, and the run's Change (operation IMPORT, actor import:stix) recorded last, so it commits
 * whole or not at all; a dry run does every write and rolls back. Merging makes a second run of
 * the same bundle change nothing, and then it records nothing. The derived values are recomputed
 * after the commit.
 */
export async function importBundle(driver: Driver, database: string, queries: QueryRegistry, bundle: Bundle,
  opts: { dryRun?: boolean; file?: string } = {}): Promise<StixImportResult> {
  await applySchema(driver, database);
  const plan = planBundle(bundle);
  const result = await new GraphWriter(driver, database).transaction(async (tx) => {
    const run = (name: string, params: Record<string, unknown>) => tx.run(queries.get(`stix/import/${name}`), params);
    const ids = [...new Set(plan.nodes.map((n) => n.id))];
    const existing = new Map((await run('existing', { ids })).records.map((r) => [r.id as string, r as { labels: string[]; props: Record<string, unknown> }]));
    const conflicts = plan.nodes.filter((n) => existing.has(n.id) && !existing.get(n.id)!.labels.includes(n.label))
      .map((n) => ({ message: `${n.id}: the bundle has it as ${n.label}, the graph as ${existing.get(n.id)!.labels.filter((l) => l !== 'Entity').join(', ')}` }));
    if (conflicts.length) throw new ConflictingBundle(conflicts);
    const created = ids.filter((id) => !existing.has(id));
    const changed = [...new Set(plan.nodes.filter((n) => existing.has(n.id)
      && Object.entries(n.props).some(([k, v]) => !same(v, existing.get(n.id)!.props[k]))).map((n) => n.id))];

    await run('nodes', { rows: plan.nodes.map((n) => ({ label: n.label, id: n.id, props: storedProps(n.props) })) });
    const links = await run('links', { rows: plan.links.map((l) => ({ ...l, props: storedProps(l.props) })) });
    const references = await run('references', { rows: plan.references });
    const relationshipsCreated = links.counts.relationshipsCreated + references.counts.relationshipsCreated;
    const unlinked = Number(links.records[0]?.missing ?? 0) + Number(references.records[0]?.missing ?? 0);
    let change: string | undefined;
    if (!opts.dryRun && (created.length || changed.length || relationshipsCreated)) {
      const detail = `${opts.file ? `${opts.file}: ` : ''}STIX bundle ${bundle.id}, ${bundle.objects.length} objects`;
      const c = systemChange('IMPORT', 'import:stix', detail, { created });
      const { records } = await tx.run(queries.get('import/change'), { change: c, entities: [...created, ...changed], sources: plan.sources });
      change = records[0]!.change as string;
    }
    return { plan, dryRun: !!opts.dryRun, created, changed, relationshipsCreated, unlinked, ...(change ? { change } : {}) };
  }, { timeoutMs: 600_000, metadata: { import: 'stix' }, rollback: opts.dryRun });
  if (!opts.dryRun) await loadFile(driver, database, seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!);
  return result;
}

export function summarizeStixImport(r: StixImportResult): string[] {
  const verb = r.dryRun ? 'would create' : 'created';
  return [
    `${r.dryRun ? 'Dry run (rolled back): ' : ''}${r.plan.nodes.length} nodes in the bundle: ${verb} ${r.created.length}, ${r.dryRun ? 'would change' : 'changed'} ${r.changed.length}, `
      + `${r.plan.nodes.length - r.created.length - r.changed.length} already as the bundle says.`,
    `Relationships: ${verb} ${r.relationshipsCreated}${r.unlinked ? `; ${r.unlinked} not made (an incident, country or data category the graph does not have)` : ''}.`,
    ...(r.change ? [`Recorded as ${r.change}.`] : r.dryRun ? [] : ['Nothing changed: no change recorded.']),
  ];
}
