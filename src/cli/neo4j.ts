import { isAbsolute, relative } from 'node:path';
import { runningLocalNeo4j } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { boltUriFile, PASSWORD_FILE } from '../local-neo4j/credentials.js';
import { startLocalNeo4j } from '../local-neo4j/start.js';

// Runs only the local Neo4j (for cypher-shell, Neo4j Browser-less tools or a second API process).
// It requires a login: user neo4j, the password in .neo4j/neo4j-password. Nothing here prints it.
const config = loadConfig();
const home = config.neo4j.localHome;
const shown = (p: string) => {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
};
const howToConnect = (uri: string) => [
  `Bolt: ${uri} (loopback only; user neo4j, password in ${shown(PASSWORD_FILE)}; the URI is also in ${shown(boltUriFile(home))} while it runs)`,
  `cypher-shell: NEO4J_PASSWORD="$(cat ${shown(PASSWORD_FILE)})" cypher-shell -a ${uri} -u neo4j`,
].join('\n');

const running = await runningLocalNeo4j(home, config.neo4j.connectionTimeoutMs);
if (running) {
  console.log(`A local Neo4j already runs on ${shown(home)}, started by another process (which stops it).\n${howToConnect(running.uri)}`);
  process.exit(0);
}
const neo4j = await startLocalNeo4j({
  home, port: config.neo4j.localPort, pageCacheMb: config.neo4j.localPageCacheMb,
  log: (m) => console.log(m),
});
console.log(`${howToConnect(neo4j.uri)}\nCtrl-C stops it.`);
const stop = () => void neo4j.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
