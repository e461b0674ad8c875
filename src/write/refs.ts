import { badInput } from '../errors.js';
import { echoed, type KnownKind } from '../read/knownIds.js';
import { Unknown, type Applied, type WriteTx } from './mutate.js';
import { id } from './validate.js';
import type { NodeLabel } from './vocabulary.js';

/** An id a write names, and the labels it may have (any one of them). */
export interface Ref {
  id: string;
  argument: string;
  labels: readonly NodeLabel[];
}

/** What an unknown id of these labels is called in the error (src/read/knownIds.ts): a person has no noun of its own. */
function kindOf(labels: readonly NodeLabel[]): KnownKind {
  if (labels.length === 2 && labels.includes('Company') && labels.includes('Authority')) return 'Organization';
  const [only] = labels;
  return labels.length === 1 && (['Country', 'Company', 'Authority', 'Incident', 'Source', 'Publisher'] as const).find((k) => k === only) || 'Entity';
}

/** A label as an error names it: "a company", "an authority", "a data category". */
const noun = (label: string) => {
  const words = label.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
};

/**
 * The ids a write names, checked in its transaction before it is applied (cypher/write/labels.cypher):
 * every one that names nothing is reported at once (BAD_USER_INPUT naming each argument, with the
 * closest id), one that names a node of another type says what it is; each found one is returned as
 * a requirement of the changeset with the label it has (a speaker a Person, an organization a
 * Company or an Authority), so tx.apply checks it again under the same rule.
 */
export async function required(tx: WriteTx, refs: readonly Ref[]): Promise<{ id: string; label: NodeLabel; argument: string }[]> {
  if (refs.length === 0) return [];
  const rows = await tx.run<{ id: string; labels: string[] }>('write/labels', { ids: [...new Set(refs.map((r) => r.id))] });
  const found = new Map(rows.map((r) => [r.id, r.labels]));
  const unknown: { argument: string; kind: KnownKind; value: string }[] = [];
  const out: { id: string; label: NodeLabel; argument: string }[] = [];
  for (const r of refs) {
    const labels = found.get(r.id) ?? [];
    const label = r.labels.find((l) => labels.includes(l));
    if (label) { out.push({ id: r.id, label, argument: r.argument }); continue; }
    if (labels.length === 0) { unknown.push({ argument: r.argument, kind: kindOf(r.labels), value: r.id }); continue; }
    const is = labels.filter((l) => l !== 'Entity').map(noun).join(', ') || 'another kind of node';
    throw badInput(`${r.argument}: "${echoed(r.id)}" is ${is}, not ${r.labels.map(noun).join(' or ')}.`, r.argument.split('.')[0]!);
  }
  if (unknown.length) throw new Unknown(unknown);
  return out;
}

/** An optional id argument as a reference, checked for its length (validate.ts id()). */
export function ref(value: string | null | undefined, argument: string, labels: readonly NodeLabel[]): Ref | null {
  return value === null || value === undefined ? null : { id: id(value, argument), argument, labels };
}

export const ORGANIZATION: readonly NodeLabel[] = ['Company', 'Authority'];

/**
 * The one node a write created, for its payload: by its id, or, when the write is a retry answered
 * with the first result (Idempotency-Key), the node the first one created, under the id it was
 * given then (the id this call drew is new).
 */
export function created<T>(a: Applied, id: string): T {
  return (a.nodes.get(id) ?? a.returned[0]) as unknown as T;
}

