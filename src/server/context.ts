import type { Graph, QueryStats } from '../graph/graph.js';
import { Loaders } from '../loaders/batch.js';

/** What every resolver gets: the request's loaders and its Neo4j query count. */
export interface Context {
  loaders: Loaders;
  stats: QueryStats;
}

export function createContext(graph: Graph): Context {
  const stats: QueryStats = { queries: 0, dbMs: 0 };
  return { loaders: new Loaders(graph, stats), stats };
}
