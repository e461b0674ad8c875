import neo4j from 'neo4j-driver';
import type { FineTotalsOrder, MoneyInput, YearRange } from '../../generated/resolvers.js';
import { sumDecimals } from '../../domain/money.js';
import { badInput } from '../../errors.js';
import { intArgument, pageSize } from '../../pagination/pageSize.js';
import { amountKey } from '../investigation/list.js';

/** A currency is a code, not a node: checked here rather than looked up (what is no ISO 4217 code is refused). */
const ISO_4217: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function currencyCode(value: string, argument: string): string {
  const code = value.toUpperCase();
  if (!ISO_4217.has(code)) throw badInput(`${argument}: "${value.slice(0, 64)}" is not an ISO 4217 currency code.`, argument.split('.')[0]!);
  return code;
}

interface FineTotalsArgs {
  year?: number | null;
  years?: YearRange | null;
  currency?: string | null;
  minAmount?: MoneyInput | null;
}

/**
 * The filters of the fines stats (Stats.finesByAuthorityAndYear, Stats.finesByYear) as their
 * definitions' parameters, each null when not asked; a threshold is in its own currency.
 */
export function fineTotalsParams(args: FineTotalsArgs): Record<string, unknown> {
  if (args.year != null && args.years) throw badInput('year and years: give one of them.', 'years');
  const year = args.year != null ? intArgument(args.year, 'year', 0, 9999) : null;
  const from = year ?? (args.years?.from != null ? intArgument(args.years.from, 'years.from', 0, 9999) : null);
  const to = year ?? (args.years?.to != null ? intArgument(args.years.to, 'years.to', 0, 9999) : null);
  if (from != null && to != null && from > to) throw badInput('years: from is after to.', 'years');
  const currency = args.currency != null ? currencyCode(args.currency, 'currency') : null;
  const minCurrency = args.minAmount ? currencyCode(args.minAmount.currency, 'minAmount.currency') : null;
  if (currency && minCurrency && currency !== minCurrency) throw badInput('minAmount is compared in its own currency: it differs from currency.', 'minAmount');
  return {
    fromYear: from == null ? null : neo4j.int(from),
    toYear: to == null ? null : neo4j.int(to),
    currency: currency ?? minCurrency,
    minAmountKey: args.minAmount ? amountKey(args.minAmount.amount, 'minAmount') : null,
  };
}

interface TotalsRow {
  totals: { currency: string; amounts: string[] }[];
}

/** Sign of a - b for exact decimal strings. */
const compareDecimals = (a: string, b: string): number => {
  const d = sumDecimals([a, b.startsWith('-') ? b.slice(1) : `-${b}`]);
  return d.startsWith('-') ? -1 : /^[0.]+$/.test(d) ? 0 : 1;
};

interface OrderArgs {
  orderBy?: FineTotalsOrder | null;
  first?: number | null;
  currency?: string | null;
  minAmount?: MoneyInput | null;
}

/** The order and cut asked, refused before anything is read when they cannot be followed. */
export function checkOrder(args: OrderArgs): { first: number | null; currency: string | undefined } {
  const first = args.first == null ? null : pageSize(args.first, 'first');
  const currency = (args.currency ?? args.minAmount?.currency)?.toUpperCase();
  if (args.orderBy === 'LARGEST_TOTAL_FIRST' && !currency) {
    throw badInput('orderBy: LARGEST_TOTAL_FIRST compares totals in one currency: give currency (or minAmount).', 'orderBy');
  }
  return { first, currency };
}

/**
 * The rows of Stats.finesByAuthorityAndYear in the order asked, cut to `first`. The definition
 * gives them by authority name, then year; a stable sort keeps that order among ties. Totals are
 * summed exactly here, as the resolver of MoneyTotal does, so the order is exact too.
 */
export function orderTotals<R extends TotalsRow>(rows: R[], args: OrderArgs): R[] {
  const { first, currency } = checkOrder(args);
  let sorted = rows;
  if (args.orderBy === 'LARGEST_TOTAL_FIRST') {
    const total = (r: R) => sumDecimals(r.totals.find((t) => t.currency === currency)?.amounts ?? []);
    const keyed = rows.map((r) => ({ r, total: total(r) }));
    sorted = keyed.sort((a, b) => compareDecimals(b.total, a.total)).map((k) => k.r);
  } else if (args.orderBy === 'MOST_FINES_FIRST') {
    const count = (r: R) => r.totals.reduce((n, t) => n + t.amounts.length, 0);
    sorted = [...rows].sort((a, b) => count(b) - count(a));
  }
  return first == null ? sorted : sorted.slice(0, first);
}
