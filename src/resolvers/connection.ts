import neo4j from 'neo4j-driver';
import { badCursor, decodeCursor, encodeCursor, pageSize } from '../graph/cursor.js';
import type { ConnectionValue, EntityRecord } from '../graph/records.js';
import type { Context } from '../server/context.js';

/**
 * A root list as a Relay connection over `<domain>/page` and `<domain>/count`, keyset-paginated
 * on id: one extra row tells whether another page follows, and totalCount costs a query only
 * when it is selected.
 */
export async function connection<T extends EntityRecord>(ctx: Context, domain: string, args: { first?: number | null; after?: string | null }): Promise<ConnectionValue<T>> {
  const limit = pageSize(args.first);
  const after = args.after != null ? afterId(args.after) : null;
  const rows = limit === 0 ? [] : await ctx.loaders.read<{ node: T }>(`${domain}/page`, { after, limit: neo4j.int(limit + 1) });
  const nodes = rows.slice(0, limit).map((r) => r.node);
  const edges = nodes.map((node) => ({ cursor: encodeCursor([node.id]), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => {
      const [row] = await ctx.loaders.read<{ count: number }>(`${domain}/count`, {});
      return row?.count ?? 0;
    },
  };
}

function afterId(cursor: string): string {
  const key = decodeCursor(cursor);
  if (key.length !== 1 || typeof key[0] !== 'string') throw badCursor();
  return key[0];
}

export const connectionResolvers = {
  totalCount: <T>(c: ConnectionValue<T>) => c.totalCount(),
};
