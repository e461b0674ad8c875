import { spawnSync } from 'node:child_process';

export class LocalNeo4jUnavailable extends Error {}

const WAYS_OUT = `Three ways out:
  1. install Java 17+ and Maven (e.g. apt-get install openjdk-17-jre-headless maven), then run again;
  2. point the server at a running Neo4j 5: NEO4J_URI=bolt://host:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... npm start;
  3. with Docker: docker compose up`;

/** Java 17+ must be on PATH; returns its major version or explains what to do instead. */
export function requireJava(): number {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) {
    throw new LocalNeo4jUnavailable(`Java was not found on PATH: the local Neo4j needs Java 17 or later.\n${WAYS_OUT}`);
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) {
    throw new LocalNeo4jUnavailable(`Java ${major || '(unknown version)'} found; Neo4j 5.26 needs Java 17 or later.\n${WAYS_OUT}`);
  }
  return major;
}

export function requireMaven(): void {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error || r.status !== 0) {
    throw new LocalNeo4jUnavailable(`Maven (mvn) was not found on PATH: it fetches Neo4j Community from Maven Central once.\n${WAYS_OUT}`);
  }
}
