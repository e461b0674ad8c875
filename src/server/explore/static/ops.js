// What the API is asked for each step the picture is built from: a neighbourhood or the paths
// between two entities, under the current settings.
import { ApiError, gql } from './api.js';
import { describe } from './labels.js';
import { NEIGHBOURHOOD, NODE_AS_OF, PATHS } from './queries.js';
import { apiTypes } from './settings.js';

const PATHS_FIRST = 10;

/**
 * { nodes, relationships, truncated?, paths? } of one step: { kind: 'neighbourhood', id } or
 * { kind: 'paths', from, to }, as known on `asOf` (null: as the graph stands).
 */
export async function fetchOp(op, s, asOf = null) {
  const types = apiTypes(s);
  const on = asOf ?? undefined; // left out of the variables: the graph as it stands
  if (op.kind === 'neighbourhood') {
    // The API reads an empty relationshipTypes as "any type": with none ticked, only the entity.
    if (types.length === 0) {
      const { node } = await gql(NODE_AS_OF, { id: op.id, asOf: on });
      if (!node) throw new ApiError(`No entity with the id “${op.id}”.`, 'NOT_FOUND');
      return { nodes: [node], relationships: [] };
    }
    const { neighbourhood: nb } = await gql(NEIGHBOURHOOD, { id: op.id, depth: s.depth, types, limit: s.limit, asOf: on });
    if (!nb) throw new ApiError(`No entity with the id “${op.id}”.`, 'NOT_FOUND');
    return {
      nodes: [nb.center, ...nb.nodes],
      relationships: nb.relationships,
      truncated: nb.truncated ? `the neighbourhood of ${describe(nb.center).label} stops at ${s.limit.toLocaleString('en')} relationships (the limit); raise it (up to 1,000) or untick relationship types.` : null,
    };
  }
  if (types.length === 0) return { nodes: [], relationships: [], paths: [] };
  try {
    const { paths } = await gql(PATHS, { from: op.from, to: op.to, maxHops: s.hops, types, first: PATHS_FIRST, asOf: on });
    return { nodes: paths.flatMap((p) => p.nodes), relationships: paths.flatMap((p) => p.relationships), paths };
  } catch (e) {
    if (e.code === 'QUERY_TIMEOUT') throw new ApiError('the path search ran past the server’s time budget; try fewer hops or fewer relationship types.', e.code);
    throw e;
  }
}
