/**
 * New query texts for the first-use column: a kind's GraphQL query with one leaf field left out,
 * as an analyst's edit in the IDE would make (each is a new selection, so a new Cypher text for a
 * server that compiles one per selection). Only leaves with a sibling are dropped, so every
 * variant is a valid query.
 */
import { Kind as K, parse, print, visit, type FieldNode, type SelectionSetNode } from 'graphql';

export function leafDrops(query: string, max: number): string[] {
  const doc = parse(query);
  let leaves = 0;
  visit(doc, {
    SelectionSet(node: SelectionSetNode) {
      if (node.selections.length > 1) leaves += node.selections.filter((s) => s.kind === K.FIELD && !s.selectionSet).length;
    },
  });
  const out: string[] = [];
  // Spread over the query's leaves, not its first few, when there are more than max.
  const step = Math.max(1, leaves / max);
  for (let pick = 0; pick < leaves && out.length < max; pick = Math.floor(pick + step)) {
    let seen = 0;
    out.push(print(visit(doc, {
      SelectionSet(node: SelectionSetNode) {
        if (node.selections.length < 2) return undefined;
        const selections = node.selections.filter((s) => {
          if (s.kind !== K.FIELD || (s as FieldNode).selectionSet) return true;
          return seen++ !== pick;
        });
        return selections.length === node.selections.length ? undefined : { ...node, selections };
      },
    })));
  }
  return out;
}
