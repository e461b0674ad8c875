import type { IncidentFilter } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { presentFilters, type ListSpec } from '../../read/lists.js';
import { openDayRange } from '../datedList.js';

/** Incident filters, most selective first (see ListSpec). */
export const incidentList: ListSpec<IncidentFilter> = {
  type: 'Incident',
  domain: 'incident',
  sort: { DISCLOSED_ON: 'sortDisclosedOn', ACCESS_START: 'sortAccessStart', ACCOUNTS_AFFECTED: 'sortAccounts', RECORDS_EXPOSED: 'sortRecords', TITLE: 'sortTitle' },
  filters: {
    company: { anchor: 'node', exact: true },
    authority: { anchor: 'node', exact: true },
    categoriesAny: { anchor: 'node', exact: true },
    categoriesAll: {},
    country: { anchor: 'count', exact: true },
    minAccounts: { anchor: 'range', exact: true },
    disclosed: { anchor: 'range' },
    accessed: { anchor: 'range' },
    kind: { anchor: 'range', exact: true },
    hasFine: {},
    hasSuspect: {},
  },
  asOf: { sort: ['sortAccounts', 'sortRecords'], where: ['minAccounts'] },
  parse: (filter) => {
    const x = filter ?? {};
    if (x.minAccountsAffected != null && !(x.minAccountsAffected >= 0)) {
      throw badInput('filter.minAccountsAffected is a count: 0 or more.', 'filter', { min: 0 });
    }
    const categories = x.dataCategories?.length ? x.dataCategories : null;
    const disclosed = openDayRange(x.disclosedBetween, 'filter.disclosedBetween', 'filter');
    const accessed = openDayRange(x.accessedBetween, 'filter.accessedBetween', 'filter');
    const f = {
      company: x.company ?? null,
      authority: x.authority ?? null,
      categories,
      country: x.country ?? null,
      kind: x.kind ?? null,
      minAccounts: x.minAccountsAffected ?? null,
      hasFine: x.hasFine ?? null,
      hasSuspect: x.hasSuspect ?? null,
      // A range is closed at both ends; the anchors seek on the stored values from the lower bound's year.
      disclosedFrom: disclosed.from,
      disclosedTo: disclosed.to,
      disclosedFromYear: disclosed.fromYear,
      accessedFrom: accessed.from,
      accessedTo: accessed.to,
      accessedFromYear: accessed.fromYear,
    };
    return {
      f,
      present: presentFilters({
        company: f.company, authority: f.authority, categoriesAny: categories, categoriesAll: categories && x.dataCategoriesMatch === 'ALL',
        country: f.country, minAccounts: f.minAccounts != null, disclosed: disclosed.given, accessed: accessed.given, kind: f.kind,
        hasFine: f.hasFine != null, hasSuspect: f.hasSuspect != null,
      }),
    };
  },
};
