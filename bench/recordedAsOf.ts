/**
 * recordedAsOf against the same reads without it (not a test of the suite). Starts a fresh local
 * Neo4j under .neo4j/recorded, seeds it, has a curator make --changes curated writes (estimates
 * added to the seeded incidents and their titles updated, in turn), then times each read, in
 * process (the schema executed as the server executes it, without HTTP), interleaved:
 *   plain          the read as it stands;
 *   now            recordedAsOf at the last change: nothing to undo (the fixed cost: a write
 *                  transaction that is rolled back, and the statement that finds the changes);
 *   half, all      recordedAsOf half-way through the writes and before them: that many changes
 *                  undone in the read's transaction.
 *   npm run recorded -- --changes 200 --runs 30
 * Prints p50 and p95 (ms) per read and state, the ratio to plain, and Neo4j statements per read;
 * writes them to bench/results/recorded-<date>.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { graphql, type ExecutionResult } from 'graphql';
import { openDatabase, prepareDatabase, type Database } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createContext } from '../src/server/context.js';
import { buildApiSchema } from '../src/server/executableSchema.js';

const opts = new Command()
  .option('--changes <n>', 'curated writes made after the seed (at most 1000: the most a read may undo)', '200')
  .option('--runs <n>', 'timed runs of each read in each state', '30')
  .option('--warm <n>', 'untimed runs of each read in each state first', '3')
  .parse()
  .opts<{ changes: string; runs: string; warm: string }>();
const [changes, runs, warm] = [Number(opts.changes), Number(opts.runs), Number(opts.warm)];

const HOME = fileURLToPath(new URL('../.neo4j/recorded', import.meta.url));
const CURATOR = { subject: 'bench-recorded', role: 'curator', tokenId: null };

const READS: Record<string, string> = {
  'incident, deep': `query($r: String) { incident(id: "coupang-breach-2025", recordedAsOf: $r) { title accountsAffected { value sources { source { url } } }
    estimatesConnection(first: 50) { totalCount edges { node { value unit asOf { iso } } } } investigations { authorities { name } fines { amount { display } } } } }`,
  'search': `query($r: String) { search(query: "breach", first: 20, recordedAsOf: $r) { totalCount edges { node { __typename ... on Incident { id title } } } } }`,
  'largest incidents': `query($r: String) { stats(recordedAsOf: $r) { largestIncidents(first: 10) { title accountsAffected { value } } } }`,
  'authority fines': `query($r: String) { authority(id: "pipc", recordedAsOf: $r) { name finesImposed(first: 20) { amount { display } incident { title } } } }`,
};

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };

let db: Database | undefined;
try {
  rmSync(HOME, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'true' });
  process.stdout.write('starting Neo4j and seeding... ');
  db = await openDatabase(config, createLogger('warn', 'json'), HOME);
  await prepareDatabase(db, config, createLogger('warn', 'json'));
  const schema = buildApiSchema();
  const database = db;
  const run = async (source: string, variableValues: Record<string, unknown>, actor?: Record<string, unknown>) => {
    const contextValue = { ...createContext(database.graph), actor };
    const r = (await graphql({ schema, source, variableValues, contextValue })) as ExecutionResult<any>;
    if (r.errors) throw new Error(`${source.slice(0, 60)}: ${r.errors[0]!.message}`);
    return { data: r.data, queries: contextValue.stats.queries };
  };

  const seeded = (await run(`{ incidents(first: 20) { edges { node { id } } } sources(first: 1) { edges { node { id } } } }`, {})).data;
  const incidents: string[] = seeded.incidents.edges.map((e: { node: { id: string } }) => e.node.id);
  const source: string = seeded.sources.edges[0].node.id;
  console.log(`done; ${changes} curated writes...`);
  const instants: string[] = [new Date().toISOString()];
  const version = new Map<string, number>();
  for (let i = 0; i < changes; i++) {
    const id = incidents[i % incidents.length]!;
    const { data } = i % 2 === 0
      ? await run(`mutation($input: AddEstimateInput!) { addEstimate(input: $input) { change { at } } }`,
        { input: { incident: id, metric: 'AFFECTED', value: 1000 + i, unit: 'accounts', asOf: '2025-01', sources: [{ id: source }] } }, CURATOR)
      : await run(`mutation($id: ID!, $v: Int!, $input: UpdateIncidentInput!) { updateIncident(id: $id, expectedVersion: $v, input: $input) { incident { version } change { at } } }`,
        { id, v: version.get(id) ?? await currentVersion(id), input: { title: `Bench title ${i}`, sources: [{ id: source }] } }, CURATOR);
    if (data.updateIncident) version.set(id, data.updateIncident.incident.version);
    instants.push((data.addEstimate ?? data.updateIncident).change.at);
  }
  async function currentVersion(id: string): Promise<number> {
    return (await run(`query($id: ID!) { incident(id: $id) { version } }`, { id })).data.incident.version;
  }
  const states: Record<string, string | null> = {
    plain: null, now: instants.at(-1)!, half: instants[Math.floor(changes / 2)]!, all: instants[0]!,
  };
  const rows = [];
  for (const [name, query] of Object.entries(READS)) {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(states).map((s) => [s, []]));
    const queries: Record<string, number> = {};
    for (let i = 0; i < warm + runs; i++) {
      // Interleaved, in rotating order: a noisy moment falls on every state alike.
      const order = Object.keys(states);
      for (let k = 0; k < order.length; k++) {
        const s = order[(i + k) % order.length]!;
        const t = performance.now();
        const r = await run(query, { r: states[s] });
        if (i >= warm) times[s]!.push(performance.now() - t);
        queries[s] = r.queries;
      }
    }
    const plain = pct(times.plain!, 50);
    for (const s of Object.keys(states)) {
      rows.push({ read: name, state: s, 'undone': s === 'plain' || s === 'now' ? 0 : s === 'half' ? changes - Math.floor(changes / 2) : changes,
        'p50 ms': +pct(times[s]!, 50).toFixed(1), 'p95 ms': +pct(times[s]!, 95).toFixed(1), 'x plain p50': +(pct(times[s]!, 50) / plain).toFixed(2), statements: queries[s] });
    }
  }
  console.table(rows);
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  const file = fileURLToPath(new URL(`./results/recorded-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
  writeFileSync(file, JSON.stringify({ changes, runs, warm, rows }, null, 2));
  console.log(`Figures written to ${file}`);
} finally {
  await db?.close();
}
