import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CsvFile } from './csvFile.js';
import {
  headerFile, keyOf, NODES, partFile, RELATIONSHIPS, writeIncidentPart, writeOrganizationPart,
  type NodeKind, type PartResult, type RelType,
} from './csv.js';
import type { ImportFiles } from '../local-neo4j/import.js';
import type { SyntheticOptions } from './rows.js';

export interface CsvResult {
  files: ImportFiles;
  /** How the importer reads the files' keys (csv.ts: keyOf). */
  idType: 'integer';
  /** Nodes of the synthetic graph (the bare curated ids it points at are not counted). */
  nodes: number;
  relationships: number;
  /** Curated ids the synthetic graph points at, written as bare nodes for the seeds to complete. */
  references: { Country: string[]; DataCategory: string[] };
}

// The worker beside this module: TypeScript run through tsx in development, JavaScript in dist/.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = fileURLToPath(new URL(`./csvWorker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));

/**
 * Writes the synthetic graph for `o` as CSV into dir (emptied first). Incidents are split into
 * `workers` ranges written by child processes side by side (1: in this process).
 */
export async function writeSyntheticCsv(dir: string, o: SyntheticOptions, opts: { workers?: number } = {},
  onProgress: (incidents: number) => void = () => {}): Promise<CsvResult> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const groups = [...Object.keys(NODES), ...Object.keys(RELATIONSHIPS)] as (NodeKind | RelType)[];
  for (const g of groups) writeFileSync(headerFile(dir, g), `${(g in NODES ? NODES[g as NodeKind].header : RELATIONSHIPS[g as RelType]).join(',')}\n`);

  const workers = Math.max(1, Math.min(opts.workers ?? availableParallelism(), Math.ceil(o.incidents / 10_000)));
  const done = new Array<number>(workers).fill(0);
  const report = (w: number) => (n: number) => { done[w] = n; onProgress(done.reduce((a, b) => a + b, 0)); };
  const ranges = Array.from({ length: workers }, (_, w) => [Math.floor((o.incidents * w) / workers), Math.floor((o.incidents * (w + 1)) / workers)] as const);
  const parts: { name: string; result: PartResult }[] = [{ name: 'org', result: await writeOrganizationPart(dir, o) }];
  const incidentParts = await Promise.all(ranges.map(async ([from, to], w) => ({
    name: String(w),
    result: workers === 1 ? await writeIncidentPart(dir, '0', o, from, to, report(w)) : await inChild(dir, String(w), o, from, to, report(w)),
  })));
  parts.push(...incidentParts);

  const references = {
    Country: [...new Set(parts.flatMap((p) => p.result.countries))].sort(),
    DataCategory: [...new Set(parts.flatMap((p) => p.result.dataCategories))].sort(),
  };
  const refs = new CsvFile(partFile(dir, 'country', 'ref'));
  for (const id of references.Country) refs.add(`${keyOf.country(id)},${id}\n`);
  await refs.close();
  const cats = new CsvFile(partFile(dir, 'dataCategory', 'ref'));
  for (const id of references.DataCategory) cats.add(`${keyOf.category(id)},${id}\n`);
  await cats.close();
  parts.push({ name: 'ref', result: { rows: { country: references.Country.length, dataCategory: references.DataCategory.length }, countries: [], dataCategories: [] } });

  // Only parts that hold rows go to the importer; the rest are removed.
  const filesOf = (g: NodeKind | RelType) => {
    const used = parts.filter((p) => (p.result.rows[g] ?? 0) > 0).map((p) => partFile(dir, g, p.name));
    for (const p of parts) if ((p.result.rows[g] ?? 0) === 0) rmSync(partFile(dir, g, p.name), { force: true });
    return used.length ? [headerFile(dir, g), ...used] : [];
  };
  const total = (gs: string[]) => parts.reduce((n, p) => n + gs.reduce((m, g) => m + (p.result.rows[g as NodeKind] ?? 0), 0), 0);
  const nodeKinds = Object.keys(NODES) as NodeKind[];
  const relTypes = Object.keys(RELATIONSHIPS) as RelType[];
  return {
    idType: 'integer',
    files: {
      nodes: nodeKinds.map((k) => ({ labels: NODES[k].labels, files: filesOf(k) })).filter((n) => n.files.length),
      relationships: relTypes.map((t) => ({ type: t as string, files: filesOf(t) })).filter((r) => r.files.length),
    },
    nodes: total(nodeKinds) - references.Country.length - references.DataCategory.length,
    relationships: total(relTypes),
    references,
  };
}

/** One part written by a child process (csvWorker.ts, run through tsx as this code is). */
function inChild(dir: string, name: string, options: SyntheticOptions, from: number, to: number,
  onProgress: (n: number) => void): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { execArgv: FROM_SOURCE ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.on('message', (m: { done?: number; result?: PartResult; error?: string }) => {
      if (m.done !== undefined) onProgress(m.done);
      if (m.result) { settled = true; resolve(m.result); }
      if (m.error) { settled = true; reject(new Error(`CSV part ${name}: ${m.error}`)); }
    });
    child.on('error', (e) => { if (!settled) { settled = true; reject(e); } });
    child.on('exit', (code) => { if (!settled) { settled = true; reject(new Error(`CSV part ${name}: the writer exited with code ${code}`)); } });
    child.send({ dir, name, options, from, to });
  });
}
