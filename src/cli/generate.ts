import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../bootstrap.js';
import { generateGraph } from '../generate/load.js';
import { createLogger } from '../logger.js';
import { applySchema } from '../seed/load.js';

const int = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`an integer from ${min} to ${max}`);
  return n;
};

const program = new Command()
  .name('npm run generate --')
  .description('Replace the synthetic part of the graph (ids "syn-...", label :Synthetic) with a generated one; curated data stays intact.')
  .option('--incidents <n>', 'number of incidents (100000 gives about 1.1 million nodes)', int(1, 1_000_000), 10_000)
  .option('--seed <n>', 'random seed: the same seed gives the same graph', int(0, 2 ** 31), 1)
  .option('--batch <n>', 'incidents per transaction', int(1, 20_000), 1000)
  .option('--clear', 'only remove the synthetic data')
  .parse();

const opts = program.opts<{ incidents: number; seed: number; batch: number; clear?: boolean }>();
const config = loadConfig();
const db = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
try {
  await applySchema(db.driver, config.neo4j.database);
  if (opts.clear) {
    const session = db.driver.session({ database: config.neo4j.database });
    await session.run(db.graph.queries.get('generate/clear')).finally(() => session.close()); // batches: implicit transaction
    console.log('Synthetic data removed.');
  } else {
    const bar = new cliProgress.SingleBar({ format: '{bar} {value}/{total} incidents | {eta_formatted} left', noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 5000 },
      cliProgress.Presets.shades_classic);
    bar.start(opts.incidents, 0);
    const r = await generateGraph(db.driver, config.neo4j.database, db.graph.queries, { incidents: opts.incidents, seed: opts.seed, batchSize: opts.batch }, (n) => bar.update(n));
    bar.stop();
    console.log(`Created ${r.nodesCreated} nodes and ${r.relationshipsCreated} relationships in ${r.seconds.toFixed(1)} s `
      + `(${Math.round(r.nodesCreated / r.seconds)} nodes/s, ${Math.round(r.incidents / r.seconds)} incidents/s).`);
  }
} finally {
  await db.close();
}
