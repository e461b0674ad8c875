import type { Resolvers } from '../../generated/resolvers.js';
import { forbidden } from '../../auth/errors.js';
import { atLeast } from '../../auth/roles.js';
import { badInput } from '../../errors.js';
import { echoed } from '../../read/knownIds.js';
import type { Link, Props } from '../../write/changeset.js';
import { Unknown, mutate, type Applied } from '../../write/mutate.js';
import { MAX_TEXT, id, sourceRefs, text } from '../../write/validate.js';
import { NODE_LABELS, type RelationshipType } from '../../write/vocabulary.js';
import type { EntityRecord } from '../common/records.js';

/** Reference data every import and seed relies on: never retracted or merged through the API. */
const FIXED = new Set(['Country', 'DataCategory']);

type Relationship = { from: string; type: RelationshipType; to: string; props: Props };

/** The labels of a node that say what it is (its GraphQL type), without its state. */
const kindsOf = (labels: readonly string[]) => labels.filter((l) => (NODE_LABELS as readonly string[]).includes(l));

/** The mutations that apply to a node of any domain: retract and mergeEntities. */
export const curationResolvers: Resolvers = {
  Mutation: {
    retract: async (_p, args, ctx) => {
      const target = id(args.id, 'id');
      const reason = text(args.reason, 'reason', MAX_TEXT, true);
      const sources = sourceRefs(args.sources, 'sources');
      return mutate(ctx, { coordinate: 'Mutation.retract', args }, async (tx) => {
        const [node] = await tx.run<{ labels: string[]; creator: string | null; creatorRole: string | null; dependents: string[]; blocking: { id: string; type: string }[] }>('curation/retractable', { id: target });
        if (!node) throw new Unknown([{ argument: 'id', kind: 'Entity', value: target }]);
        const kinds = kindsOf(node.labels);
        if (kinds.some((k) => FIXED.has(k))) throw badInput(`id: "${echoed(target)}" is reference data (${kinds.join(', ')}), which is not retracted.`, 'id');
        // A curator retracts what a curator added; seeded and imported facts, and other curators', are an admin's to retract.
        if (!atLeast(ctx.actor?.role, 'admin') && (node.creator !== tx.curator.subject || node.creatorRole === 'system')) {
          throw forbidden('admin', ctx.actor?.role, `Retracting "${echoed(target)}", which ${node.creator ? (node.creatorRole === 'system' ? `was loaded by ${node.creator}` : 'another curator added') : 'no curator added'},`);
        }
        if (node.blocking.length) {
          const named = node.blocking.slice(0, 10).map((b) => `${b.id} (${b.type})`).join(', ');
          throw badInput(`id: "${echoed(target)}" has facts resting on it: ${named}${node.blocking.length > 10 ? ` and ${node.blocking.length - 10} more` : ''}. Retract those first.`, 'id', { restingOn: node.blocking.slice(0, 50) });
        }
        const gone = [target, ...node.dependents];
        const relationships = await tx.run<Relationship>('write/relationships', { ids: gone });
        const applied = await tx.apply({
          operation: 'RETRACT',
          unlink: relationships.map(({ from, type, to }) => ({ from, type, to })),
          relabel: gone.map((g) => ({ id: g, labels: ['Retracted'] })),
          sources,
          sourced: [],
          reason,
          returned: [],
        });
        return payload(applied);
      }, payload);
      function payload(a: Applied) { return { id: target, change: a.change }; }
    },

    mergeEntities: async (_p, args, ctx) => {
      const keep = id(args.keep, 'keep');
      const merge = id(args.merge, 'merge');
      if (keep === merge) throw badInput('merge: a node is not merged into itself.', 'merge');
      const reason = text(args.reason, 'reason', MAX_TEXT, false);
      const sources = args.sources?.length ? sourceRefs(args.sources, 'sources') : [];
      return mutate(ctx, { coordinate: 'Mutation.mergeEntities', role: 'admin', args }, async (tx) => {
        const [pair] = await tx.run<{ keep: (EntityRecord & Record<string, unknown>) | null; merge: (EntityRecord & Record<string, unknown>) | null }>('curation/mergePair', { keep, merge });
        const unknown = [
          ...(pair?.keep ? [] : [{ argument: 'keep', kind: 'Entity' as const, value: keep }]),
          ...(pair?.merge ? [] : [{ argument: 'merge', kind: 'Entity' as const, value: merge }]),
        ];
        if (unknown.length) throw new Unknown(unknown);
        const keepKinds = kindsOf(pair!.keep!._labels!);
        const mergeKinds = kindsOf(pair!.merge!._labels!);
        if (keepKinds.join() !== mergeKinds.join()) {
          throw badInput(`merge: "${echoed(merge)}" is ${mergeKinds.join(', ')}, "${echoed(keep)}" is ${keepKinds.join(', ')}: only nodes of one type are merged.`, 'merge');
        }
        if (keepKinds.some((k) => FIXED.has(k))) throw badInput(`keep: reference data (${keepKinds.join(', ')}) is not merged.`, 'keep');
        const relationships = await tx.run<Relationship>('write/relationships', { ids: [merge, keep] });
        const keeps = new Set(relationships.filter((r) => r.from === keep || r.to === keep).map((r) => `${r.from}\u0000${r.type}\u0000${r.to}`));
        const moved: Link[] = [];
        const unlink: Omit<Link, 'props'>[] = [];
        for (const r of relationships) {
          if (r.from !== merge && r.to !== merge) continue;
          unlink.push({ from: r.from, type: r.type, to: r.to });
          const from = r.from === merge ? keep : r.from;
          const to = r.to === merge ? keep : r.to;
          if (from === to) continue; // a link between the two is nothing once they are one
          const key = `${from}\u0000${r.type}\u0000${to}`;
          // One the kept node has already stays as it is; the others move with their properties.
          moved.push({ from, type: r.type, to, props: keeps.has(key) ? {} : r.props });
          keeps.add(key);
        }
        const k = pair!.keep!;
        const m = pair!.merge!;
        const set: { id: string; props: Props }[] = [];
        if (typeof m.name === 'string') {
          const aliases = [...new Set([...((k.aliases as string[] | undefined) ?? []), m.name, ...((m.aliases as string[] | undefined) ?? [])])]
            .filter((a) => a !== k.name);
          set.push({ id: keep, props: { aliases } });
        }
        const applied = await tx.apply({
          operation: 'MERGE_ENTITIES',
          unlink,
          set,
          relabel: [{ id: merge, labels: ['Redirect'], props: { mergedInto: keep } }],
          link: [...moved, { from: merge, type: 'MERGED_INTO', to: keep }],
          sources,
          sourced: [],
          reason,
          returned: [keep],
        });
        return payload(applied);
      }, payload);
      function payload(a: Applied) { return { kept: a.nodes.get(keep) as unknown as EntityRecord, change: a.change }; }
    },
  },
};
