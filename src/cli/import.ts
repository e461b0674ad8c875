import { basename, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../bootstrap.js';
import { catalogues } from '../import/catalogues/index.js';
import { formatProblem, readCatalogue, UnreadableFile } from '../import/read.js';
import { importRecords, removeCatalogue } from '../import/run.js';
import { summarize } from '../import/summary.js';
import { LocalNeo4jUnavailable } from '../local-neo4j/prerequisites.js';
import { createLogger } from '../logger.js';
import { repoPath } from '../seed/change.js';
import { importBundle, summarizeStixImport, ConflictingBundle } from '../stix/import.js';
import { formatBundleProblem, readBundle } from '../stix/parse.js';

/** `npm run import -- stix <bundle.json>`: a STIX 2.1 bundle this API exported (docs/stix.md). */
const STIX = 'stix';

const program = new Command()
  .name('npm run import --')
  .description('Import a public catalogue of decisions (fines) into the graph, resolving authorities and companies against it.\n'
    + `Catalogues: ${[...catalogues.values()].map((c) => `${c.name} (${c.description})`).join('; ')}; `
    + `${STIX} (a STIX 2.1 bundle as GET /stix/incidents/{id} exports it).`)
  .argument('<catalogue>', 'catalogue name', (v) => {
    if (!catalogues.has(v) && v !== STIX) throw new InvalidArgumentError(`one of ${[...catalogues.keys(), STIX].join(', ')}`);
    return v;
  })
  .argument('[file]', 'the catalogue file')
  .option('--skip-invalid', 'import the valid rows when some rows have errors (they are listed and counted)')
  .option('--dry-run', 'validate, resolve and write inside a transaction, then roll back: reports what would change')
  .option('--batch <n>', 'rows per write statement', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('an integer from 1 to 10000');
    return n;
  }, 100)
  .option('--remove', 'remove everything this catalogue imported (curated data stays)')
  .showHelpAfterError()
  .parse();

async function main(): Promise<number> {
  const opts = program.opts<{ skipInvalid?: boolean; dryRun?: boolean; batch: number; remove?: boolean }>();
  if (program.args[0] === STIX) return importStix(program.args[1], opts);
  const catalogue = catalogues.get(program.args[0]!)!;
  const file = program.args[1];
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);

  if (opts.remove) {
    const db = await openDatabase(config, log);
    try {
      console.log(`Removed ${await removeCatalogue(db.driver, config.neo4j.database, db.graph.queries, catalogue)} nodes imported from ${catalogue.name}.`);
      return 0;
    } finally {
      await db.close();
    }
  }
  if (!file) return program.error('error: missing required argument \'file\'');

  // Every row is checked before anything is written.
  const name = basename(file);
  const read = readCatalogue(file, catalogue);
  for (const p of [...read.fileProblems, ...read.rowProblems]) console.error(formatProblem(name, p));
  if (read.fileProblems.length) {
    console.error(`\n${name} is unusable as a ${catalogue.name} catalogue: nothing was imported.`);
    return 1;
  }
  const errors = read.rowProblems.filter((p) => p.severity === 'error').length;
  console.error(`${name}: ${read.rows} rows, ${read.records.length} valid, ${read.invalidRows} invalid (${errors} errors), `
    + `${read.rowProblems.length - errors} warnings.`);
  if (read.invalidRows && !opts.skipInvalid) {
    console.error(`Nothing was imported: fix the rows above, or pass --skip-invalid to import the ${read.records.length} valid rows.`);
    return 1;
  }
  if (!read.records.length) {
    console.error('No valid row: nothing was imported.');
    return 1;
  }

  const db = await openDatabase(config, log);
  try {
    const bar = new cliProgress.SingleBar({
      format: '{bar} {value}/{total} rows', hideCursor: true, noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 5000,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    const result = await importRecords(db.driver, config.neo4j.database, db.graph.queries, catalogue, read.records, {
      dryRun: opts.dryRun,
      batchSize: opts.batch,
      file: repoPath(resolve(file)),
      onProgress: (done, total) => {
        if (!started) { bar.start(total, 0); started = true; }
        bar.update(done);
      },
    });
    if (started) bar.stop();
    console.log(summarize(result, { read: read.rows, valid: read.records.length, skipped: read.invalidRows }).join('\n'));
    return 0;
  } finally {
    await db.close();
  }
}

/** A STIX bundle: read and checked whole first (any problem: nothing is written), then imported in one transaction. */
async function importStix(file: string | undefined, opts: { dryRun?: boolean; remove?: boolean; skipInvalid?: boolean }): Promise<number> {
  if (!file) return program.error('error: missing required argument \'file\'');
  if (opts.remove || opts.skipInvalid) return program.error(`error: --remove and --skip-invalid are for catalogues, not ${STIX}`);
  const name = basename(file);
  const { bundle, problems } = readBundle(file);
  for (const p of problems) console.error(formatBundleProblem(name, p));
  if (!bundle) {
    console.error(`\n${name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was imported.`);
    return 1;
  }
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    const result = await importBundle(db.driver, config.neo4j.database, db.graph.queries, bundle, { dryRun: opts.dryRun, file: repoPath(resolve(file)) });
    console.log(summarizeStixImport(result).join('\n'));
    return 0;
  } catch (e) {
    if (!(e instanceof ConflictingBundle)) throw e;
    for (const p of e.problems) console.error(formatBundleProblem(name, p));
    console.error(`\n${name}: nothing was imported.`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  if (e instanceof UnreadableFile) console.error(`error: ${e.message}. Nothing was imported.`);
  else if (e instanceof ConfigError || e instanceof LocalNeo4jUnavailable) console.error(`\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
