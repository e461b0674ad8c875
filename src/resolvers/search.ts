import { getNamedType, type FieldNode, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import neo4j from 'neo4j-driver';
import type { Resolvers } from '../generated/resolvers.js';
import type { EntityRecord } from '../graph/records/index.js';
import { badCursor, badInput } from '../errors.js';
import { pageSize } from '../pagination/pageSize.js';
import { prefixParameters } from '../read/cypherText.js';
import { bindClause, single, type Decode } from '../read/compile.js';
import { requestOf } from '../read/reader.js';
import { collectSubfields } from '../read/selection.js';
import type { Context } from '../server/context.js';
import { matchedFields, SEARCH_FIELDS, searchTerms, toForgivingQuery, toLuceneQuery } from '../search/query.js';
import { typeOf } from './typeOf.js';

/** Matches beyond this rank are not paged through: relevance that deep is noise. */
const SCAN_LIMIT = 10_000;
const CURSOR_LIST = 'search';
/**
 * Exact hits read past the page to see that no tie of its last was left out (cypher/search/hits.cypher):
 * more reads a little more each time, fewer falls back to reading up to SCAN_LIMIT more often.
 */
const SPARE_HITS = 50;

const LABELS: Record<string, string> = {
  COMPANY: 'Company', AUTHORITY: 'Authority', PERSON: 'Person', INCIDENT: 'Incident', SOURCE: 'Source', STATEMENT: 'Statement',
  PUBLISHER: 'Publisher', EVENT: 'Event',
};

interface Hit { node: EntityRecord; score: number; text?: Record<string, unknown> }

export const searchResolvers: Resolvers = {
  SearchResult: {
    __resolveType: (obj) => typeOf(obj as EntityRecord) as never,
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
        scan: neo4j.int(SCAN_LIMIT),
        spare: neo4j.int(SPARE_HITS),
      };
      const window = await pageWindow(ctx, base, { first, after, last, before });
      const { skip, limit } = window;
      const shape = selection(info);
      const req = requestOf(info);
      const params = { ...base, skip: neo4j.int(skip), limit: neo4j.int(limit + 1) };
      const value = await ctx.read.block<{ hits: Hit[] | null; total: number | null }>('Query.search', req, (b) => {
        const prefix = `${b.name('p')}_`;
        for (const [k, v] of Object.entries(params)) b.params[prefix + k] = v;
        const q = (name: string) => prefixParameters(ctx.read.queries.get(name), prefix);
        const out = b.name('_v');
        const hits = b.name('_v');
        const total = b.name('_v');
        const lines = ['CALL () {'];
        const paging = limit > 0 && skip < SCAN_LIMIT;
        let decodeNode: Decode = (v) => v;
        if (paging) {
          const node = b.name('_x');
          const proj = ctx.read.compiler.node(b, node, shape.nodeType, shape.nodeGroups);
          decodeNode = proj.decode;
          // matchedFields is worked out here from the text fields, so they come along only when asked for.
          const text = shape.matchedFields ? `, text: ${node} {${Object.keys(SEARCH_FIELDS).map((f) => `.${f}`).join(', ')}}` : '';
          lines.push('CALL () {', q('search/hits'), `WITH node AS ${node}, score`, ...bindClause(proj.bound),
            `RETURN collect({node: ${proj.map}, score: score${text}}) AS ${hits}`, '}');
        }
        if (shape.totalCount) lines.push('CALL () {', q('search/count').replace(/AS total$/, `AS ${total}`), '}');
        lines.push(`RETURN {hits: ${paging ? hits : 'null'}, total: ${shape.totalCount ? total : 'null'}} AS ${out}`, '}');
        return single({ call: lines.join('\n'), out, decode: (v: { hits: Hit[] | null; total: number | null }) => ({
          hits: v.hits?.map((h) => ({ ...h, node: decodeNode(h.node) as EntityRecord })) ?? null, total: v.total,
        }) });
      });
      const rows = value?.hits ?? [];
      const hits = rows.slice(0, limit);
      const edges = hits.map((h, k) => ({
        cursor: ctx.cursors.encode(CURSOR_LIST, [skip + k + 1]),
        node: h.node as never,
        score: h.score,
        exact: h.score > 1,
        matchedFields: h.text ? matchedFields(h.text, terms) : [],
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: window.backward ? window.more : rows.length > limit && skip + limit < SCAN_LIMIT,
          hasPreviousPage: skip > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: value?.total ?? null,
      };
    },
  },
};

interface PageArgs { first?: number | null; after?: string | null; last?: number | null; before?: string | null }

/**
 * Which hits a page holds, as an offset and a size. Cursors hold a hit's rank (1-based), so
 * `before` is the ranks above the cursor's; `last` alone is the end of the list, which needs the
 * number of hits first (one count query).
 */
async function pageWindow(ctx: Context, params: Record<string, unknown>, args: PageArgs): Promise<{ skip: number; limit: number; backward: boolean; more: boolean }> {
  const backward = args.last != null || args.before != null;
  if (!backward) return { skip: args.after != null ? offsetOf(ctx, args.after, 'after') : 0, limit: pageSize(args.first), backward, more: false };
  if (args.first != null || args.after != null) throw badInput('Page with first/after or with last/before, not both.', 'last');
  const size = pageSize(args.last, 'last');
  let end: number;
  if (args.before != null) {
    end = offsetOf(ctx, args.before, 'before') - 1;
  } else {
    const [row] = await ctx.read.named<{ total: number }>('search/count', params, ctx.read.searchTimeoutMs);
    end = Math.min(Number(row?.total ?? 0), SCAN_LIMIT);
  }
  const skip = Math.max(0, end - size);
  return { skip, limit: Math.max(0, end - skip), backward, more: args.before != null };
}

function offsetOf(ctx: Context, cursor: string, arg: 'after' | 'before'): number {
  const [offset, ...rest] = ctx.cursors.decode(cursor, CURSOR_LIST, arg);
  if (rest.length || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badCursor();
  return offset;
}

function selection(info: GraphQLResolveInfo): { nodeType: GraphQLNamedType; nodeGroups: FieldNode[][]; totalCount: boolean; matchedFields: boolean } {
  const req = requestOf(info);
  const conn = getNamedType(info.returnType) as GraphQLObjectType;
  const edgeType = getNamedType(conn.getFields().edges!.type) as GraphQLObjectType;
  const nodeGroups: FieldNode[][] = [];
  let totalCount = false;
  let matched = false;
  for (const group of collectSubfields(req, conn, info.fieldNodes).values()) {
    const name = group[0]!.name.value;
    if (name === 'totalCount') totalCount = true;
    if (name !== 'edges') continue;
    for (const edge of collectSubfields(req, edgeType, group).values()) {
      if (edge[0]!.name.value === 'node') nodeGroups.push(edge);
      if (edge[0]!.name.value === 'matchedFields') matched = true;
    }
  }
  return { nodeType: getNamedType(edgeType.getFields().node!.type)!, nodeGroups, totalCount, matchedFields: matched };
}
