/**
 * What a curator's write costs (not a test of the suite): `addEstimate` through the schema, as the
 * server runs it (the existence check, the write, the incident's best values chosen again and the
 * Change with its sources, in one transaction), against the same estimate written by hand as one
 * Cypher statement through the driver (no check, no best values, no history). Sequential writes
 * give the latency (p50, p95); `--concurrency` writers at once give mutations per second. Writes
 * only its own incident, publisher and source (ids starting "bench-mutations-"), removed at the end.
 *   npx tsx bench/mutations.ts [--count 300] [--concurrency 8]
 * Uses the Neo4j of the configuration (NEO4J_URI..., or the local one `npm start` uses).
 */
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { graphql } from 'graphql';
import { openDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createContext } from '../src/server/context.js';
import { buildApiSchema } from '../src/server/executableSchema.js';

const opts = new Command()
  .option('--count <n>', 'writes of each kind, sequential and concurrent', '300')
  .option('--concurrency <n>', 'writers at once for the throughput figure', '8')
  .parse()
  .opts<{ count: string; concurrency: string }>();
const COUNT = Number(opts.count);
const CONCURRENCY = Number(opts.concurrency);

const log = createLogger('warn', 'json');
const config = loadConfig(process.env);
const db = await openDatabase(config, log);
const { driver } = db.graph;
const database = config.neo4j.database;
const run = `bench-mutations-${randomBytes(3).toString('hex')}`;
const incident = `${run}-incident`;
const source = `${run}-source`;
const actor = { subject: 'bench', role: 'curator' as const, via: 'jwt' as const, tokenId: run };
const schema = buildApiSchema();

const ADD = `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id } change { id } } }`;
const HAND = `MATCH (i:Incident {id: $incident}), (s:Source {id: $source})
CREATE (e:Estimate:Entity {id: $id, metric: 'AFFECTED', value: $value, qualifier: 'UNQUALIFIED', unit: 'accounts', isBest: false})
CREATE (i)-[:HAS_ESTIMATE]->(e)
CREATE (e)-[:SOURCED_FROM {claim: 'general', about: []}]->(s)`;

let n = 0;
async function viaApi(): Promise<void> {
  const r = await graphql({ schema, source: ADD, variableValues: { input: { incident, metric: 'AFFECTED', value: ++n, unit: 'accounts', sources: [{ id: source }] } },
    contextValue: { ...createContext(db.graph), actor } });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}
async function byHand(): Promise<void> {
  await driver.executeQuery(HAND, { incident, source, id: `${run}-hand-${++n}`, value: n }, { database });
}

async function measure(name: string, write: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 20; i++) await write(); // warm: plans, connections
  const times: number[] = [];
  for (let i = 0; i < COUNT; i++) {
    const t = performance.now();
    await write();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const started = performance.now();
  let left = COUNT;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (left-- > 0) await write(); }));
  const perSecond = COUNT / ((performance.now() - started) / 1000);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${name.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   ${perSecond.toFixed(0).padStart(6)} writes/s (${CONCURRENCY} at once)`);
}

try {
  await driver.executeQuery(`CREATE (:Incident:Entity {id: $incident, title: $incident, kind: 'OTHER'})
    CREATE (p:Publisher:Entity {id: $publisher, name: $publisher, aliases: []})
    CREATE (:Source:Entity {id: $source, kind: 'OTHER', url: 'https://bench.invalid/' + $source})-[:PUBLISHED_BY]->(p)`,
  { incident, source, publisher: `${run}-publisher` }, { database });
  console.log(`${COUNT} writes each, on one incident (its estimates grow as the bench runs)`);
  await measure('addEstimate (check, write, best values, Change)', viaApi);
  await measure('hand-written CREATE through the driver', byHand);
} finally {
  await driver.executeQuery(`MATCH (n:Entity) WHERE n.id STARTS WITH $run
    OPTIONAL MATCH (n)<-[:CHANGED|CITED]-(c:Change) DETACH DELETE n, c`, { run }, { database });
  await db.close();
}
