import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { slug } from '../../import/ids.js';
import { mutate, type Applied } from '../../write/mutate.js';
import type { Props } from '../../write/changeset.js';
import { MAX_LONG_TEXT, MAX_SHORT, MAX_TEXT, amount, id, newId, sourceRefs, text } from '../../write/validate.js';
import { reads } from '../fields.js';
import type { EstimateRecord, IncidentRecord } from './records.js';

const incidentOf = (a: Applied, incident: string) => a.nodes.get(incident) as unknown as IncidentRecord;

export const incidentMutations: Resolvers = {
  Mutation: {
    createIncident: async (_p, args, ctx) => {
      const { input } = args;
      const title = text(input.title, 'input.title', MAX_TEXT, true);
      const props: Props = {
        title, kind: input.kind,
        summary: text(input.summary, 'input.summary', MAX_LONG_TEXT, false),
        attackVector: text(input.attackVector, 'input.attackVector', MAX_TEXT, false),
        accessStart: input.accessStart ?? null, accessEnd: input.accessEnd ?? null, discoveredOn: input.discoveredOn ?? null,
        reportedOn: input.reportedOn ?? null, disclosedOn: input.disclosedOn ?? null,
      };
      const sources = sourceRefs(input.sources);
      const company = input.company ? id(input.company, 'input.company') : null;
      const country = input.country ? id(input.country, 'input.country') : null;
      const incident = newId(title);
      return mutate(ctx, { coordinate: 'Mutation.createIncident', args }, async (tx) => payload(await tx.apply({
        operation: 'CREATE_INCIDENT',
        require: [
          ...(company ? [{ id: company, label: 'Company' as const, argument: 'input.company' }] : []),
          ...(country ? [{ id: country, label: 'Country' as const, argument: 'input.country' }] : []),
        ],
        create: [{ id: incident, label: 'Incident', props }],
        link: [
          ...(company ? [{ from: incident, type: 'AFFECTED' as const, to: company }] : []),
          ...(country ? [{ from: incident, type: 'IN_COUNTRY' as const, to: country }] : []),
        ],
        sources,
      })), payload);
      function payload(a: Applied) { return { incident: a.returned[0] as unknown as IncidentRecord, change: a.change }; }
    },

    updateIncident: async (_p, args, ctx) => {
      const { input, expectedVersion } = args;
      const incident = id(args.id, 'id');
      if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw badInput('expectedVersion must be an integer, 0 or more: the incident\'s version as last read.', 'expectedVersion');
      const props: Props = {};
      if (input.title !== undefined && input.title !== null) props.title = text(input.title, 'input.title', MAX_TEXT, true);
      if (input.summary !== undefined && input.summary !== null) props.summary = text(input.summary, 'input.summary', MAX_LONG_TEXT, true);
      if (Object.keys(props).length === 0) throw badInput('input: give at least one of title and summary.', 'input');
      const sources = sourceRefs(input.sources);
      return mutate(ctx, { coordinate: 'Mutation.updateIncident', args }, async (tx) => payload(await tx.apply({
        operation: 'UPDATE_INCIDENT',
        require: [{ id: incident, label: 'Incident', argument: 'id' }],
        set: [{ id: incident, props, expectedVersion }],
        sources,
      })), payload);
      function payload(a: Applied) { return { incident: incidentOf(a, incident), change: a.change }; }
    },

    addEstimate: async (_p, args, ctx) => {
      const { input } = args;
      const incident = id(input.incident, 'input.incident');
      const value = amount(input.value, 'input.value');
      const props: Props = {
        metric: input.metric, value, qualifier: input.qualifier ?? 'UNQUALIFIED',
        unit: text(input.unit, 'input.unit', MAX_SHORT, true),
        asOf: input.asOf ?? null, reportedOn: input.reportedOn ?? null,
        note: text(input.note, 'input.note', MAX_TEXT, false),
        // Chosen by the derived values in the same transaction.
        isBest: false,
      };
      const sources = sourceRefs(input.sources);
      // A readable id in the seeds' manner, unique by its random tail.
      const estimate = newId(`estimate ${slug(input.metric)}`, incident.slice(0, 100));
      return mutate(ctx, { coordinate: 'Mutation.addEstimate', args }, async (tx) => payload(await tx.apply({
        operation: 'ADD_ESTIMATE',
        require: [{ id: incident, label: 'Incident', argument: 'input.incident' }],
        create: [{ id: estimate, label: 'Estimate', props }],
        link: [{ from: incident, type: 'HAS_ESTIMATE', to: estimate }],
        sources,
      })), payload);
      function payload(a: Applied) { return { estimate: a.returned[0] as unknown as EstimateRecord, change: a.change }; }
    },

    linkIncidents: async (_p, args, ctx) => {
      const { input } = args;
      const from = id(input.from, 'input.from');
      const to = id(input.to, 'input.to');
      if (from === to) throw badInput('input.to: an incident is not linked to itself.', 'input');
      const quote = text(input.quote, 'input.quote', MAX_TEXT, false);
      const sources = sourceRefs(input.sources);
      return mutate(ctx, { coordinate: 'Mutation.linkIncidents', args }, async (tx) => payload(await tx.apply({
        operation: 'LINK_INCIDENTS',
        require: [{ id: from, label: 'Incident', argument: 'input.from' }, { id: to, label: 'Incident', argument: 'input.to' }],
        // As the seeds draw it: the link names its source and quotes it.
        link: [{ from, type: 'FOLLOWS_SIMILAR', to, props: { source: sources[0]!.id, quote } }],
        // The link itself carries its source: the sources are cited, no node is SOURCED_FROM them.
        sources,
        sourced: [],
        returned: [from, to],
      })), payload);
      function payload(a: Applied) { return { from: incidentOf(a, from), to: incidentOf(a, to), change: a.change }; }
    },
  },
  Incident: {
    version: reads<IncidentRecord & { version?: number | null }, number>(['version'], (i) => i.version ?? 0),
  },
};
