import neo4j from 'neo4j-driver';
import type { Resolvers } from '../../generated/resolvers.js';
import type { EntityRecord, GraphPathRecord } from '../records.js';
import { badInput } from '../../errors.js';
import { intArgument, pageSize } from '../../pagination/pageSize.js';
import { rootAsOf } from '../../read/asOf.js';
import { checkedRoot, unknownError } from '../../read/knownIds.js';

export const MAX_HOPS = 6;
export const MAX_PATHS = 25;
export const MAX_DEPTH = 3;
export const MAX_NEIGHBOURHOOD = 1000;
/** Provenance links join every fact to its source; paths through them say nothing. */
const EXCLUDED_BY_DEFAULT = ['SOURCED_FROM', 'PUBLISHED_BY'];


type Relationship = GraphPathRecord['relationships'][number];

export const pathsResolvers: Resolvers = {
  GraphPath: {
    length: (p) => p.relationships.length,
  },
  Query: {
    // from and to are checked in the search's own query (src/read/knownIds.ts): an unknown id is an error, not "no path".
    paths: checkedRoot<GraphPathRecord[]>(({ from, to, maxHops, relationshipTypes, first }) => {
      const hops = intArgument(maxHops ?? 4, 'maxHops', 1, MAX_HOPS);
      const limit = pageSize(first, 'first', { max: MAX_PATHS, fallback: 5 });
      if (from === to) throw badInput('from and to must be different entities.', 'to');
      return {
        from, to, maxHops: neo4j.int(hops), first: neo4j.int(limit),
        types: relationshipTypes?.length ? relationshipTypes : null,
        exclude: relationshipTypes?.length ? [] : EXCLUDED_BY_DEFAULT,
      };
    }, { search: true }),
    neighbourhood: async (_p, { id, depth, relationshipTypes, limit }, ctx, info) => {
      const asOf = rootAsOf(info);
      const levels = intArgument(depth ?? 1, 'depth', 1, MAX_DEPTH);
      const max = intArgument(limit ?? 200, 'limit', 1, MAX_NEIGHBOURHOOD);
      const timeout = ctx.read.searchTimeoutMs;
      const [found] = await ctx.read.named<{ node: EntityRecord }>('paths/center', { id, asOf }, timeout);
      // The center query is the existence check; suggestions are looked for only now.
      if (!found && asOf) {
        // In the graph, but not yet known on the day asked.
        const [there] = await ctx.read.named<{ labels: string[] | null; knownOn: string | null }>('common/labelsOf', { id });
        if (there?.labels) {
          throw badInput(`id: "${id.slice(0, 64)}" was not known on ${asOf}: ${there.knownOn
            ? `the graph counts it as known from ${there.knownOn}` : 'nothing dates when it became known'}.`, 'id', { asOf, knownOn: there.knownOn });
        }
      }
      if (!found) throw await unknownError(ctx, [{ argument: 'id', kind: 'Entity', value: id }]);
      const center = found.node;
      const nodes = new Map<string, EntityRecord>([[center.id, center]]);
      const relationships = new Map<string, Relationship>();
      let frontier = [center.id];
      let truncated = false;
      // Breadth first, one query per level: near nodes always come before far ones.
      for (let level = 0; level < levels && frontier.length > 0 && !truncated; level++) {
        const budget = max - relationships.size;
        const rows = await ctx.read.named<{ relationship: Relationship; node: EntityRecord }>('paths/expand', {
          frontier, limit: neo4j.int(budget + 1), types: relationshipTypes?.length ? relationshipTypes : null, asOf,
        }, timeout);
        const next: string[] = [];
        for (const { relationship, node } of rows) {
          const key = `${relationship.from}|${relationship.type}|${relationship.to}`;
          if (relationships.has(key)) continue;
          if (relationships.size >= max) { truncated = true; break; }
          relationships.set(key, relationship);
          if (!nodes.has(node.id)) { nodes.set(node.id, node); next.push(node.id); }
        }
        frontier = next;
      }
      return { center, nodes: [...nodes.values()], relationships: [...relationships.values()], truncated };
    },
  },
};
