import type { Resolvers } from '../../generated/resolvers.js';
import type { EntityRecord, FineRecord, PersonRecord, SourceRecord, StatementRecord } from '../records.js';
import { reads } from '../fields.js';
import { typeAmong } from '../typeOf.js';

/** displayName (schema/named.graphql): a stored property, or the first present of a few, so the compiler fetches only those. */
const property = <P extends EntityRecord>(...keys: (keyof P & string)[]) =>
  reads<P, string>(keys, (p) => keys.map((k) => p[k]).find((v): v is P[keyof P & string] & string => typeof v === 'string' && v !== '') ?? p.id);

export const namedResolvers: Resolvers = {
  Named: { __resolveType: typeAmong('Company', 'Authority', 'Publisher', 'Country', 'DataCategory', 'Incident', 'Investigation', 'Event', 'Source', 'Person', 'Statement', 'Fine', 'Position') },
  Company: { displayName: property('name') },
  Authority: { displayName: property('name') },
  Publisher: { displayName: property('name') },
  Country: { displayName: property('name') },
  DataCategory: { displayName: property('name') },
  Incident: { displayName: property('title') },
  Investigation: { displayName: property('title') },
  Event: { displayName: property('title') },
  Fine: { displayName: property<FineRecord>('reason') },
  Position: { displayName: property('title') },
  Source: { displayName: property<SourceRecord>('title', 'url') },
  Person: { displayName: property<PersonRecord>('name', 'description') },
  Statement: { displayName: property<StatementRecord>('quote', 'summary', 'kind') },
};
