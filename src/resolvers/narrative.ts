import type { Resolvers } from '../generated/resolvers.js';
import type { AttendanceRecord, EntityRecord, IncidentRecord, PersonRecord } from '../graph/records/index.js';
import { date, rel, sources } from './fields.js';

export const narrativeResolvers: Resolvers = {
  Statement: {
    speaker: rel<PersonRecord | null>(),
    onBehalfOf: rel<EntityRecord | null>() as never,
    incident: rel<IncidentRecord | null>(),
    date: date('date', 'dateAsReported'),
    sources,
  },
  Event: {
    date: date('date', 'dateAsReported'),
    organizer: rel<EntityRecord | null>() as never,
    attendees: rel<AttendanceRecord[]>(),
    incidents: rel<IncidentRecord[]>(),
    sources,
  },
};
