// The availability probe (src/graph/probe.ts): answered by Neo4j itself, reads nothing.
RETURN 1
