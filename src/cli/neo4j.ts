import { loadConfig } from '../config.js';
import { startLocalNeo4j } from '../local-neo4j/start.js';

// Runs only the local Neo4j (for cypher-shell, Neo4j Browser-less tools or a second API process).
const config = loadConfig();
const neo4j = await startLocalNeo4j({
  home: config.neo4j.localHome, port: config.neo4j.localPort, pageCacheMb: config.neo4j.localPageCacheMb,
  log: (m) => console.log(m),
});
console.log(`Bolt: ${neo4j.uri} (no auth, loopback only). Ctrl-C stops it.`);
const stop = () => void neo4j.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
