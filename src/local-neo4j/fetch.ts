import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalNeo4jUnavailable, requireMaven } from './prerequisites.js';

export const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j-local/', import.meta.url));
export const LIB_DIR = join(LAUNCHER_DIR, 'lib');
const STAMP = join(LIB_DIR, '.resolved-from');

/**
 * Resolves the Neo4j Community jars into neo4j-local/lib once. The stamp holds the pom it was
 * resolved from, so a version bump in the pom triggers a fresh resolve and nothing else does.
 */
export async function ensureNeo4jJars(log: (msg: string) => void): Promise<void> {
  const pom = readFileSync(join(LAUNCHER_DIR, 'pom.xml'), 'utf8');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === pom && readdirSync(LIB_DIR).some((f) => f.startsWith('neo4j-kernel'))) {
    return;
  }
  requireMaven();
  log('Fetching Neo4j Community from Maven Central (once; about 125 MB)...');
  const code = await new Promise<number>((resolve, reject) => {
    const p = spawn('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'dependency:copy-dependencies',
      `-DoutputDirectory=${LIB_DIR}`, '-DincludeScope=runtime', '-Dmdep.overWriteIfNewer=true'], { stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    throw new LocalNeo4jUnavailable(`Maven could not fetch Neo4j (exit ${code}); see its output above. Is Maven Central reachable?`);
  }
  writeFileSync(STAMP, pom);
}
