import neo4j from 'neo4j-driver';
import type {
  AuthorityFilter, CompanyFilter, FineFilter, IncidentFilter, InvestigationFilter, PersonFilter, SourceFilter,
} from '../generated/resolvers.js';
import { badInput } from '../errors.js';

/**
 * A list request for Cypher: $f holds every filter key (null when unused), and the anchor names
 * the file whose MATCH starts from the most selective filter present, so an index serves it.
 */
export interface ListQuery {
  anchor: string;
  filter: Record<string, unknown>;
}

/** "2025" -> "2025-01-01", "2025-06" -> "2025-06-01": the first day a partial date covers. */
export function firstDay(d: string | null | undefined): string | null {
  if (!d) return null;
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** "2025" -> "2025-12-31", "2025-06" -> "2025-06-31": compares as the end of its period. */
export function lastDay(d: string | null | undefined): string | null {
  if (!d) return null;
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

export function incidentList(filter: IncidentFilter | null | undefined): ListQuery {
  const x = filter ?? {};
  const f = {
    country: x.country ?? null,
    company: x.company ?? null,
    authority: x.authority ?? null,
    kind: x.kind ?? null,
    categories: x.dataCategories?.length ? x.dataCategories : null,
    allCategories: x.dataCategoriesMatch === 'ALL',
    accessedFrom: firstDay(x.accessedBetween?.from),
    accessedTo: lastDay(x.accessedBetween?.to),
    disclosedFrom: firstDay(x.disclosedBetween?.from),
    disclosedTo: lastDay(x.disclosedBetween?.to),
    minAccounts: x.minAccountsAffected ?? null,
    hasFine: x.hasFine ?? null,
    hasSuspect: x.hasSuspect ?? null,
    // The range anchors seek on the raw stored value: year-truncated lower bound, open ends closed.
    accessedFromYear: x.accessedBetween?.from?.slice(0, 4) ?? '0000',
    disclosedFromYear: x.disclosedBetween?.from?.slice(0, 4) ?? '0000',
  };
  const anchor = f.company ? 'company' : f.authority ? 'authority' : f.categories ? 'category' : f.country ? 'country'
    : f.minAccounts != null ? 'accounts' : (f.disclosedFrom || f.disclosedTo) ? 'disclosed'
      : (f.accessedFrom || f.accessedTo) ? 'accessed' : f.kind ? 'kind' : 'all';
  if (anchor === 'disclosed') f.disclosedTo ??= '9999-12-31';
  if (anchor === 'accessed') f.accessedTo ??= '9999-12-31';
  return { anchor, filter: f };
}

/** An exact decimal as a fixed-width string: comparing strings compares amounts. */
export function amountKey(amount: string): string {
  const [int = '0', frac = ''] = amount.split('.');
  if (amount.startsWith('-')) throw badInput('minAmount must not be negative.', 'filter');
  if (int.length > 24 || frac.length > 6) throw badInput('minAmount has more than 24 integer or 6 decimal digits.', 'filter');
  return `${int.padStart(24, '0')}.${frac.padEnd(6, '0')}`;
}

export function fineList(filter: FineFilter | null | undefined): ListQuery {
  const x = filter ?? {};
  const minCurrency = x.minAmount?.currency.toUpperCase() ?? null;
  const currency = x.currency?.toUpperCase() ?? minCurrency;
  if (minCurrency && currency !== minCurrency) throw badInput('minAmount is compared in its own currency: it differs from currency.', 'filter');
  if (currency && !/^[A-Z]{3}$/.test(currency)) throw badInput('currency must be an ISO 4217 code such as "KRW".', 'filter');
  const f = {
    company: x.company ?? null,
    authority: x.authority ?? null,
    currency,
    year: x.year != null ? neo4j.int(x.year) : null,
    minAmountKey: x.minAmount ? amountKey(x.minAmount.amount) : null,
  };
  const anchor = f.company ? 'company' : f.authority ? 'authority' : f.minAmountKey ? 'amount' : f.year ? 'year' : f.currency ? 'currency' : 'all';
  return { anchor, filter: f };
}

export function companyList(x: CompanyFilter | null | undefined): ListQuery {
  const f = { country: x?.country ?? null, sector: x?.sector ?? null, hasFine: x?.hasFine ?? null };
  return { anchor: f.country ? 'country' : 'all', filter: f };
}

export function authorityList(x: AuthorityFilter | null | undefined): ListQuery {
  const f = { country: x?.country ?? null, kind: x?.kind ?? null };
  return { anchor: f.kind ? 'kind' : 'all', filter: f };
}

export function personList(x: PersonFilter | null | undefined): ListQuery {
  const f = { organization: x?.organization ?? null, isSuspect: x?.isSuspect ?? null };
  return { anchor: f.organization ? 'organization' : 'all', filter: f };
}

export function investigationList(x: InvestigationFilter | null | undefined): ListQuery {
  const f = { authority: x?.authority ?? null, kind: x?.kind ?? null, status: x?.status ?? null };
  return { anchor: f.authority ? 'authority' : 'all', filter: f };
}

export function sourceList(x: SourceFilter | null | undefined): ListQuery {
  const f = { publisher: x?.publisher ?? null };
  return { anchor: f.publisher ? 'publisher' : 'all', filter: f };
}
