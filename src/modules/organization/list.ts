import type { AuthorityFilter, CompanyFilter } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { presentFilters, type ListSpec } from '../../read/lists.js';
import { sectorKey } from './sector.js';

export const companyList: ListSpec<CompanyFilter> = {
  type: 'Company',
  domain: 'organization',
  sort: { NAME: 'sortName' },
  filters: { country: { anchor: 'node', exact: true }, sector: {}, hasFine: {}, finedByAtLeast: {} },
  parse: (x) => {
    const fined = x?.finedByAtLeast;
    if (fined != null && fined < 1) throw badInput('filter.finedByAtLeast is a number of authorities: 1 or more.', 'filter', { min: 1 });
    const f = {
      country: x?.country ?? null,
      sector: x?.sector != null ? sectorKey(x.sector, 'filter.sector') : null,
      hasFine: x?.hasFine ?? null,
      ...(fined != null && { finedByAtLeast: fined }),
    };
    return { f, present: presentFilters({ country: f.country, sector: f.sector, hasFine: f.hasFine != null, finedByAtLeast: fined != null }) };
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
