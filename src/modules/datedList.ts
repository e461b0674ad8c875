import neo4j from 'neo4j-driver';
import { badInput } from '../errors.js';
import { firstDay, lastDay } from '../domain/partialDate.js';
import { pageSize } from '../pagination/pageSize.js';

/** A list without `first` returns every item, as it did before it took arguments. */
const ALL = neo4j.int(Number.MAX_SAFE_INTEGER);

/** A DateRange argument: partial dates at either end, each optional. */
interface DateRangeArg {
  from?: string | null;
  to?: string | null;
}

interface DatedListArgs {
  orderBy?: string | null;
  first?: number | null;
  between?: DateRangeArg | null;
}

/**
 * A date range as the first and last days it covers ("2025-08" from 2025-08-01 to 2025-08-31);
 * an end not given is null. A range whose start is after its end is BAD_USER_INPUT at `argument`.
 */
export function dayRange(range: DateRangeArg | null | undefined, argument: string): { from: string | null; to: string | null } {
  const from = firstDay(range?.from) ?? null;
  const to = lastDay(range?.to) ?? null;
  if (from && to && from > to) throw badInput('between: from is after to.', argument);
  return { from, to };
}

/**
 * A date range with open ends filled in (0000-01-01, 9999-12-31), for Cypher that compares
 * stored days with both bounds; `given` says whether either end was set (the filter is present),
 * `fromYear` is the year the index seek starts from. Reversed: BAD_USER_INPUT naming `path`, at `argument`.
 */
export function openDayRange(range: DateRangeArg | null | undefined, path: string, argument: string): { from: string; to: string; fromYear: string; given: boolean } {
  // The same rule as nested lists' `between`: a reversed range is a mistake, not an empty answer.
  const first = firstDay(range?.from);
  const last = lastDay(range?.to);
  if (first && last && first > last) throw badInput(`${path}: from is after to.`, argument);
  return {
    from: firstDay(range?.from) ?? '0000-01-01',
    to: lastDay(range?.to) ?? '9999-12-31',
    fromYear: range?.from?.slice(0, 4) ?? '0000',
    given: Boolean(range?.from || range?.to),
  };
}

/**
 * The arguments of a list nested in an entity (orderBy: DateOrder, first, between: DateRange) as
 * the parameters of its definition: $order, $first, and the range as first and last days ($from,
 * $to), which the Cypher compares with each item's date taken at its first day.
 */
export function datedListParams(args: DatedListArgs): Record<string, unknown> {
  const { from, to } = dayRange(args.between, 'between');
  return {
    order: args.orderBy ?? null,
    from,
    to,
    first: args.first == null ? ALL : neo4j.int(pageSize(args.first, 'first')),
  };
}
