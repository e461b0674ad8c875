import { GraphQLError } from 'graphql';
import type { Resolvers } from '../../generated/resolvers.js';
import { ErrorCode, badInput } from '../../errors.js';
import { echoed } from '../../read/knownIds.js';
import type { LinkWrite, PropertyWrite } from '../../write/change.js';
import type { Link, Props } from '../../write/changeset.js';
import { mutate, type Applied } from '../../write/mutate.js';
import { id } from '../../write/validate.js';
import type { RelationshipType } from '../../write/vocabulary.js';

interface StoredChange { id: string; at: string; operation: string; properties: string; links: string | null; created: string[] | null; revertOf?: string | null }

/** Later changes that wrote what the change wrote: the revert would undo theirs too. */
class Later extends Error {
  constructor(readonly ids: string[]) { super('later changes'); }
}

/** Operations whose changes list no property (a seed file, an import): they are not undone one by one. */
const WHOLESALE = new Set(['SEED', 'IMPORT']);

/**
 * revertChange: the inverse of a change, applied as a change of its own. The properties it set go
 * back to their values before (each checked to still hold the value it set: CONFLICT when not),
 * the relationships it added are removed and those it removed come back, the nodes it created
 * are retracted and the ones it retracted or merged get their labels back.
 */
export const revertResolvers: Resolvers = {
  Mutation: {
    revertChange: async (_p, args, ctx) => {
      const changeId = id(args.id, 'id');
      try {
        return await mutate(ctx, { coordinate: 'Mutation.revertChange', role: 'admin', args }, async (tx) => {
          const [row] = await tx.run<{ change: StoredChange; later: StoredChange[] }>('history/later', { id: changeId });
          if (!row) throw badInput(`id: no change has the id "${echoed(changeId)}".`, 'id');
          const c = row.change;
          if (WHOLESALE.has(c.operation)) throw badInput(`id: "${echoed(changeId)}" is a ${c.operation} change, which lists no property to undo: load or import again instead.`, 'id');
          const properties = JSON.parse(c.properties) as PropertyWrite[];
          const links = JSON.parse(c.links ?? '[]') as LinkWrite[];
          const created = new Set(c.created ?? []);

          // What it wrote, by key: a later change writing any of it (or writing on a node it created) conflicts.
          const wrote = new Set([
            ...properties.filter((p) => p.property !== 'version').map((p) => `p\u0000${p.entity}\u0000${p.property}`),
            ...links.map((l) => `l\u0000${l.from}\u0000${l.type}\u0000${l.to}`),
          ]);
          const entities = new Set([...properties.map((p) => p.entity), ...links.flatMap((l) => [l.from, l.to])]);
          // A later change undone by a later revert, and that revert, cancel out.
          const laterIds = new Set(row.later.map((l) => l.id));
          const undone = new Set(row.later.map((l) => l.revertOf).filter((x): x is string => !!x && laterIds.has(x)));
          const conflicting = row.later.filter((l) => !undone.has(l.id) && !(l.revertOf && undone.has(l.revertOf))).filter((l) => {
            const ps = JSON.parse(l.properties) as PropertyWrite[];
            const ls = JSON.parse(l.links ?? '[]') as LinkWrite[];
            return ps.some((p) => (p.property !== 'version' && wrote.has(`p\u0000${p.entity}\u0000${p.property}`)) || created.has(p.entity)
              // A node it wrote that was retracted or merged since.
              || (p.property === '_labels' && entities.has(p.entity)))
              || ls.some((x) => wrote.has(`l\u0000${x.from}\u0000${x.type}\u0000${x.to}`) || created.has(x.from) || created.has(x.to));
          });
          if (conflicting.length) throw new Later(conflicting.map((l) => l.id));

          const set = new Map<string, { props: Props; expect: Props }>();
          const relabel = new Map<string, { labels: string[]; props: Props }>();
          for (const p of properties) {
            if (p.property === 'version' || created.has(p.entity)) continue;
            if (p.property === '_labels') {
              relabel.set(p.entity, { ...(relabel.get(p.entity) ?? { props: {} }), labels: p.before as string[] });
              continue;
            }
            const entry = set.get(p.entity) ?? { props: {}, expect: {} };
            entry.props[p.property] = (p.before ?? null) as Props[string];
            entry.expect[p.property] = (p.after ?? null) as Props[string];
            set.set(p.entity, entry);
          }
          // Properties of a relabelled node (a merge's mergedInto) go back with its labels.
          for (const p of properties) {
            const r = relabel.get(p.entity);
            if (r && p.property !== '_labels' && p.property !== 'version') {
              r.props[p.property] = (p.before ?? null) as Props[string];
              set.delete(p.entity);
            }
          }
          for (const n of created) relabel.set(n, { labels: ['Retracted'], props: {} });

          const unlink: Omit<Link, 'props'>[] = [];
          const link: Link[] = [];
          for (const l of links) {
            const type = l.type as RelationshipType;
            if (l.before === null) unlink.push({ from: l.from, type, to: l.to });
            else link.push({ from: l.from, type, to: l.to, props: l.before });
          }
          // Whatever else joins the nodes it created (a seed re-run, an import) goes with them.
          if (created.size) {
            const rest = await tx.run<{ from: string; type: RelationshipType; to: string }>('write/relationships', { ids: [...created] });
            for (const r of rest) if (!unlink.some((u) => u.from === r.from && u.type === r.type && u.to === r.to)) unlink.push({ from: r.from, type: r.type, to: r.to });
          }
          const applied = await tx.apply({
            operation: 'REVERT',
            unlink,
            // A node it retracted comes back before its relationships do; one it set is set back.
            relabel: [...relabel].map(([n, r]) => ({ id: n, labels: r.labels, props: r.props })),
            set: [...set].filter(([n]) => !relabel.has(n)).map(([n, s]) => ({ id: n, props: s.props, expect: s.expect })),
            link,
            revertOf: changeId,
            returned: [],
          });
          return payload(applied);
        }, payload);
      } catch (e) {
        if (e instanceof Later) {
          throw new GraphQLError(`Change "${echoed(changeId)}" cannot be reverted: ${e.ids.length === 1 ? 'a later change' : `${e.ids.length} later changes`} wrote what it wrote (${e.ids.slice(0, 5).join(', ')}). Revert ${e.ids.length === 1 ? 'that one' : 'those'} first, newest first.`,
            { extensions: { code: ErrorCode.CONFLICT, laterChanges: e.ids.slice(0, 50) } });
        }
        throw e;
      }
      function payload(a: Applied) { return { change: a.change }; }
    },
  },
};
