import neo4j from 'neo4j-driver';
import type { FineFilter, InvestigationFilter } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { presentFilters, type ListSpec } from '../../read/lists.js';
import { openDayRange } from '../datedList.js';
import { referenceCurrency } from '../../money/currency.js';

/** An exact decimal as a fixed-width string: comparing strings compares amounts (as seeds/99-derived-values.cypher stores it). */
export function amountKey(amount: string, argument = 'filter'): string {
  const [int = '0', frac = ''] = amount.split('.');
  if (amount.startsWith('-')) throw badInput('minAmount must not be negative.', argument);
  if (int.length > 24 || frac.length > 6) throw badInput('minAmount has more than 24 integer or 6 decimal digits.', argument);
  return `${int.padStart(24, '0')}.${frac.padEnd(6, '0')}`;
}

export const fineList: ListSpec<FineFilter> = {
  type: 'Fine',
  domain: 'investigation',
  sort: { AMOUNT: 'sortAmount', AMOUNT_IN_USD: 'sortUsd', DATE: 'sortDate' },
  computedSort: {
    AMOUNT_CONVERTED: {
      name: 'amountConverted',
      argument: (order) => {
        if (typeof order.currency !== 'string') throw badInput('AMOUNT_CONVERTED ranks in a currency: give FineOrder.currency ("USD").', 'orderBy');
        return referenceCurrency(order.currency, 'orderBy');
      },
    },
  },
  filters: {
    company: { anchor: 'node', exact: true },
    authority: { anchor: 'node', exact: true },
    country: { anchor: 'node', exact: true },
    companyCountry: { anchor: 'node', exact: true },
    minAmount: { anchor: 'range', exact: true },
    year: { anchor: 'range', exact: true },
    date: { anchor: 'range' },
    currency: { anchor: 'count', exact: true },
    kind: {},
  },
  parse: (filter) => {
    const x = filter ?? {};
    const minCurrency = x.minAmount?.currency.toUpperCase() ?? null;
    const currency = x.currency?.toUpperCase() ?? minCurrency;
    if (minCurrency && currency !== minCurrency) throw badInput('minAmount is compared in its own currency: it differs from currency.', 'filter');
    if (currency && !/^[A-Z]{3}$/.test(currency)) throw badInput('currency must be an ISO 4217 code such as "KRW".', 'filter');
    const minAmountKey = x.minAmount ? amountKey(x.minAmount.amount) : null;
    const date = openDayRange(x.date, 'filter.date', 'filter');
    const kinds = x.kind?.length ? x.kind : null;
    const f = {
      company: x.company ?? null,
      authority: x.authority ?? null,
      currency,
      year: x.year != null ? neo4j.int(x.year) : null,
      minAmountKey,
      // The same bounds on the amount sort key (currency + ' ' + amountKey): up to the next currency.
      sortAmountFrom: minAmountKey && `${currency} ${minAmountKey}`,
      sortAmountTo: minAmountKey && `${currency}!`,
      // The filters added later are parameters only when given: the queries without them stay as they were.
      ...(x.country != null && { country: x.country }),
      ...(x.companyCountry != null && { companyCountry: x.companyCountry }),
      ...(kinds && { kinds }),
      // Closed at both ends; the anchor seeks on the stored dates from the lower bound's year.
      ...(date.given && { dateFrom: date.from, dateTo: date.to, dateFromYear: date.fromYear }),
    };
    return {
      f,
      present: presentFilters({
        company: f.company, authority: f.authority, country: x.country, companyCountry: x.companyCountry, minAmount: minAmountKey,
        year: f.year, date: date.given, currency: currency && !minAmountKey, kind: kinds,
      }),
    };
  },
};

export const investigationList: ListSpec<InvestigationFilter> = {
  type: 'Investigation',
  domain: 'investigation',
  sort: { OPENED_ON: 'sortOpenedOn', TITLE: 'sortTitle' },
  filters: { authority: { anchor: 'node', exact: true }, kind: {}, status: {} },
  parse: (x) => {
    const f = { authority: x?.authority ?? null, kind: x?.kind ?? null, status: x?.status ?? null };
    return { f, present: presentFilters({ authority: f.authority, kind: f.kind, status: f.status }) };
  },
};
