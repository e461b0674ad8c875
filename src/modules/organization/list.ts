import type { AuthorityFilter, CompanyFilter } from '../../generated/resolvers.js';
import { presentFilters, type ListSpec } from '../../read/lists.js';

export const companyList: ListSpec<CompanyFilter> = {
  type: 'Company',
  domain: 'organization',
  sort: { NAME: 'sortName' },
  filters: { country: { anchor: 'node', exact: true }, sector: {}, hasFine: {} },
  parse: (x) => {
    const f = { country: x?.country ?? null, sector: x?.sector ?? null, hasFine: x?.hasFine ?? null };
    return { f, present: presentFilters({ country: f.country, sector: f.sector, hasFine: f.hasFine != null }) };
  },
};

export const authorityList: ListSpec<AuthorityFilter> = {
  type: 'Authority',
  domain: 'organization',
  sort: { NAME: 'sortName' },
  filters: { kind: { anchor: 'range', exact: true }, country: {} },
  parse: (x) => {
    const f = { country: x?.country ?? null, kind: x?.kind ?? null };
    return { f, present: presentFilters({ kind: f.kind, country: f.country }) };
  },
};
