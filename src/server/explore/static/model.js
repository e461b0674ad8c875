// The picture's data: nodes and relationships merged from every neighbourhood and path fetched,
// held to a cap so a few expansions of hubs cannot make the page unusable.
import { describe } from './labels.js';

export const edgeKey = (r) => `${r.from}|${r.type}|${r.to}`;

export class GraphModel {
  constructor(maxNodes) {
    this.maxNodes = maxNodes;
    this.nodes = new Map(); // id -> { id, type, label, knownOn }
    this.edges = new Map(); // from|type|to -> { id, type, from, to }
    this.dropped = 0; // nodes left out by the cap
  }

  /**
   * Adds API nodes and relationships; returns the ids of the nodes that are new. Past the cap,
   * new nodes (and the relationships that need them) are counted in `dropped`, not added.
   */
  merge(apiNodes, relationships) {
    const added = [];
    for (const n of apiNodes) {
      if (this.nodes.has(n.id)) continue;
      if (this.nodes.size >= this.maxNodes) { this.dropped += 1; continue; }
      this.nodes.set(n.id, { ...describe(n), knownOn: n.knownOn ?? null });
      added.push(n.id);
    }
    for (const r of relationships) {
      if (!this.nodes.has(r.from) || !this.nodes.has(r.to)) continue;
      const id = edgeKey(r);
      if (!this.edges.has(id)) this.edges.set(id, { id, type: r.type, from: r.from, to: r.to });
    }
    return added;
  }

  /** Plain data for the JSON export. */
  toJSON() {
    return {
      nodes: [...this.nodes.values()],
      relationships: [...this.edges.values()].map(({ type, from, to }) => ({ type, from, to })),
    };
  }
}
