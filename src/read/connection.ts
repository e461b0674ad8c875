import { getNamedType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import neo4j from 'neo4j-driver';
import { badInput } from '../errors.js';
import type { ConnectionValue, EntityRecord } from '../graph/records/index.js';
import type { CursorValue } from '../pagination/cursor.js';
import { pageSize } from '../pagination/pageSize.js';
import type { Context } from '../server/context.js';
import { bindClause, type Decode } from './compile.js';
import { knownChecks, knownParts, throwIfUnknown } from './known.js';
import { buildList, type ListSpec } from './lists.js';
import { prefixParameters } from './cypherText.js';
import { requestOf } from './reader.js';
import { collectSubfields, type Request } from './selection.js';

export interface OrderInput {
  field: string;
  direction?: string | null;
}

export interface ConnectionArgs<F> {
  filter?: F | null;
  orderBy?: readonly OrderInput[] | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const MAX_SORT_KEYS = 3;

/**
 * A root list as a Relay connection, in one query: the page (one row more than asked, to know
 * whether another follows) with each node projected for its selection, and totalCount when
 * selected. Backwards (last/before) is the same keyset query in the opposite order, reversed.
 * Filters that name things (a country, an authority: src/read/known.ts) are checked in the same
 * query, one index lookup per id: an id that names nothing is BAD_USER_INPUT, not an empty page.
 */
export async function connection<T extends EntityRecord, F>(ctx: Context, info: GraphQLResolveInfo, spec: ListSpec<F>, args: ConnectionArgs<F>): Promise<ConnectionValue<T>> {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) throw badInput('Page with first/after or with last/before, not both.', 'last');
  const limit = pageSize(backward ? args.last : args.first, backward ? 'last' : 'first');
  const order = ordering(spec, args.orderBy);
  const list = `${spec.type}:${order.keys.join(',')}:${order.desc ? 'D' : 'A'}`;
  const cursorArg = backward ? 'before' : 'after';
  const cursor = backward ? args.before : args.after;
  const from = cursor != null ? ctx.cursors.decode(cursor, list, cursorArg) : null;
  if (from && from.length !== order.keys.length + 1) throw badInput('The cursor does not fit this list.', cursorArg);
  const q = buildList(ctx.read.queries, spec, args.filter, { keys: order.keys, desc: backward ? !order.desc : order.desc }, from, neo4j.int(limit + 1));

  const req = requestOf(info);
  const shape = selection(req, info);
  const checks = knownChecks(info, args as Record<string, unknown>);
  type Row = { node: T; sortKey: CursorValue[] };
  const value = await ctx.read.block<{ page: Row[]; total: number | null; missing: string[][] }>(`Query.${info.fieldName}`, req, (b) => {
    // Several root fields share the request's query: this one's parameters get a prefix of their own.
    const prefix = `${b.name('p')}_`;
    for (const [k, v] of Object.entries(q.params)) b.params[prefix + k] = v;
    const parts: { call: string; out: string }[] = [];
    let decodeNode: Decode = (v) => v;
    if (limit > 0) {
      const node = b.name('_x');
      const row = b.name('_v');
      const proj = ctx.read.compiler.node(b, node, shape.nodeType, shape.nodeGroups);
      decodeNode = proj.decode;
      parts.push({ out: row, call: ['CALL () {', prefixParameters(q.page, prefix), `WITH n AS ${node}, ${q.sortValues} AS sortKey`, ...bindClause(proj.bound),
        `RETURN {node: ${proj.map}, sortKey: sortKey} AS ${row}`, '}'].join('\n') });
    }
    if (shape.totalCount) {
      const total = b.name('_v');
      parts.push({ out: total, call: ['CALL () {', prefixParameters(q.count, prefix).replace(/RETURN count\(n\) AS total$/, `RETURN count(n) AS ${total}`), '}'].join('\n') });
    }
    const totalAt = shape.totalCount ? parts.length - 1 : -1;
    const knownAt = parts.length;
    parts.push(...knownParts(b, ctx.read.queries, checks));
    // The page comes back a row per item, in the page's order, the count as one row after it, then one row per id check.
    return {
      parts,
      assemble: (rows) => ({
        page: limit > 0 ? (rows[0] as Row[]).map((r) => ({ node: decodeNode(r.node) as T, sortKey: r.sortKey })) : [],
        total: totalAt >= 0 ? (rows[totalAt]?.[0] as number) ?? null : null,
        missing: rows.slice(knownAt).map((r) => (r[0] as string[] | undefined) ?? []),
      }),
    };
  // Everything above is worked out from the arguments alone (a cursor is decoded, not looked up).
  }, { memo: info.fieldNodes[0] });
  await throwIfUnknown(ctx, checks, value?.missing);
  const rows = value?.page ?? [];
  const page = rows.slice(0, limit);
  if (backward) page.reverse();
  const edges = page.map((r) => ({ cursor: ctx.cursors.encode(list, r.sortKey), node: r.node }));
  const more = rows.length > limit;
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? from !== null : more,
      hasPreviousPage: backward ? more : from !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: value?.total ?? null,
  };
}

/** The stored sort properties for orderBy (ID is the implicit tie-break) and their one direction. */
function ordering<F>(spec: ListSpec<F>, orderBy: readonly OrderInput[] | null | undefined): { keys: string[]; desc: boolean } {
  const keys = orderBy ?? [];
  if (keys.length > MAX_SORT_KEYS) throw badInput(`orderBy takes at most ${MAX_SORT_KEYS} keys.`, 'orderBy');
  const directions = new Set(keys.map((k) => k.direction ?? 'ASC'));
  if (directions.size > 1) throw badInput('All orderBy keys must have the same direction.', 'orderBy');
  const props = keys.filter((k) => k.field !== 'ID').map((k) => {
    const p = spec.sort[k.field];
    if (!p) throw badInput(`${spec.type} lists cannot be ordered by ${k.field}.`, 'orderBy');
    return p;
  });
  return { keys: [...new Set(props)], desc: directions.has('DESC') };
}

/** What the connection's selection asks: the node type and selections under edges { node }, and totalCount. */
function selection(req: Request, info: GraphQLResolveInfo): { nodeType: GraphQLObjectType; nodeGroups: FieldNode[][]; totalCount: boolean } {
  const conn = getNamedType(info.returnType) as GraphQLObjectType;
  const edgeType = getNamedType(conn.getFields().edges!.type) as GraphQLObjectType;
  const nodeType = getNamedType(edgeType.getFields().node!.type);
  if (!isObjectType(nodeType)) throw new Error(`${conn.name}: edges.node must be an object type`);
  const nodeGroups: FieldNode[][] = [];
  let totalCount = false;
  for (const group of collectSubfields(req, conn, info.fieldNodes).values()) {
    const name = group[0]!.name.value;
    if (name === 'totalCount') totalCount = true;
    if (name !== 'edges') continue;
    for (const edge of collectSubfields(req, edgeType, group).values()) {
      if (edge[0]!.name.value === 'node') nodeGroups.push(edge);
    }
  }
  return { nodeType, nodeGroups, totalCount };
}
