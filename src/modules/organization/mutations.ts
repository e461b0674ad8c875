import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { key } from '../../import/names.js';
import { echoed } from '../../read/knownIds.js';
import { mutate, type Applied, type WriteTx } from '../../write/mutate.js';
import { created, ref, required, type Ref } from '../../write/refs.js';
import type { Link, Props } from '../../write/changeset.js';
import { MAX_LONG_TEXT, MAX_SHORT, names, newId, sourceRefs, text } from '../../write/validate.js';
import type { AuthorityRecord, CompanyRecord } from './records.js';

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
