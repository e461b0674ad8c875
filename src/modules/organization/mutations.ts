import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { key } from '../../import/names.js';
import { echoed, type KnownKind } from '../../read/knownIds.js';
import { mutate, Unknown, type Applied, type WriteTx } from '../../write/mutate.js';
import type { Link, Props } from '../../write/changeset.js';
import type { NodeLabel } from '../../write/vocabulary.js';
import { MAX_LONG_TEXT, MAX_SHORT, id, names, newId, sourceRefs, text } from '../../write/validate.js';
import type { AuthorityRecord, CompanyRecord } from './records.js';

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
 * The ids a write names, checked in its transaction before it is applied (cypher/organization/write/labels.cypher):
 * every one that names nothing is reported at once (BAD_USER_INPUT naming each argument, with the
 * closest id), one that names a node of another type says what it is; each found one is returned as
 * a requirement of the changeset with the label it has (a speaker a Person, an organization a
 * Company or an Authority), so tx.apply checks it again under the same rule.
 */
export async function required(tx: WriteTx, refs: readonly Ref[]): Promise<{ id: string; label: NodeLabel; argument: string }[]> {
  if (refs.length === 0) return [];
  const rows = await tx.run<{ id: string; labels: string[] }>('organization/write/labels', { ids: [...new Set(refs.map((r) => r.id))] });
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
  return (a.nodes.get(id) ?? [...a.nodes.values()][0]) as unknown as T;
}

/**
 * A name (or an alias) that already names a company (or an authority) in the same country, or, for
 * one without a country, one without a country: compared as the importer compares names (src/import/names.ts
 * key()), read in the write's own transaction (cypher/organization/write/sameName.cypher, which
 * first locks the country so two curators creating one name there at once queue, and the second
 * sees the first). Refused with BAD_USER_INPUT naming the one already there.
 */
async function refuseSameName(tx: WriteTx, label: 'Company' | 'Authority', country: string | null, given: readonly string[]): Promise<void> {
  const wanted = new Map(given.map((n) => [key(n), n] as const).filter(([k]) => k !== ''));
  if (wanted.size === 0) return;
  const rows = await tx.run<{ id: string; names: string[] }>('organization/write/sameName', { label, country });
  for (const row of rows) {
    for (const existing of row.names) {
      const mine = wanted.get(key(existing));
      if (mine === undefined) continue;
      const noun = label === 'Company' ? 'company' : 'authority';
      const where = country ? `in ${country}` : 'without a country';
      throw badInput(`input: "${echoed(mine)}" already names the ${noun} "${row.id}" ${where} (as "${echoed(existing)}"): link to it by its id rather than creating a second one.`,
        'input', { existing: row.id });
    }
  }
}

export const organizationMutations: Resolvers = {
  Mutation: {
    createCompany: async (_p, args, ctx) => {
      const { input } = args;
      const name = text(input.name, 'input.name', MAX_SHORT, true);
      const aliases = names(input.aliases, 'input.aliases').filter((a) => a !== name);
      const props: Props = {
        name, aliases,
        sector: text(input.sector, 'input.sector', MAX_SHORT, false),
        description: text(input.description, 'input.description', MAX_LONG_TEXT, false),
      };
      const country = ref(input.country, 'input.country', ['Country']);
      const sources = sourceRefs(input.sources);
      const company = newId(name);
      return mutate(ctx, { coordinate: 'Mutation.createCompany', args }, async (tx) => {
        const require = await required(tx, country ? [country] : []);
        await refuseSameName(tx, 'Company', country?.id ?? null, [name, ...aliases]);
        return payload(await tx.apply({
          operation: 'CREATE_COMPANY',
          require,
          create: [{ id: company, label: 'Company', props }],
          link: country ? [{ from: company, type: 'IN_COUNTRY', to: country.id }] : [],
          sources,
        }));
      }, payload);
      function payload(a: Applied) { return { company: created<CompanyRecord>(a, company), change: a.change }; }
    },

    createAuthority: async (_p, args, ctx) => {
      const { input } = args;
      const name = text(input.name, 'input.name', MAX_SHORT, true);
      const aliases = names(input.aliases, 'input.aliases').filter((a) => a !== name);
      const props: Props = {
        name, aliases, kind: input.kind,
        description: text(input.description, 'input.description', MAX_LONG_TEXT, false),
      };
      const country = ref(input.country, 'input.country', ['Country']);
      const parent = ref(input.parent, 'input.parent', ['Authority']);
      const sources = sourceRefs(input.sources);
      const authority = newId(name);
      return mutate(ctx, { coordinate: 'Mutation.createAuthority', args }, async (tx) => {
        const require = await required(tx, [country, parent].filter((r): r is Ref => r !== null));
        await refuseSameName(tx, 'Authority', country?.id ?? null, [name, ...aliases]);
        const link: Link[] = [
          ...(country ? [{ from: authority, type: 'IN_COUNTRY' as const, to: country.id }] : []),
          ...(parent ? [{ from: authority, type: 'PART_OF' as const, to: parent.id }] : []),
        ];
        return payload(await tx.apply({ operation: 'CREATE_AUTHORITY', require, create: [{ id: authority, label: 'Authority', props }], link, sources }));
      }, payload);
      function payload(a: Applied) { return { authority: created<AuthorityRecord>(a, authority), change: a.change }; }
    },
  },
};
