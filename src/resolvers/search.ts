import neo4j from 'neo4j-driver';
import type { Resolvers } from '../generated/resolvers.js';
import type { EntityRecord } from '../graph/records.js';
import { badCursor } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../graph/cursor.js';
import { connectionResolvers } from './connection.js';
import { matchedFields, searchTerms, toLuceneQuery } from '../search/query.js';

/** Matches beyond this rank are not paged through: relevance that deep is noise. */
const SCAN_LIMIT = 10_000;

const LABELS: Record<string, string> = {
  COMPANY: 'Company', AUTHORITY: 'Authority', PERSON: 'Person', INCIDENT: 'Incident', SOURCE: 'Source', STATEMENT: 'Statement',
};
const SEARCHABLE = Object.values(LABELS);

interface Hit { node: EntityRecord; score: number }

export const searchResolvers: Resolvers = {
  SearchConnection: connectionResolvers,
  SearchResult: {
    __resolveType: (obj: { _labels: string[] }) => SEARCHABLE.find((l) => obj._labels.includes(l)) as never,
  },
  Query: {
    search: async (_p, { query, types, first, after }, ctx) => {
      const terms = searchTerms(query);
      const limit = pageSize(first);
      const skip = after != null ? offsetOf(after) : 0;
      const params = {
        query: toLuceneQuery(query),
        labels: types?.length ? types.map((t) => LABELS[t]) : SEARCHABLE,
        scan: neo4j.int(SCAN_LIMIT),
      };
      const rows = limit === 0 || skip >= SCAN_LIMIT ? [] : await ctx.loaders.read<Hit & Record<string, unknown>>('search/page', {
        ...params, skip: neo4j.int(skip), limit: neo4j.int(limit + 1),
      });
      const hits = rows.slice(0, limit);
      const edges = hits.map((h, k) => ({
        cursor: encodeCursor(['search', skip + k + 1]),
        node: h.node as never,
        score: h.score,
        matchedFields: matchedFields(h.node as unknown as Record<string, unknown>, terms),
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: rows.length > limit && skip + limit < SCAN_LIMIT,
          hasPreviousPage: skip > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: async () => (await ctx.loaders.read<{ count: number }>('search/count', params))[0]?.count ?? 0,
      };
    },
  },
};

function offsetOf(cursor: string): number {
  const key = decodeCursor(cursor);
  if (key.length !== 2 || key[0] !== 'search' || typeof key[1] !== 'number' || !Number.isInteger(key[1]) || key[1] < 0) throw badCursor();
  return key[1];
}

