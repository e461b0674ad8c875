import { alternativesByKey, type FieldPlan, type ItemPlan, type NodePlan, type RowPlan } from './plan.js';

/**
 * The last stage of the read compiler: rebuilds what Neo4j sent for a planned field into the
 * objects the resolvers read. Nodes and rows come back as lists of their values in the order
 * src/read/emit.ts wrote them (both follow the plan), not as maps: the driver decodes a map key
 * by key (a string and an Object.defineProperty each), which cost more of this API's CPU than
 * anything else it does per request, and Neo4j builds and sends the lists for less too.
 */

/** Rebuilds one value; `parent` is the object being rebuilt around it (its `_labels` pick a multi-type field's shape). */
export type Decode = (value: any, parent?: Record<string, unknown>) => unknown;

/** A value as its decoder rebuilds it; null stays null. */
export const decoded = (decode: Decode | undefined, value: unknown): unknown => (value == null ? null : decode ? decode(value) : value);

/** A relationship field's value: the list of its items, or its one item (or null). */
export function fieldDecoder(field: FieldPlan): Decode {
  const one = itemDecoder(field.item);
  // A nested connection's page (src/read/emit.ts, emitPage): [count, start, end, items].
  if (field.page) return ([total, start, end, items]: [number, number, number, unknown[]]) => ({ total, start, end, nodes: items.map((x) => one(x)) });
  return field.many ? (v: unknown[]) => v.map((x) => one(x)) : one;
}

function itemDecoder(item: ItemPlan): Decode {
  if (item.kind === 'node') return nodeDecoder(item.node);
  if (item.kind === 'row') return rowDecoder(item.row);
  return (v) => v;
}

/**
 * A node's list of values as an object keyed as emit projected it: id, `_labels`, its properties,
 * then one entry per relationship field key. A list whose id is null is a null node (an optional
 * column), as its map projection would have been.
 */
export function nodeDecoder(node: NodePlan): Decode {
  const keys: string[] = ['id', ...(node.labels ? ['_labels'] : []), ...node.props];
  const subs: (Decode | undefined)[] = keys.map(() => undefined);
  for (const [key, alternatives] of alternativesByKey(node.relations)) {
    keys.push(key);
    if (alternatives.length === 1) {
      subs.push(fieldDecoder(alternatives[0]!.field));
      continue;
    }
    const decoders = alternatives.map((a) => ({ type: a.field.owner.name, decode: fieldDecoder(a.field) }));
    // The node's labels are rebuilt before its relationship fields (they come first).
    subs.push((v, parent) => {
      const labels = parent?._labels as string[] | undefined;
      const own = decoders.find((d) => labels?.includes(d.type));
      return own ? own.decode(v) : v;
    });
  }
  return listDecoder(keys, subs, true);
}

function rowDecoder(row: RowPlan): Decode {
  const keys: string[] = [];
  const subs: (Decode | undefined)[] = [];
  for (const e of row.entries) {
    if (e.kind === 'relation') {
      keys.push(e.key);
      subs.push(fieldDecoder(e.field));
    } else if (e.kind === 'column') {
      keys.push(e.name);
      subs.push(undefined);
    } else if (e.kind === 'node') {
      keys.push(e.name);
      subs.push(nodeDecoder(e.node));
    } else {
      const each = nodeDecoder(e.node);
      keys.push(e.name);
      subs.push((v: unknown[]) => v.map((x) => each(x)));
    }
  }
  return listDecoder(keys, subs, false);
}

function listDecoder(keys: readonly string[], subs: readonly (Decode | undefined)[], node: boolean): Decode {
  return (values: unknown[]) => {
    if (node && values[0] == null) return null;
    const o: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const v = values[i];
      const sub = subs[i];
      o[keys[i]!] = v == null ? null : sub ? sub(v, o) : v;
    }
    return o;
  };
}
