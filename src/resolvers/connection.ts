import neo4j from 'neo4j-driver';
import { badCursor, badInput } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../graph/cursor.js';
import type { ConnectionValue, EntityRecord } from '../graph/records.js';
import type { Context } from '../server/context.js';
import type { ListQuery } from './filters.js';

export interface OrderInput {
  field: string;
  direction?: string | null;
}

const MAX_SORT_KEYS = 3;

/**
 * A root list as a Relay connection. The query is <domain>/list/anchor/<anchor> (the MATCH an
 * index serves) + <domain>/list/filter (every filter and the string sort key k) + list/page (the
 * keyset page) or list/count. One extra row tells whether another page follows; totalCount
 * costs a query only when it is selected.
 */
export async function connection<T extends EntityRecord>(
  ctx: Context,
  domain: string,
  list: ListQuery,
  args: { orderBy?: readonly OrderInput[] | null; first?: number | null; after?: string | null; last?: number | null; before?: string | null },
): Promise<ConnectionValue<T>> {
  // Backwards (last/before) is the same keyset query in the opposite order, then reversed.
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) throw badInput('Page with first/after or with last/before, not both.', 'last');
  const limit = pageSize(backward ? args.last : args.first, backward ? 'last' : 'first');
  const { sort, desc, signature } = ordering(args.orderBy);
  const cursor = backward ? args.before : args.after;
  const from = cursor != null ? afterKey(cursor, signature) : null;
  const base = `${domain}/list/anchor/${list.anchor}+${domain}/list/filter`;
  const params = { f: list.filter, sort, desc };
  const rows = limit === 0 ? [] : await ctx.loaders.read<{ node: T; sortKey: string }>(`${base}+list/page`, {
    ...params, desc: backward ? !desc : desc, afterKey: from?.key ?? null, afterId: from?.id ?? null, limit: neo4j.int(limit + 1),
  });
  const page = rows.slice(0, limit);
  if (backward) page.reverse();
  const edges = page.map((r) => ({ cursor: encodeCursor([signature, r.sortKey, r.node.id]), node: r.node }));
  const more = rows.length > limit;
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? from !== null : more,
      hasPreviousPage: backward ? more : from !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => (await ctx.loaders.read<{ count: number }>(`${base}+list/count`, params))[0]?.count ?? 0,
  };
}

/** The sort fields (ID is the implicit tie-break, so it adds no key) and their one direction. */
export function ordering(orderBy: readonly OrderInput[] | null | undefined): { sort: string[]; desc: boolean; signature: string } {
  const keys = orderBy ?? [];
  if (keys.length > MAX_SORT_KEYS) throw badInput(`orderBy takes at most ${MAX_SORT_KEYS} keys.`, 'orderBy');
  const directions = new Set(keys.map((k) => k.direction ?? 'ASC'));
  if (directions.size > 1) throw badInput('All orderBy keys must have the same direction.', 'orderBy');
  const desc = directions.has('DESC');
  const sort = keys.map((k) => k.field).filter((f) => f !== 'ID');
  return { sort, desc, signature: `${sort.join(',')}:${desc ? 'D' : 'A'}` };
}

function afterKey(cursor: string, signature: string): { key: string; id: string } {
  const key = decodeCursor(cursor);
  if (key.length !== 3 || typeof key[1] !== 'string' || typeof key[2] !== 'string') throw badCursor();
  if (key[0] !== signature) throw badInput('This cursor belongs to another ordering: use it with the same orderBy.', 'after');
  return { key: key[1], id: key[2] };
}


export const connectionResolvers = {
  totalCount: <T, E>(c: ConnectionValue<T, E>) => c.totalCount(),
};
