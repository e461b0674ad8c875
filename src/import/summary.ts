import type { ImportResult } from './run.js';

/** The closing report of an import: what was created and matched, and how names were matched. */
export function summarize(r: ImportResult, rows: { read: number; valid: number; skipped: number }): string[] {
  const c = r.plan.counts;
  const verb = r.dryRun ? 'would create' : 'created';
  const line = (what: string, t: { created: number; matched: number }, extra = '') =>
    `  ${what.padEnd(26)}${String(t.created).padStart(8)}${String(t.matched).padStart(9)}${extra}`;
  const out = [
    `${rows.read} rows read, ${rows.valid} imported, ${rows.skipped} skipped (invalid).`,
    `  ${''.padEnd(26)}${(r.dryRun ? 'would add' : 'created').padStart(8)}${'matched'.padStart(9)}`,
    line('authorities', c.authorities),
    line('companies', c.companies),
    line('countries', c.countries),
    line('sources (row links)', c.sources),
    line('fines', c.fines, c.fines.reportsAdded ? `  (${c.fines.reportsAdded} matched another source's fine)` : ''),
    line('fine reports (rows)', c.reports),
    line('decisions without amount', c.decisions, c.decisions.attached ? `  (${c.decisions.attached} attached to another source's event)` : ''),
    line('aliases (matched entities)', c.aliases),
  ];
  const byNormalisation = r.plan.resolution.matched.flatMap((m) => m.texts.filter((t) => t.how !== 'exact' && t.how !== 'id')
    .map((t) => `  "${t.text}" -> ${m.id} (${m.name}): ${t.how}`));
  if (byNormalisation.length) out.push('Matched to the graph by normalisation:', ...byNormalisation);
  const attached = r.plan.attachments.filter((a) => a.first);
  if (attached.length) out.push('Rows that became one more source of an event already in the graph:', ...attached.map((a) => `  row ${a.row} -> ${a.event}`));
  if (r.plan.aliases.length) out.push('Spellings kept as sourced aliases of matched entities:', ...r.plan.aliases.map((a) => `  "${a.alias}" -> ${a.entity} (row ${a.row})`));
  for (const a of r.plan.resolution.ambiguous) out.push(`Ambiguous, imported as a new entity: "${a.text}" (could be ${a.candidates.join(', ')})`);
  out.push(`${r.dryRun ? 'Dry run, rolled back: nothing written' : 'Committed in one transaction; derived values recomputed'}`
    + ` (Neo4j: ${verb} ${r.nodesCreated} nodes, ${r.relationshipsCreated} relationships) in ${r.seconds.toFixed(1)} s.`);
  if (!r.dryRun) out.push(r.change ? `Recorded in the history as ${r.change}.` : 'Nothing was new: no change recorded.');
  return out;
}
