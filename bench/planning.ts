/**
 * What Neo4j's planning of a new compiled text costs, and what its query options change (issue
 * 25), not a test: the compiled Cypher of new selections (the comparison's kinds and the IDE
 * examples, each with one leaf field left out, compiled without a database by
 * test/support/compileOnly.ts) is planned with `EXPLAIN` under each set of query options, in
 * rotating order, on the comparison's graph (.neo4j/compare, started if not running; with the
 * settings of NEO4J_LOCAL_SETTINGS when this starts it). Then each option's plan is run, so that
 * a cheaper plan that runs slower shows.
 *   npx tsx bench/planning.ts [--variants 4] [--options ',runtime=interpreted,...']
 */
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { openDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { loadExamples } from '../src/server/ide.js';
import { compileOnly } from '../test/support/compileOnly.js';
import { kinds } from './compare/kinds.js';
import { leafDrops } from './compare/variants.js';

const opts = new Command()
  .option('--variants <n>', 'new texts per query', '3')
  .option('--options <list>', 'query option sets, comma-separated (empty: the defaults; spaces inside one set)', ',runtime=interpreted,planner=dp,connectComponentsPlanner=greedy,expressionEngine=interpreted')
  .option('--home <dir>', 'the local Neo4j home', fileURLToPath(new URL('../.neo4j/compare', import.meta.url)))
  .parse()
  .opts<{ variants: string; options: string; home: string }>();
const optionSets = opts.options.split(',');
process.env.CURSOR_SECRET ??= 'planning-bench-cursor-secret-0123456789';

const PARAMS = { incident: 'syn-incident-0000042', company: 'syn-company-0000042', authority: 'syn-authority-0000007', currency: 'KRW', minAmount: '1000000000' };
const sources = [
  ...kinds(PARAMS).filter((k) => k.key !== 'incident-curated').map((k) => ({ name: k.key, query: k.api.query, variables: k.api.variables })),
  ...loadExamples().filter((e) => e.operation === 'query').map((e) => ({ name: e.name, query: e.query, variables: undefined })),
];
const compiler = compileOnly();
const texts: { name: string; text: string; params: Record<string, unknown> }[] = [];
const seen = new Set<string>();
for (const s of sources) {
  for (const q of leafDrops(s.query, Number(opts.variants))) {
    const { sent } = await compiler.compile(q, s.variables);
    // The compiled read, not a registry lookup sent beside it (asof/earliest, common/suggest/...).
    const root = sent.find((q) => q.name.startsWith('Query.'));
    if (!root || seen.has(root.text)) continue;
    seen.add(root.text);
    texts.push({ name: s.name, text: root.text, params: root.params });
  }
}
console.log(`${texts.length} new compiled texts (${Math.min(...texts.map((t) => t.text.length))}-${Math.max(...texts.map((t) => t.text.length))} characters)`);

const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn' });
const db = await openDatabase(config, createLogger('warn'), opts.home);
const database = config.neo4j.database;
const run = async (text: string, params: Record<string, unknown>) => {
  const started = performance.now();
  await db.driver.executeQuery(text, params, { database, routing: neo4j.routing.READ });
  return performance.now() - started;
};
const prefix = (o: string) => (o ? `CYPHER ${o} ` : '');
const plan: Record<string, number[]> = Object.fromEntries(optionSets.map((o) => [o, []]));
const again: Record<string, number[]> = Object.fromEntries(optionSets.map((o) => [o, []]));
const exec: Record<string, number[]> = Object.fromEntries(optionSets.map((o) => [o, []]));
let failures = 0;
for (const [i, t] of texts.entries()) {
  const order = optionSets.map((_, j) => optionSets[(i + j) % optionSets.length]!);
  const row: string[] = [];
  for (const o of order) {
    try {
      plan[o]!.push(await run(`${prefix(o)}EXPLAIN ${t.text}`, t.params));
      again[o]!.push(await run(`${prefix(o)}EXPLAIN ${t.text}`, t.params));
      exec[o]!.push(Math.min(await run(`${prefix(o)}${t.text}`, t.params), await run(`${prefix(o)}${t.text}`, t.params)));
      row.push(`${o || 'default'} ${plan[o]!.at(-1)!.toFixed(0)}`);
    } catch (e) {
      failures++;
      row.push(`${o || 'default'} FAILED ${(e as Error).message.slice(0, 120)}`);
    }
  }
  console.log(`${t.name} (${t.text.length} chars): ${row.join(', ')} ms`);
}
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN; };
console.table(optionSets.map((o) => ({
  options: o || '(defaults)',
  'plan p50 ms': pct(plan[o]!, 50).toFixed(0), 'plan p95': pct(plan[o]!, 95).toFixed(0), 'plan max': Math.max(...plan[o]!).toFixed(0),
  'cached EXPLAIN p50': pct(again[o]!, 50).toFixed(1), 'run p50 ms (planned)': pct(exec[o]!, 50).toFixed(1), 'run p95': pct(exec[o]!, 95).toFixed(1),
  'run sum': exec[o]!.reduce((a, b) => a + b, 0).toFixed(0),
})));
console.log(`settings: ${process.env.NEO4J_LOCAL_SETTINGS ?? '(defaults)'}; ${failures} failures`);
await db.close();
