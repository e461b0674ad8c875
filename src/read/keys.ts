import type { FieldNode } from 'graphql';

const keys = new WeakMap<FieldNode, string>();
let next = 0;

/**
 * Where a relationship field's compiled value sits in its parent's record. Named after the field
 * node's offset in the document ("_<offset>"), so the same query text always compiles to the same
 * Cypher (and hits Neo4j's plan cache) however often it is parsed. Keyed by the AST node rather
 * than the alias, so no client text reaches the Cypher.
 */
export function fieldKey(node: FieldNode): string {
  let k = keys.get(node);
  if (k === undefined) {
    k = node.loc ? `_${node.loc.start.toString(36)}` : `_n${(next++).toString(36)}`;
    keys.set(node, k);
  }
  return k;
}
