import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { firstDay, lastDay } from '../../domain/partialDate.js';
import { mutate, type Applied } from '../../write/mutate.js';
import type { Props } from '../../write/changeset.js';
import { MAX_LONG_TEXT, MAX_SHORT, newId, names, sourceRefs, text } from '../../write/validate.js';
import { ORGANIZATION, created, ref, required, type Ref } from '../../write/refs.js';
import type { PersonRecord, PositionRecord } from './records.js';

export const personMutations: Resolvers = {
  Mutation: {
    createPerson: async (_p, args, ctx) => {
      const { input } = args;
      const name = text(input.name, 'input.name', MAX_SHORT, false);
      const description = text(input.description, 'input.description', MAX_LONG_TEXT, false);
      // As the seeds hold an unnamed suspect: no name, a description.
      if (!name && !description) throw badInput('input: give a name, or for a person the sources do not name, a description.', 'input');
      const aliases = names(input.aliases, 'input.aliases').filter((a) => a !== name);
      const props: Props = { name, aliases, description };
      const nationality = ref(input.nationality, 'input.nationality', ['Country']);
      const sources = sourceRefs(input.sources);
      // An unnamed person's id from the words of its description.
      const person = newId(name ?? description!.split(/\s+/).slice(0, 8).join(' '));
      return mutate(ctx, { coordinate: 'Mutation.createPerson', args }, async (tx) => payload(await tx.apply({
        operation: 'CREATE_PERSON',
        require: await required(tx, nationality ? [nationality] : []),
        create: [{ id: person, label: 'Person', props }],
        link: nationality ? [{ from: person, type: 'NATIONAL_OF', to: nationality.id }] : [],
        sources,
      })), payload);
      function payload(a: Applied) { return { person: created<PersonRecord>(a, person), change: a.change }; }
    },

    addPosition: async (_p, args, ctx) => {
      const { input } = args;
      const person = ref(input.person, 'input.person', ['Person'])!;
      const organization = ref(input.organization, 'input.organization', ORGANIZATION)!;
      const title = text(input.title, 'input.title', MAX_SHORT, true);
      const since = input.since ?? null;
      const until = input.until ?? null;
      if (since && until && firstDay(since)! > lastDay(until)!) throw badInput(`input.until: "${until}" is before since ("${since}").`, 'input');
      const props: Props = { title, acting: input.acting ?? false, since, until };
      const sources = sourceRefs(input.sources);
      // In the seeds' manner: the person, the organization, the title ("park-dae-jun-coupang-ceo").
      const position = newId(`${organization.id.slice(0, 60)} ${title}`, person.id.slice(0, 60));
      return mutate(ctx, { coordinate: 'Mutation.addPosition', args }, async (tx) => payload(await tx.apply({
        operation: 'ADD_POSITION',
        require: await required(tx, [person, organization] satisfies Ref[]),
        create: [{ id: position, label: 'Position', props }],
        link: [{ from: person.id, type: 'HOLDS', to: position }, { from: position, type: 'AT', to: organization.id }],
        sources,
      })), payload);
      function payload(a: Applied) { return { position: created<PositionRecord>(a, position), change: a.change }; }
    },
  },
};
