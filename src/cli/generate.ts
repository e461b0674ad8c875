import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase, prepareDatabase } from '../bootstrap.js';
import { bulkLoad, BulkRefused, bulkUnavailable, type BulkProgress } from '../synthetic/bulk.js';
import { clearSynthetic, generateGraph } from '../synthetic/load.js';
import { createLogger } from '../logger.js';

const int = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`an integer from ${min} to ${max}`);
  return n;
};

const program = new Command()
  .name('npm run generate --')
  .description('Replace the synthetic part of the graph (ids "syn-...", label :Synthetic) with a generated one; curated data stays intact.\n'
    + 'With --bulk: load an empty local database with Neo4j\'s offline importer, then the curated seeds and derived values.')
  .option('--incidents <n>', 'number of incidents (100000 gives about 1.1 million nodes)', int(1, 1_000_000), 10_000)
  .option('--seed <n>', 'random seed: the same seed gives the same graph', int(0, 2 ** 31), 1)
  .option('--batch <n>', 'online: incidents per transaction', int(1, 20_000), 2000)
  .option('--parallel <n>', 'online: transactions at once (on disjoint companies)', int(1, 16), 2)
  .option('--bulk', 'initial load of an empty local database with neo4j-admin database import (stops nothing: run it while the API is down)')
  .option('--replace', 'with --bulk: delete the local database first if it holds data')
  .option('--workers <n>', 'with --bulk: processes writing CSV (default: one per core)', int(1, 64))
  .option('--clear', 'only remove the synthetic data')
  .parse();

const opts = program.opts<{ incidents: number; seed: number; batch: number; parallel: number; bulk?: boolean; replace?: boolean; workers?: number; clear?: boolean }>();
const config = loadConfig();
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const rate = (r: { nodesCreated: number; relationshipsCreated: number; incidents: number; seconds: number }) =>
  `Created ${r.nodesCreated.toLocaleString('en-US')} nodes and ${r.relationshipsCreated.toLocaleString('en-US')} relationships in ${r.seconds.toFixed(1)} s `
  + `(${Math.round(r.nodesCreated / r.seconds).toLocaleString('en-US')} entities/s, ${Math.round(r.incidents / r.seconds).toLocaleString('en-US')} incidents/s).`;

if (opts.bulk && opts.clear) program.error('--bulk and --clear do not go together');
const unavailable = opts.bulk ? bulkUnavailable(config) : undefined;
if (unavailable) console.error(`--bulk: ${unavailable}\nLoading online instead: UNWIND batches into the running database (slower).`);

if (opts.bulk && !unavailable) {
  const bars = phaseBars();
  try {
    const { db, result } = await bulkLoad(config, log, { incidents: opts.incidents, seed: opts.seed, home: config.neo4j.localHome, replace: opts.replace, workers: opts.workers }, bars.update);
    bars.stop(true);
    await db.close();
    console.log(rate(result));
    console.log(`Phases (s): ${Object.entries(result.phases).map(([k, v]) => `${k} ${v!.toFixed(1)}`).join(', ')}`);
  } catch (e) {
    bars.stop();
    if (e instanceof BulkRefused) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
} else {
  const db = await openDatabase(config, log);
  try {
    // Schema, and the curated seeds when the database is empty: synthetic incidents point at
    // curated countries and data categories, and an incident whose country is missing is not written.
    await prepareDatabase(db, config, log);
    if (opts.clear) {
      await clearSynthetic(db.driver, config.neo4j.database, db.graph.queries);
      console.log('Synthetic data removed.');
    } else {
      const bar = new cliProgress.SingleBar({ format: '{bar} {value}/{total} incidents | {eta_formatted} left', noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 5000 },
        cliProgress.Presets.shades_classic);
      bar.start(opts.incidents, 0);
      const r = await generateGraph(db.driver, config.neo4j.database, db.graph.queries,
        { incidents: opts.incidents, seed: opts.seed, batchSize: opts.batch, parallel: opts.parallel }, (n) => bar.update(n));
      bar.stop();
      console.log(rate(r));
    }
  } finally {
    await db.close();
  }
}

/** One progress bar per phase of the bulk load; a finished phase stays on screen. */
function phaseBars() {
  let bar: cliProgress.SingleBar | undefined;
  let phase = '';
  return {
    update: (p: BulkProgress) => {
      if (p.phase !== phase) {
        bar?.update(bar.getTotal());
        bar?.stop();
        phase = p.phase;
        bar = new cliProgress.SingleBar({
          format: `${p.phase.padEnd(8)} {bar} {percentage}% | {detail} | {duration_formatted}`,
          noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 5000,
        }, cliProgress.Presets.shades_classic);
        bar.start(p.total, p.done, { detail: p.detail });
      } else {
        bar!.setTotal(p.total);
        bar!.update(p.done, { detail: p.detail });
      }
    },
    stop: (finished = false) => {
      if (finished) bar?.update(bar.getTotal());
      bar?.stop();
    },
  };
}
