/**
 * PROFILE of a kind's compiled Cypher with and without asOf, on the graph `npm run asof` left
 * under .neo4j/asof (started here if not running): db hits and rows per operator, so that an asOf
 * variant slower than its plain form shows where. The Cypher is compiled without a database, as
 * test/read/compiled.test.ts does (the stand-in graph answers the first known day).
 *   NODE_ENV=production tsx bench/asOfProfile.ts '<graphql>' [day ...]
 */
import { fileURLToPath } from 'node:url';
import { execute, parse } from 'graphql';
import type { Graph } from '../src/graph/graph.js';
import { openDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createContext } from '../src/server/context.js';
import { buildApiSchema } from '../src/server/executableSchema.js';
import { RecordingGraph } from '../test/support/compileOnly.js';

class Stand extends RecordingGraph {
  override async read<T>(query: string | { name: string; text: string }, params: Record<string, unknown> = {}): Promise<T[]> {
    if (query === 'asof/earliest') return [{ day: '1900-01-01' }] as T[];
    return super.read<T>(query, params);
  }
}

const [graphql, ...days] = process.argv.slice(2);
const schema = buildApiSchema();
const stand = new Stand();
async function compile(day: string | null) {
  const from = stand.sent.length;
  const text = day ? graphql!.replace(/^\s*\{\s*(\w+)(\(([^)]*)\))?/, (_m, f: string, _a, args?: string) => `{ ${f}(${args ? `${args}, ` : ''}asOf: "${day}")`) : graphql!;
  const result = await execute({ schema, document: parse(text), contextValue: createContext(stand as unknown as Graph) });
  if (result.errors?.length) console.log('compile errors:', result.errors.map((e) => e.message));
  return stand.sent.slice(from);
}

const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn' });
const db = await openDatabase(config, createLogger('warn'), fileURLToPath(new URL(`../${process.env.ASOF_HOME ?? '.neo4j/asof'}`, import.meta.url)));
interface Plan { operatorType: string; dbHits: number; rows: number; arguments: Record<string, unknown>; children: Plan[] }
const walk = (p: Plan, depth: number, out: string[]) => {
  const details = String(p.arguments.Details ?? '').replace(/\s+/g, ' ').slice(0, 140);
  out.push(`${'  '.repeat(depth)}${p.operatorType} hits=${p.dbHits} rows=${p.rows} ${details}`);
  for (const c of p.children) walk(c, depth + 1, out);
};
const total = (p: Plan): number => p.dbHits + p.children.reduce((n, c) => n + total(c), 0);
for (const day of [null, ...days]) {
  for (const q of await compile(day)) {
    let best = Infinity;
    let plan: Plan | undefined;
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const r = await db.driver.executeQuery(`PROFILE ${q.text}`, q.params, { database: config.neo4j.database });
      best = Math.min(best, performance.now() - started);
      plan = r.summary.profile as unknown as Plan;
    }
    const out: string[] = [];
    walk(plan!, 0, out);
    console.log(`\n==== ${day ?? 'plain'}: ${q.name}: total db hits ${total(plan!)}, best of 6 ${best.toFixed(1)} ms (PROFILE)\n${process.env.TEXT ? `${q.text}\n` : ''}${out.join('\n')}`);
  }
}
await db.close();
