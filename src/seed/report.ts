import { addCounts, noCounts, type Counts } from './counts.js';
import type { SeedRunError } from './load.js';
import type { FileResult } from './run.js';

// What the seed command prints: exactly what was written, file by file, and on a failure what
// stayed in the database and what did not run.

const COUNT_WORDS: [keyof Counts, (n: number) => string][] = [
  ['nodesCreated', (n) => `+${plural(n, 'node')}`],
  ['nodesDeleted', (n) => `-${plural(n, 'node')}`],
  ['relationshipsCreated', (n) => `+${plural(n, 'relationship')}`],
  ['relationshipsDeleted', (n) => `-${plural(n, 'relationship')}`],
  ['propertiesSet', (n) => `${plural(n, 'property', 'properties')} set`],
  ['labelsAdded', (n) => `${plural(n, 'label')} added`],
  ['labelsRemoved', (n) => `${plural(n, 'label')} removed`],
  ['indexesAdded', (n) => `+${plural(n, 'index', 'indexes')}`],
  ['indexesRemoved', (n) => `-${plural(n, 'index', 'indexes')}`],
  ['constraintsAdded', (n) => `+${plural(n, 'constraint')}`],
  ['constraintsRemoved', (n) => `-${plural(n, 'constraint')}`],
];

export function describeCounts(c: Counts): string {
  const parts = COUNT_WORDS.filter(([k]) => c[k] > 0).map(([k, say]) => say(c[k]));
  return parts.length ? parts.join(', ') : 'no change';
}

/** One line per file. */
export function describeFile(r: FileResult): string {
  const n = plural(r.statements, 'statement');
  switch (r.outcome) {
    case 'committed':
      return (r.mode === 'transaction'
        ? `${r.file}: ${n} in one transaction, committed: ${describeCounts(r)}`
        : `${r.file}: ${n}, each committed on its own: ${describeCounts(r)}`)
        + (r.change ? `; recorded as ${r.change.id} (${plural(r.change.entities, 'entity', 'entities')} created)` : '');
    case 'rolled-back':
      return `${r.file}: ${n} run and rolled back; would write ${describeCounts(r)}`;
    case 'planned':
      return `${r.file}: ${n} only planned (EXPLAIN): each commits on its own, so a dry run cannot run them; what they would write is not counted`;
  }
}

/** The closing line of a run that succeeded. */
export function describeTotals(results: FileResult[], dryRun: boolean): string {
  const total = noCounts();
  for (const r of results) if (r.outcome !== 'planned') addCounts(total, r);
  if (!dryRun) return `Written: ${describeCounts(total)}, from ${plural(results.length, 'file')}.`;
  const ran = results.filter((r) => r.outcome === 'rolled-back');
  const planned = results.filter((r) => r.outcome === 'planned');
  const parts = ['Dry run, nothing written.'];
  if (ran.length) parts.push(`${plural(ran.length, 'file')} run together in one transaction and rolled back would write ${describeCounts(total)}.`);
  if (planned.length) parts.push(`Only planned, not counted: ${planned.map((r) => r.file).join(', ')}.`);
  return parts.join(' ');
}

/** What a failed run left: the failing file and line, what of it stayed, what ran before, what did not run. */
export function describeFailure(e: SeedRunError): string {
  const f = e.failure;
  const lines = [`Seed failed at ${f.message}`];
  if (e.dryRun) {
    lines.push('Dry run: nothing was written.');
    return lines.join('\n');
  }
  if (e.stage === 'check') {
    lines.push('Nothing was written: every file is checked before any of them runs.');
    return lines.join('\n');
  }
  const w = f.written;
  if (w.kind === 'nothing') lines.push(`Nothing from ${f.file} was written: ${w.because}.`);
  else if (w.kind === 'unknown') lines.push(`Whether ${f.file} was written is not known: ${w.because}. Check the database before loading it again.`);
  else {
    lines.push(w.committed.length
      ? `From ${f.file}, whose statements each commit on their own, these committed before the failure: ${w.committed.map((s) => `line ${s.line} (${describeCounts(s)})`).join('; ')}.`
      : `From ${f.file}, whose statements each commit on their own, no statement committed before the failure.`);
    lines.push(failedStatement(w.failed));
    if (w.notRun.length) lines.push(`Not run: ${w.notRun.length === 1 ? 'line' : 'lines'} ${w.notRun.join(', ')}.`);
  }
  const committed = e.done.filter((r) => r.outcome === 'committed');
  lines.push(committed.length ? `Committed before ${f.file}: ${committed.map((r) => r.file).join(', ')}.` : `No file before ${f.file} was loaded.`);
  if (e.notRun.length) lines.push(`Not loaded: ${e.notRun.join(', ')}.`);
  return lines.join('\n');
}

function failedStatement(failed: { line: number; batched: boolean; batchesCommitted: number | undefined }): string {
  const at = `The statement at line ${failed.line}`;
  if (!failed.batched) return `${at} failed and was not applied.`;
  if (failed.batchesCommitted === undefined) return `${at} failed; whether some of its batches committed is not known.`;
  if (failed.batchesCommitted === 0) return `${at} failed before any of its batches committed.`;
  return `${at} failed after ${plural(failed.batchesCommitted, 'batch', 'batches')} of it committed.`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
