import type { Resolvers, SourceFilter } from '../generated/resolvers.js';
import type { DataCategoryRecord, EntityRecord, IncidentRecord, PublisherRecord, SourceRecord } from '../graph/records/index.js';
import { connection } from '../read/connection.js';
import type { ListSpec } from '../read/lists.js';
import { byId, date, rel, root } from './fields.js';

export const sourceList: ListSpec<SourceFilter> = {
  type: 'Source',
  domain: 'source',
  sort: { PUBLISHED_ON: 'sortPublishedOn' },
  filters: { publisher: { anchor: 'node', exact: true } },
  parse: (x) => {
    const f = { publisher: x?.publisher ?? null };
    return { f, present: f.publisher ? ['publisher'] : [] };
  },
};

export const sourceResolvers: Resolvers = {
  Source: {
    publisher: rel<PublisherRecord | null>(),
    publishedOn: date('publishedOn'),
    supports: rel<EntityRecord[]>() as never,
  },
  DataCategory: {
    incidentsExposed: rel<IncidentRecord[]>(),
  },
  Query: {
    source: root(byId),
    sources: (_p, args, ctx, info) => connection<SourceRecord, SourceFilter>(ctx, info, sourceList, args),
    dataCategories: root<DataCategoryRecord[]>(),
  },
};
