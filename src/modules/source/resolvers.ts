import type { Resolvers, SourceFilter } from '../../generated/resolvers.js';
import type { DataCategoryRecord, EntityRecord, IncidentRecord, PublisherRecord, SourceRecord } from '../records.js';
import { connection } from '../../read/connection.js';
import { connectionOf, date, lookup, rel, root } from '../fields.js';
import { sourceList } from './list.js';

export const sourceResolvers: Resolvers = {
  Source: {
    publisher: rel<PublisherRecord | null>(),
    publishedOn: date('publishedOn'),
    supports: rel<EntityRecord[]>(),
    supportsConnection: connectionOf<EntityRecord>('Source.supports'),
  },
  DataCategory: {
    incidentsExposed: rel<IncidentRecord[]>(),
    incidentsExposedConnection: connectionOf<IncidentRecord>('DataCategory.incidentsExposed'),
  },
  SourceRef: {
    about: (r) => r.about ?? [],
  },
  Query: {
    source: lookup('Source'),
    sources: (_p, args, ctx, info) => connection<SourceRecord, SourceFilter>(ctx, info, sourceList, args),
    dataCategories: root<DataCategoryRecord[]>(),
  },
};
