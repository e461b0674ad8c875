import type { PersonFilter } from '../../generated/resolvers.js';
import { presentFilters, type ListSpec } from '../../read/lists.js';

export const personList: ListSpec<PersonFilter> = {
  type: 'Person',
  domain: 'person',
  sort: { NAME: 'sortName' },
  filters: { organization: { anchor: 'node', exact: true }, isSuspect: {} },
  parse: (x) => {
    const f = { organization: x?.organization ?? null, isSuspect: x?.isSuspect ?? null };
    return { f, present: presentFilters({ organization: f.organization, isSuspect: f.isSuspect != null }) };
  },
};
