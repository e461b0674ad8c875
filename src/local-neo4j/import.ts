import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureNeo4jJars, LIB_DIR } from './fetch.js';
import { requireJava } from './prerequisites.js';
import { JVM_FLAGS } from './launch.js';

/** CSV files for the importer: per node group its labels, per relationship group its type; header file first. */
export interface ImportFiles {
  nodes: { labels: readonly string[]; files: string[] }[];
  relationships: { type: string; files: string[] }[];
}

export interface ImportOptions {
  /** Home of the local Neo4j (the folder startLocalNeo4j runs on); it must not be running. */
  home: string;
  database: string;
  files: ImportFiles;
  /** Replace a store that exists (the caller has checked it holds nothing, or was told to). */
  overwrite: boolean;
  /** Where the importer writes its report of bad entries (there should be none). */
  reportFile: string;
  /** Where its output goes (stage times, memory), kept for a look at a slow import. */
  logFile?: string;
  /** How the files' :ID, :START_ID and :END_ID columns are read (default: string). */
  idType?: 'string' | 'integer';
  /** Memory for the importer's own structures (id mapping, relationship linking), in MiB. */
  offHeapMb?: number;
  onProgress?: (stage: string, percent: number) => void;
}

export interface ImportResult {
  nodes: number;
  relationships: number;
  properties: number;
  seconds: number;
}

export class ImportFailed extends Error {}

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`; its classes come with the
 * Neo4j jars in neo4j-local/lib) into the local Neo4j's store. Fails on the first bad entry:
 * generated data has none, so one means a bug, not data to skip.
 */
export async function runImport(o: ImportOptions): Promise<ImportResult> {
  requireJava();
  await ensureNeo4jJars(() => {});
  mkdirSync(o.home, { recursive: true }); // the importer wants NEO4J_HOME to exist
  for (const f of [...o.files.nodes, ...o.files.relationships].flatMap((g) => g.files)) {
    if (/[,=]/.test(f)) throw new ImportFailed(`The importer cannot take a path with "," or "=": ${f}`);
  }
  const args = [
    `-Xmx${process.env.NEO4J_LOCAL_HEAP ?? '1g'}`, ...JVM_FLAGS, '-cp', join(LIB_DIR, '*'), 'org.neo4j.cli.AdminTool',
    'database', 'import', 'full',
    ...o.files.nodes.map((n) => `--nodes=${n.labels.join(':')}=${n.files.join(',')}`),
    ...o.files.relationships.map((r) => `--relationships=${r.type}=${r.files.join(',')}`),
    `--overwrite-destination=${o.overwrite}`, '--bad-tolerance=0', `--report-file=${o.reportFile}`,
    `--max-off-heap-memory=${o.offHeapMb ?? 1024}m`, `--id-type=${o.idType ?? 'string'}`,
    o.database,
  ];
  const started = performance.now();
  const child = spawn('java', args, { env: { ...process.env, NEO4J_HOME: o.home }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (o.logFile) mkdirSync(dirname(o.logFile), { recursive: true });
  const log = o.logFile ? createWriteStream(o.logFile).on('error', () => {}) : undefined; // a lost log never fails the import
  let out = '';
  let stage = 'starting';
  let pending = '';
  const onLine = (line: string) => {
    const s = /^\((\d)\/(\d)\) (.+?) \d{4}-\d\d-\d\d/.exec(line);
    if (s) {
      stage = `${s[1]}/${s[2]} ${s[3]!.toLowerCase()}`;
      o.onProgress?.(stage, 0);
    }
    const p = /\s(\d{1,3})% ∆/.exec(line);
    if (p) o.onProgress?.(stage, Number(p[1]));
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    log?.write(d);
    out = (out + d).slice(-200_000);
    const lines = (pending + d).split('\n');
    pending = lines.pop()!;
    lines.forEach(onLine);
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { log?.write(d); out = (out + d).slice(-200_000); });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
  if (code !== 0) {
    const report = existsSync(o.reportFile) ? readFileSync(o.reportFile, 'utf8').trim().split('\n').slice(0, 10).join('\n') : '';
    const lock = /lock|Lock/.test(out) ? `\nIs the local Neo4j running on ${o.home}? Stop it first.` : '';
    throw new ImportFailed(`neo4j-admin database import failed (exit ${code}).${lock}\n${tail(out)}${report ? `\nBad entries:\n${report}` : ''}`);
  }
  const count = (what: string) => Number(new RegExp(`(\\d+) ${what}\\b`).exec(out.slice(out.lastIndexOf('IMPORT DONE')))?.[1] ?? NaN);
  return { nodes: count('nodes'), relationships: count('relationships'), properties: count('properties'), seconds: (performance.now() - started) / 1000 };
}

function tail(s: string): string {
  return s.split('\n').filter((l) => l.trim() && !/^[-.]{10} /.test(l)).slice(-25).join('\n');
}
