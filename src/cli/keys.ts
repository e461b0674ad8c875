import { Command, Option } from 'commander';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase, type Database } from '../bootstrap.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/apiKeys.js';
import { ROLES, type Role } from '../auth/roles.js';
import { GraphWriter } from '../graph/writer.js';
import { LocalNeo4jUnavailable } from '../local-neo4j/prerequisites.js';
import { createLogger } from '../logger.js';
import { applySchema } from '../seed/load.js';

/**
 * API keys of service accounts, kept in Neo4j as (:ApiKey) nodes with the SHA-256 of their secret.
 * Connects as `npm run seed` does: NEO4J_URI, else the local Neo4j (the one running on
 * NEO4J_LOCAL_HOME, else one it starts).
 */
const program = new Command()
  .name('npm run keys --')
  .description('Create, list and revoke the API keys of service accounts (sent as Authorization: Bearer <key> or X-API-Key: <key>).')
  .showHelpAfterError();

class UsageError extends Error {}

async function withDatabase<T>(work: (db: Database, database: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await openDatabase(config, log);
  try {
    return await work(db, config.neo4j.database);
  } finally {
    await db.close();
  }
}

let exitCode = 0;

program.command('create')
  .description('Create a key and print it once (only its hash is stored): the key is alone on the last line.')
  .addOption(new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory())
  .requiredOption('--name <name>', 'who uses it (a service, a script): logged as the actor of its requests')
  .action(async (o: { role: Role; name: string }) => {
    await withDatabase(async (db, database) => {
      // The uniqueness of key ids comes with the schema (cypher/schema/constraints.cypher).
      await applySchema(db.driver, database);
      const k = await createApiKey(new GraphWriter(db.driver, database), db.graph.queries, o.name, o.role);
      console.log(`API key ${k.id} for ${k.name} (role ${k.role}) created. It is shown this once and cannot be recovered: `
        + `store it as a secret. Send it as Authorization: Bearer <key> or X-API-Key: <key>; revoke it with npm run keys -- revoke ${k.id}.`);
      console.log(k.key);
    });
  });

program.command('list')
  .description('List the keys (never their secret or hash), oldest first.')
  .action(async () => {
    await withDatabase(async (db) => {
      const keys = await listApiKeys(db.graph);
      if (keys.length === 0) {
        console.log('No API keys. Create one: npm run keys -- create --role curator --name <name>');
        return;
      }
      const rows = [['id', 'name', 'role', 'created', 'revoked'], ...keys.map((k) => [k.id, k.name, k.role, k.createdAt, k.revokedAt ?? ''])];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
    });
  });

program.command('revoke')
  .description('Revoke a key: refused from the next request on.')
  .argument('<id>', 'the key\'s id (npm run keys -- list)')
  .action(async (id: string) => {
    if (!/^[0-9a-f]{16}$/.test(id)) throw new UsageError(`"${id.slice(0, 40)}" is not a key id (16 hexadecimal digits, as npm run keys -- list shows)`);
    await withDatabase(async (db, database) => {
      const k = await revokeApiKey(new GraphWriter(db.driver, database), db.graph.queries, id);
      if (!k) {
        console.error(`No API key has the id ${id}.`);
        exitCode = 1;
      } else if (k.already) {
        console.log(`API key ${k.id} (${k.name}) was revoked already, at ${k.revokedAt}.`);
      } else {
        console.log(`API key ${k.id} (${k.name}, role ${k.role}) revoked at ${k.revokedAt}: it is refused from now on.`);
      }
    });
  });

program.parseAsync().then(() => process.exit(exitCode), (e: unknown) => {
  if (e instanceof UsageError || e instanceof ConfigError || e instanceof LocalNeo4jUnavailable) console.error(`\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
