/**
 * The comparison's graph as `npm run compare` left it under .neo4j/compare, opened for the
 * measurements that reuse it (bench/profile.ts, bench/syscalls.ts), with the kinds asked for and
 * the credentials the servers it starts (bench/compare/children.ts) read from the environment.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { kinds, type Kind } from './kinds.js';

export async function keptGraph(keys: readonly string[]): Promise<{ db: Database; database: string; selected: Kind[] }> {
  const home = fileURLToPath(new URL('../../.neo4j/compare', import.meta.url));
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn' });
  const db = await openDatabase(config, createLogger('warn'), home);
  const database = config.neo4j.database;
  const params = readFileSync(fileURLToPath(new URL('./cypher/setup/params.cypher', import.meta.url)), 'utf8');
  const picked = (await db.driver.executeQuery(params, {}, { database })).records[0]!.toObject() as { company: string; authority: string };
  const selected = kinds({ incident: 'syn-incident-0000042', ...picked, currency: 'KRW', minAmount: '1000000000' }).filter((k) => keys.includes(k.key));
  process.env.NEO4J_USER = db.connection.user;
  process.env.NEO4J_PASSWORD = db.connection.password;
  return { db, database, selected };
}
