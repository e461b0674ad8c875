import neo4j from 'neo4j-driver';
import { rootAsOf } from '../../read/asOf.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { badCursor } from '../../errors.js';
import { pageInfo, pageRequest, type PageArgs } from '../../read/page.js';
import { searchHits } from '../../read/search.js';
import type { Context } from '../../read/context.js';
import { matchedFields, namePrefix, SEARCH_FIELDS, searchTerms, toForgivingQuery, toLuceneQuery } from './query.js';
import { typeAmong } from '../typeOf.js';

/** Matches beyond this rank are not paged through: relevance that deep is noise. */
const SCAN_LIMIT = 10_000;
const CURSOR_LIST = 'search';
/**
 * Exact hits read past the page to see that no tie of its last was left out (cypher/search/hits.cypher):
 * more reads a little more each time, fewer falls back to reading up to SCAN_LIMIT more often.
 */
const SPARE_HITS = 50;
/**
 * A source's relevance is multiplied by this (cypher/search/hits.cypher): a source is about
 * entities, so it never outranks an entity matched as strongly. At most 1, which the shortcut of
 * a page from the top relies on (no hit it leaves unread can score above what the index gave it).
 */
const SOURCE_WEIGHT = 0.25;
/**
 * How much more a hit found by prefix or typo tolerance counts when its name or an alias starts
 * with the search text, times the part of that name the text covers: "Coup" ranks Coupang (4 of
 * 7 letters) before "Coupang joint investigation team" (4 of 32).
 */
const NAME_PREFIX_WEIGHT = 2;

const LABELS: Record<string, string> = {
  COMPANY: 'Company', AUTHORITY: 'Authority', PERSON: 'Person', INCIDENT: 'Incident', SOURCE: 'Source', STATEMENT: 'Statement',
  PUBLISHER: 'Publisher', EVENT: 'Event', FINE: 'Fine', INVESTIGATION: 'Investigation', POSITION: 'Position',
};

export const searchResolvers: Resolvers = {
  SearchResult: {
    __resolveType: typeAmong('Company', 'Authority', 'Person', 'Incident', 'Source', 'Statement', 'Publisher', 'Event', 'Fine', 'Investigation', 'Position'),
  },
  Query: {
    search: async (_p, { query, types, first, after, last, before }, ctx, info) => {
      const terms = searchTerms(query);
      const exact = toLuceneQuery(query);
      const base: Record<string, unknown> = {
        exact,
        // With no word long enough to forgive, the exact query again: its hits rank as exact.
        forgiving: toForgivingQuery(query) ?? exact,
        // The index holds only the searchable labels: no filter to apply when all are asked for.
        labels: types?.length ? types.map((t) => LABELS[t]) : null,
        phrase: namePrefix(query),
        sourceWeight: SOURCE_WEIGHT,
        namePrefixWeight: NAME_PREFIX_WEIGHT,
        scan: neo4j.int(SCAN_LIMIT),
        spare: neo4j.int(SPARE_HITS),
        // As known on a day: hits known by then only (src/read/asOf.ts).
        asOf: rootAsOf(info),
      };
      const window = await pageWindow(ctx, base, { first, after, last, before });
      const { skip, limit } = window;
      const value = await searchHits(ctx, info, {
        params: { ...base, skip: neo4j.int(skip), limit: neo4j.int(limit + 1) },
        paging: limit > 0 && skip < SCAN_LIMIT,
        // matchedFields is worked out here from the text fields, so they come along only when asked for.
        textFields: { edgeField: 'matchedFields', properties: Object.keys(SEARCH_FIELDS) },
      });
      const rows = value?.hits ?? [];
      const hits = rows.slice(0, limit);
      const edges = hits.map((h, k) => ({
        cursor: ctx.cursors.encode(CURSOR_LIST, [skip + k + 1]),
        node: h.node,
        score: h.score,
        exact: h.score > 1,
        matchedFields: h.text ? matchedFields(h.text, terms) : [],
      }));
      return {
        edges,
        pageInfo: pageInfo(edges, window.backward ? window.more : rows.length > limit && skip + limit < SCAN_LIMIT, skip > 0),
        totalCount: value?.total ?? null,
      };
    },
  },
};

/**
 * Which hits a page holds, as an offset and a size. Cursors hold a hit's rank (1-based), so
 * `before` is the ranks above the cursor's; `last` alone is the end of the list, which needs the
 * number of hits first (one count query).
 */
async function pageWindow(ctx: Context, params: Record<string, unknown>, args: PageArgs): Promise<{ skip: number; limit: number; backward: boolean; more: boolean }> {
  const { backward, size, cursor } = pageRequest(args);
  if (!backward) return { skip: cursor != null ? offsetOf(ctx, cursor, 'after') : 0, limit: size, backward, more: false };
  let end: number;
  if (cursor != null) {
    end = offsetOf(ctx, cursor, 'before') - 1;
  } else {
    const [row] = await ctx.read.named<{ total: number }>('search/count', params, ctx.read.searchTimeoutMs);
    end = Math.min(Number(row?.total ?? 0), SCAN_LIMIT);
  }
  const skip = Math.max(0, end - size);
  return { skip, limit: Math.max(0, end - skip), backward, more: cursor != null };
}

function offsetOf(ctx: Context, cursor: string, arg: 'after' | 'before'): number {
  const [offset, ...rest] = ctx.cursors.decode(cursor, CURSOR_LIST, arg);
  if (rest.length || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badCursor();
  return offset;
}
