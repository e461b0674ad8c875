import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase, prepareDatabase } from '../bootstrap.js';
import { LocalNeo4jUnavailable } from '../local-neo4j/prerequisites.js';
import { createLogger } from '../logger.js';
import { planFiles, runPlans, seedFiles, SeedError, SeedRunError, SCHEMA_FILE, SEEDS_DIR } from '../seed/load.js';
import { describeFailure, describeFile, describeTotals } from '../seed/report.js';

const program = new Command()
  .name('npm run seed --')
  .description('Apply constraints, then load Cypher seed files: each file in one transaction, or, for a file whose '
    + 'statements must each commit on their own (CALL { ... } IN TRANSACTIONS), statement by statement.')
  .argument('[files...]', 'seed files to load (default: every seeds/*.cypher, in name order)')
  .option('--dry-run', 'write nothing: run the files in one transaction and roll back; only plan (EXPLAIN) those that commit statement by statement')
  .option('--dir <dir>', 'folder of seed files', SEEDS_DIR)
  .option('--if-empty', 'what the API does at start, once, for replicas that must not race to do it: apply constraints, '
    + 'then load every seed file only if the database holds no entity yet (docker-compose.yml\'s seed service)')
  .showHelpAfterError()
  .parse();

async function main(): Promise<number> {
  const opts = program.opts<{ dryRun?: boolean; dir: string; ifEmpty?: boolean }>();
  const dryRun = !!opts.dryRun;
  const config = loadConfig();
  if (opts.ifEmpty) return prepareOnce(config);
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  // Derived values follow the facts: after loading chosen files, recompute them too.
  const derive = seedFiles(opts.dir).filter((f) => f.endsWith('99-derived-values.cypher'));
  const files = program.args.length
    ? [...program.args, ...derive.filter((d) => !program.args.some((a) => a.endsWith('99-derived-values.cypher')))]
    : seedFiles(opts.dir);
  // Every file is read and checked before connecting: a bad one stops the run before anything is written.
  const plans = planFiles([SCHEMA_FILE, ...files], { dryRun });
  const db = await openDatabase(config, log);
  const bar = new cliProgress.SingleBar({
    format: '{bar} {value}/{total} files | {file}',
    hideCursor: true,
    noTTYOutput: !process.stdout.isTTY,
    notTTYSchedule: 10_000,
  }, cliProgress.Presets.shades_classic);
  try {
    bar.start(plans.length, 0, { file: '' });
    const results = await runPlans(db.driver, config.neo4j.database, plans, {
      dryRun,
      onFile: (file, index) => bar.update(index, { file }),
    });
    bar.update(plans.length, { file: '' });
    bar.stop();
    console.log(results.map((r) => `  ${describeFile(r)}`).join('\n'));
    console.log(describeTotals(results, dryRun));
    return 0;
  } finally {
    bar.stop();
    await db.close();
  }
}

/** --if-empty: src/bootstrap.ts's start-up step on its own, on the Neo4j of NEO4J_URI only. */
async function prepareOnce(config: ReturnType<typeof loadConfig>): Promise<number> {
  if (program.args.length || program.opts().dryRun) throw new ConfigError('--if-empty loads every seed file or none: it takes no files and no --dry-run');
  if (!config.neo4j.uri) throw new ConfigError('--if-empty prepares the Neo4j that API replicas share: set NEO4J_URI (it never starts a local one)');
  const log = createLogger(config.logLevel, config.logFormat);
  const started = performance.now();
  const db = await openDatabase(config, log);
  try {
    await prepareDatabase(db, { ...config, seedOnEmpty: true }, log);
  } finally {
    await db.close();
  }
  log.info(`Database prepared in ${((performance.now() - started) / 1000).toFixed(1)} s (constraints and indexes; seeds/ if it was empty)`);
  return 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  if (e instanceof SeedRunError) console.error(`\n${describeFailure(e)}\n`);
  else if (e instanceof SeedError) console.error(`\nSeed failed at ${e.message}\n`);
  else if (e instanceof ConfigError || e instanceof LocalNeo4jUnavailable) console.error(`\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
