import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../bootstrap.js';
import { LocalNeo4jUnavailable } from '../local-neo4j/prerequisites.js';
import { createLogger } from '../logger.js';
import { applySchema, loadFile, seedFiles, SeedError, SEEDS_DIR } from '../seed/load.js';

const program = new Command()
  .name('npm run seed --')
  .description('Apply constraints, then load Cypher seed files, each in its own transaction.')
  .argument('[files...]', 'seed files to load (default: every seeds/*.cypher, in name order)')
  .option('--dry-run', 'run every statement and roll back: validates without writing')
  .option('--dir <dir>', 'folder of seed files', SEEDS_DIR)
  .showHelpAfterError()
  .parse();

async function main(): Promise<number> {
  const opts = program.opts<{ dryRun?: boolean; dir: string }>();
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  // Derived values follow the facts: after loading chosen files, recompute them too.
  const derive = seedFiles(opts.dir).filter((f) => f.endsWith('99-derived-values.cypher'));
  const files = program.args.length
    ? [...program.args, ...derive.filter((d) => !program.args.some((a) => a.endsWith('99-derived-values.cypher')))]
    : seedFiles(opts.dir);
  const db = await openDatabase(config, log);
  try {
    await applySchema(db.driver, config.neo4j.database);
    const bar = new cliProgress.SingleBar({
      format: '{bar} {value}/{total} files | {file}',
      hideCursor: true,
      noTTYOutput: !process.stdout.isTTY,
      notTTYSchedule: 10_000,
    }, cliProgress.Presets.shades_classic);
    bar.start(files.length, 0, { file: '' });
    const totals = { nodes: 0, relationships: 0, properties: 0 };
    const lines: string[] = [];
    for (const file of files) {
      bar.update({ file });
      const r = await loadFile(db.driver, config.neo4j.database, file, { dryRun: opts.dryRun });
      totals.nodes += r.nodesCreated;
      totals.relationships += r.relationshipsCreated;
      totals.properties += r.propertiesSet;
      lines.push(`  ${r.file}: ${r.statements} statements, +${r.nodesCreated} nodes, +${r.relationshipsCreated} relationships, ${r.propertiesSet} properties set`);
      bar.increment();
    }
    bar.stop();
    console.log(lines.join('\n'));
    console.log(`${opts.dryRun ? 'Dry run (rolled back): would create' : 'Created'} ${totals.nodes} nodes and ${totals.relationships} relationships, set ${totals.properties} properties, from ${files.length} files.`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  if (e instanceof SeedError) console.error(`\nSeed failed, nothing from this file was written:\n  ${e.message}\n`);
  else if (e instanceof ConfigError || e instanceof LocalNeo4jUnavailable) console.error(`\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
