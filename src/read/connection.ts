import type { GraphQLResolveInfo } from 'graphql';
import neo4j from 'neo4j-driver';
import { badInput } from '../errors.js';
import type { ConnectionValue, EntityRecord } from '../modules/records.js';
import type { CursorValue } from '../pagination/cursor.js';
import type { Context } from './context.js';
import { bindClause, type Decode, type Part } from './compile.js';
import { knownChecks, knownParts, throwIfUnknown } from './knownIds.js';
import { buildList, COUNT_COLUMN, sortKeyName, type ListSpec, type SortKey } from './lists.js';
import { requestOf } from './reader.js';
import { connectionSelection, pageInfo, pageRequest } from './page.js';

export interface OrderInput {
  field: string;
  direction?: string | null;
  /** The argument of a computed sort field (FineOrder.currency). */
  [argument: string]: unknown;
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
 * Filters that name things (a country, an authority: src/read/knownIds.ts) are checked in the same
 * query, one index lookup per id: an id that names nothing is BAD_USER_INPUT, not an empty page.
 */
export async function connection<T extends EntityRecord, F>(ctx: Context, info: GraphQLResolveInfo, spec: ListSpec<F>, args: ConnectionArgs<F>): Promise<ConnectionValue<T>> {
  const { backward, size: limit, cursor, cursorArg } = pageRequest(args);
  const order = ordering(spec, args.orderBy);
  const req = requestOf(info);
  const asOf = req.asOf ?? null;
  // A cursor of the list as known on one day does not fit it as known on another (its sort values may differ).
  const list = `${spec.type}:${order.keys.map(sortKeyName).join(',')}:${order.desc ? 'D' : 'A'}${asOf ? `:${asOf}` : ''}`;
  const from = cursor != null ? ctx.cursors.decode(cursor, list, cursorArg) : null;
  if (from && from.length !== order.keys.length + 1) throw badInput('The cursor does not fit this list.', cursorArg);
  const q = buildList(ctx.read.queries, spec, args.filter, { keys: order.keys, desc: backward ? !order.desc : order.desc }, from, neo4j.int(limit + 1), asOf);

  const shape = connectionSelection(req, info);
  const checks = knownChecks(info, args as Record<string, unknown>);
  type Row = { node: T; sortKey: CursorValue[] };
  const value = await ctx.read.block<{ page: Row[]; total: number | null; missing: string[][] }>(`Query.${info.fieldName}`, req, (b) => {
    // Several root fields share the request's query: this one's parameters get a prefix of their own.
    const p = b.bind(q.params);
    const parts: Part[] = [];
    let decodeNode: Decode = (v) => v;
    if (limit > 0) {
      const node = b.name('_x');
      const row = b.name('_v');
      const proj = ctx.read.compiler.node(b, node, shape.nodeType, shape.nodeGroups, req);
      decodeNode = proj.decode;
      parts.push({ out: row, call: ['CALL () {', p(q.page), `WITH n AS ${node}, ${p(q.sortValues)} AS sortKey`, ...bindClause(proj.bound),
        `RETURN {node: ${proj.map}, sortKey: sortKey} AS ${row}`, '}'].join('\n') });
    }
    if (shape.totalCount) parts.push({ call: ['CALL () {', p(q.count), '}'].join('\n'), out: COUNT_COLUMN });
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
    pageInfo: pageInfo(edges, backward ? from !== null : more, backward ? more : from !== null),
    totalCount: value?.total ?? null,
  };
}

/** The sort keys for orderBy (ID is the implicit tie-break) and their one direction. */
function ordering<F>(spec: ListSpec<F>, orderBy: readonly OrderInput[] | null | undefined): { keys: SortKey[]; desc: boolean } {
  const keys = orderBy ?? [];
  if (keys.length > MAX_SORT_KEYS) throw badInput(`orderBy takes at most ${MAX_SORT_KEYS} keys.`, 'orderBy');
  const directions = new Set(keys.map((k) => k.direction ?? 'ASC'));
  if (directions.size > 1) throw badInput('All orderBy keys must have the same direction.', 'orderBy');
  const props = keys.filter((k) => k.field !== 'ID').map((k): SortKey => {
    const c = spec.computedSort?.[k.field];
    if (c) return { computed: c.name, by: c.argument(k) };
    const extra = Object.keys(k).find((name) => name !== 'field' && name !== 'direction' && k[name] != null);
    if (extra) throw badInput(`orderBy: ${extra} is not an argument of ${k.field}.`, 'orderBy');
    const p = spec.sort[k.field];
    if (!p) throw badInput(`${spec.type} lists cannot be ordered by ${k.field}.`, 'orderBy');
    return p;
  });
  const unique = [...new Map(props.map((k) => [sortKeyName(k), k])).values()];
  if (unique.filter((k) => typeof k !== 'string').length > 1) throw badInput(`${spec.type} lists can be ordered by one computed key.`, 'orderBy');
  return { keys: unique, desc: directions.has('DESC') };
}
