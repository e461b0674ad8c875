/**
 * Where this API's CPU goes under the comparison's load, per kind (issue 25), not a test: starts
 * the API as bench/compare.ts does (a process of its own, over the graph kept under
 * .neo4j/compare: run `npm run compare -- --sizes N --reuse` once first) with V8's CPU profiler,
 * sends each kind's request with autocannon, and prints the functions with the most self time
 * and the files/packages by self time, as shares of the busy time (idle samples left out). The
 * profile is kept under bench/results/profiles/.
 *   NODE_ENV=production npx tsx bench/profile.ts --kinds incident-synthetic --amount 3000
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { startChild } from './compare/children.js';
import { keptGraph } from './compare/kept.js';
import { autocannon } from './compare/measure.js';
import { cpuMs } from './compare/cpu.js';

const opts = new Command()
  .option('--kinds <list>', 'kinds (keys), comma-separated', 'incident-synthetic')
  .option('--amount <n>', 'requests per kind under load', '3000')
  .option('--warm <n>', 'untimed requests per kind first (not profiled separately)', '1000')
  .option('--connections <n>', 'autocannon connections', '10')
  .option('--top <n>', 'functions listed', '40')
  .parse()
  .opts<{ kinds: string; amount: string; warm: string; connections: string; top: string }>();

const DIR = fileURLToPath(new URL(`./results/profiles/${new Date().toISOString().replace(/[:.]/g, '-')}/`, import.meta.url));
mkdirSync(DIR, { recursive: true });
const { db, database, selected } = await keptGraph(opts.kinds.split(','));
const api = await startChild('api', db.connection.uri, database);
const c = Number(opts.connections);
for (const k of selected) {
  const t = { url: api.url, body: JSON.stringify(k.api) };
  await autocannon(t, c, Number(opts.warm));
  await api.idle();
  await api.profile.start();
  const before = cpuMs(api.pid);
  const x = await autocannon(t, c, Number(opts.amount));
  await api.idle();
  await api.profile.stop(`${DIR}${k.key}.cpuprofile`);
  console.log(`${k.key}: ${(x.requests / x.seconds).toFixed(0)} req/s, ${((cpuMs(api.pid) - before) / x.requests).toFixed(2)} ms CPU/request (API process)`);
}
await api.close();
await db.close();

function report(file: string): void {
  interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  // Shares of the busy time: the samples taken while the event loop waited are left out.
  const busy = prof.nodes.filter((n) => n.callFrame.functionName !== '(idle)');
  const idle = prof.nodes.reduce((a, n) => a + n.hitCount, 0) - busy.reduce((a, n) => a + n.hitCount, 0);
  const total = busy.reduce((a, n) => a + n.hitCount, 0);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  const where = (url: string) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    const s = /\/(src\/.*|bench\/.*)$/.exec(url);
    return s ? s[1]! : url || '(native)';
  };
  for (const n of busy) {
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + n.hitCount);
    byFile.set(where(n.callFrame.url), (byFile.get(where(n.callFrame.url)) ?? 0) + n.hitCount);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  console.log(`\nself time by package/file (${total} busy samples; ${idle} idle left out):\n${top(byFile, 25)}`);
  console.log(`\nself time by function:\n${top(byFn, Number(opts.top))}`);
  console.log(`\nprofile: ${file}`);
}
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.cpuprofile'))) { console.log(`\n== ${f}`); report(`${DIR}${f}`); }
