import type { SourceFilter } from '../../generated/resolvers.js';
import { presentFilters, type ListSpec } from '../../read/lists.js';

export const sourceList: ListSpec<SourceFilter> = {
  type: 'Source',
  domain: 'source',
  sort: { PUBLISHED_ON: 'sortPublishedOn' },
  filters: { publisher: { anchor: 'node', exact: true } },
  parse: (x) => {
    const f = { publisher: x?.publisher ?? null };
    return { f, present: presentFilters({ publisher: f.publisher }) };
  },
};
