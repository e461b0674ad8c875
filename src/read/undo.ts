import { storedProps, type LinkWrite, type Props, type PropertyWrite } from '../write/changeset.js';

/** A change as cypher/recorded/after.cypher returns it (the properties and links as the JSON text they are stored as). */
export interface StoredChange {
  id: string;
  at: string;
  operation: string;
  properties: string | null;
  links: string | null;
  created: string[] | null;
}

/** The parameters of cypher/recorded/undo.cypher: what puts the graph back as it was before the changes. */
export interface Undo {
  /** Nodes the changes created: not there before them (deleted with their relationships). */
  created: string[];
  /** Labels to put back, whole (a retracted fact live again, a merged node apart again). */
  relabel: { id: string; labels: string[] }[];
  /** Properties to put back (a null removes one the changes added). */
  set: { id: string; props: Record<string, unknown> }[];
  /** Relationships the changes added: removed. */
  unlink: { from: string; type: string; to: string }[];
  /** Relationships the changes removed or changed: back with their properties as they were. */
  link: { from: string; type: string; to: string; props: Record<string, unknown> }[];
  /** Every node whose derived values are chosen again (cypher/write/refresh.cypher's $ids), besides the created nodes' neighbours. */
  ids: string[];
}

/**
 * The net inverse of `changes` (oldest first): undoing them newest first ends with each property,
 * label set and relationship as the OLDEST of them found it (its `before`), so only that one
 * counts; what a node created among them had does not matter, as the node goes. A seed file's or
 * an import's change lists the nodes it created and not every value it wrote over (SEED lists no
 * property): its nodes go, values it changed on older nodes stay as they are now.
 */
export function undoOf(changes: readonly StoredChange[]): Undo {
  const created = new Set(changes.flatMap((c) => c.created ?? []));
  const props = new Map<string, Props>();
  const labels = new Map<string, string[]>();
  const links = new Map<string, LinkWrite>();
  for (const c of changes) {
    for (const p of JSON.parse(c.properties ?? '[]') as PropertyWrite[]) {
      if (created.has(p.entity)) continue;
      if (p.property === '_labels') {
        if (!labels.has(p.entity)) labels.set(p.entity, p.before as string[]);
        continue;
      }
      const before = props.get(p.entity) ?? {};
      if (!(p.property in before)) before[p.property] = (p.before ?? null) as Props[string];
      props.set(p.entity, before);
    }
    for (const l of JSON.parse(c.links ?? '[]') as LinkWrite[]) {
      if (created.has(l.from) || created.has(l.to)) continue;
      const key = `${l.from}\u0000${l.type}\u0000${l.to}`;
      if (!links.has(key)) links.set(key, l);
    }
  }
  const all = [...links.values()];
  return {
    created: [...created].sort(),
    relabel: [...labels].sort(([a], [b]) => a.localeCompare(b)).map(([id, l]) => ({ id, labels: l })),
    set: [...props].sort(([a], [b]) => a.localeCompare(b)).map(([id, p]) => ({ id, props: storedProps(p) })),
    unlink: all.filter((l) => l.before === null).map(({ from, type, to }) => ({ from, type, to })),
    link: all.filter((l) => l.before !== null).map(({ from, type, to, before }) => ({ from, type, to, props: storedProps(before!) })),
    ids: [...new Set([...props.keys(), ...labels.keys(), ...all.flatMap((l) => [l.from, l.to])])].filter((id) => !created.has(id)).sort(),
  };
}
