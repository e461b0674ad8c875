import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { firstDay, lastDay } from '../../domain/partialDate.js';
import { mutate, type Applied } from '../../write/mutate.js';
import type { Link, Props } from '../../write/changeset.js';
import { MAX_LONG_TEXT, MAX_SHORT, MAX_TEXT, newId, sourceRefs, text } from '../../write/validate.js';
import { ORGANIZATION, created, ref, required, type Ref } from '../../write/refs.js';
import type { EventRecord, StatementRecord } from './records.js';

/** Incidents one event may concern, people who may attend it. */
const MAX_INCIDENTS = 20;
const MAX_ATTENDEES = 50;

/** A date and the date a source reported it: the first cannot be after the second. */
function dates(date: string | null | undefined, reportedOn: string | null | undefined): { date: string | null; reportedOn: string | null } {
  if (date && reportedOn && firstDay(date)! > lastDay(reportedOn)!) {
    throw badInput(`input.reportedOn: "${reportedOn}" is before date ("${date}"): a source reports what happened on or before it.`, 'input');
  }
  return { date: date ?? null, reportedOn: reportedOn ?? null };
}

export const narrativeMutations: Resolvers = {
  Mutation: {
    addStatement: async (_p, args, ctx) => {
      const { input } = args;
      const incident = ref(input.incident, 'input.incident', ['Incident'])!;
      const speaker = ref(input.speaker, 'input.speaker', ['Person']);
      const onBehalfOf = ref(input.onBehalfOf, 'input.onBehalfOf', ORGANIZATION);
      const summary = text(input.summary, 'input.summary', MAX_LONG_TEXT, true);
      const props: Props = {
        kind: input.kind, summary,
        quote: text(input.quote, 'input.quote', MAX_LONG_TEXT, false),
        ...dates(input.date, input.reportedOn),
      };
      const sources = sourceRefs(input.sources);
      // In the seeds' manner: the incident, then words of what was said.
      const statement = newId(summary.split(/\s+/).slice(0, 8).join(' '), incident.id.slice(0, 100));
      return mutate(ctx, { coordinate: 'Mutation.addStatement', args }, async (tx) => {
        const require = await required(tx, [incident, speaker, onBehalfOf].filter((r): r is Ref => r !== null));
        const link: Link[] = [
          { from: statement, type: 'ABOUT', to: incident.id },
          ...(speaker ? [{ from: speaker.id, type: 'MADE' as const, to: statement }] : []),
          ...(onBehalfOf ? [{ from: statement, type: 'ON_BEHALF_OF' as const, to: onBehalfOf.id }] : []),
        ];
        return payload(await tx.apply({ operation: 'ADD_STATEMENT', require, create: [{ id: statement, label: 'Statement', props }], link, sources }));
      }, payload);
      function payload(a: Applied) { return { statement: created<StatementRecord>(a, statement), change: a.change }; }
    },

    addEvent: async (_p, args, ctx) => {
      const { input } = args;
      if (input.incidents.length === 0) throw badInput('input.incidents: at least one incident the event is about.', 'input');
      if (input.incidents.length > MAX_INCIDENTS) throw badInput(`input.incidents: at most ${MAX_INCIDENTS}.`, 'input');
      const incidents = input.incidents.map((i) => ref(i, 'input.incidents', ['Incident'])!);
      if (new Set(incidents.map((i) => i.id)).size !== incidents.length) throw badInput('input.incidents: each incident once.', 'input');
      const organizer = ref(input.organizer, 'input.organizer', ORGANIZATION);
      const against = ref(input.against, 'input.against', ['Company']);
      const attendees = (input.attendees ?? []).map((a) => ({
        person: ref(a.person, 'input.attendees.person', ['Person'])!,
        role: text(a.role, 'input.attendees.role', MAX_SHORT, false),
      }));
      if (attendees.length > MAX_ATTENDEES) throw badInput(`input.attendees: at most ${MAX_ATTENDEES}.`, 'input');
      if (new Set(attendees.map((a) => a.person.id)).size !== attendees.length) throw badInput('input.attendees: each person once.', 'input');
      const title = text(input.title, 'input.title', MAX_TEXT, true);
      const props: Props = {
        kind: input.kind, title,
        description: text(input.description, 'input.description', MAX_LONG_TEXT, false),
        ...dates(input.date, input.reportedOn),
      };
      const sources = sourceRefs(input.sources);
      const event = newId(title.split(/\s+/).slice(0, 8).join(' '), incidents[0]!.id.slice(0, 100));
      return mutate(ctx, { coordinate: 'Mutation.addEvent', args }, async (tx) => {
        const require = await required(tx, [...incidents, organizer, against, ...attendees.map((a) => a.person)].filter((r): r is Ref => r !== null));
        const link: Link[] = [
          ...incidents.map((i): Link => ({ from: event, type: 'CONCERNS', to: i.id })),
          ...(organizer ? [{ from: organizer.id, type: 'ORGANIZED' as const, to: event }] : []),
          ...(against ? [{ from: event, type: 'AGAINST' as const, to: against.id }] : []),
          // As the seeds draw attendance: the capacity, and the order the source names them in.
          ...attendees.map((a, k): Link => ({ from: a.person.id, type: 'ATTENDED', to: event, props: { role: a.role, order: k + 1 } })),
        ];
        return payload(await tx.apply({ operation: 'ADD_EVENT', require, create: [{ id: event, label: 'Event', props }], link, sources }));
      }, payload);
      function payload(a: Applied) { return { event: created<EventRecord>(a, event), change: a.change }; }
    },
  },
};
