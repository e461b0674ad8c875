import neo4j from 'neo4j-driver';
import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { pageSize } from '../../pagination/pageSize.js';
import type { Context } from '../../read/context.js';
import { unknownError } from '../../read/knownIds.js';
import type { ConnectionValue } from '../common/records.js';
import type { ChangeRecord, LinkChangeValue, PropertyChangeValue } from './records.js';

/** A property as the Change keeps it: its value before and after, as JSON values (null: none). */
interface StoredProperty { entity: string; property: string; before: unknown; after: unknown }
interface StoredLink { from: string; type: string; to: string; before: unknown; after: unknown }

/** JSON text of a stored value, null when there was none. */
const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export const historyResolvers: Resolvers = {
  Change: {
    actor: (c) => ({ subject: c.actorSubject, role: c.actorRole }),
    properties: (c): PropertyChangeValue[] => (JSON.parse(c.properties) as StoredProperty[])
      .map((p) => ({ entity: p.entity, property: p.property, before: json(p.before), after: json(p.after) })),
    links: (c): LinkChangeValue[] => (JSON.parse(c.links ?? '[]') as StoredLink[])
      .map((l) => ({ from: l.from, type: l.type, to: l.to, before: json(l.before), after: json(l.after) })),
    created: (c) => c.created ?? [],
    reason: (c) => c.reason ?? null,
    revertOf: (c) => c.revertOf ?? null,
  },
  Query: {
    history: async (_p, { id, first, after }, ctx) => {
      const limit = pageSize(first, 'first', { fallback: 20 });
      const [afterAt, afterId] = after ? ctx.cursors.decode(after, HISTORY, 'after') : [null, null];
      // An id that names nothing is an error, not "no changes" (src/read/knownIds.ts).
      const [known] = await ctx.read.named<{ known: boolean }>('history/known', { id });
      if (!known?.known) throw await unknownError(ctx, [{ argument: 'id', kind: 'Entity', value: id }]);
      return page(ctx, HISTORY, await changes(ctx, 'history/entity', { id, afterAt, afterId }, limit), limit);
    },
    changes: async (_p, { since, first, after }, ctx) => {
      const limit = pageSize(first, 'first', { fallback: 20 });
      const at = Date.parse(since);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(since) || Number.isNaN(at)) {
        throw badInput(`since: "${since.slice(0, 64)}" is not an ISO 8601 date-time ("2026-12-01T00:00:00Z").`, 'since');
      }
      const [afterAt, afterId] = after ? ctx.cursors.decode(after, FEED, 'after') : [null, null];
      return page(ctx, FEED, await changes(ctx, 'history/since', { since: new Date(at).toISOString(), afterAt, afterId }, limit), limit);
    },
  },
};

/** The lists' names in their cursors: a cursor of one is refused by the other. */
const HISTORY = 'Change:history';
const FEED = 'Change:since';

async function changes(ctx: Context, query: string, params: Record<string, unknown>, limit: number): Promise<ChangeRecord[]> {
  const rows = await ctx.read.named<{ change: ChangeRecord }>(query, { ...params, limit: neo4j.int(limit + 1) });
  return rows.map((r) => r.change);
}

/** A page of changes (one more was asked for, to know whether another page follows). */
function page(ctx: Context, list: string, rows: ChangeRecord[], limit: number): ConnectionValue<ChangeRecord> {
  const items = rows.slice(0, limit);
  const edges = items.map((node) => ({ cursor: ctx.cursors.encode(list, [node.at, node.id]), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: null,
  };
}
