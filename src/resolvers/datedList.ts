import neo4j from 'neo4j-driver';
import { badInput } from '../errors.js';
import { firstDay, lastDay } from '../domain/partialDate.js';
import { pageSize } from '../pagination/pageSize.js';

/** A list without `first` returns every item, as it did before it took arguments. */
const ALL = neo4j.int(Number.MAX_SAFE_INTEGER);

interface DatedListArgs {
  orderBy?: string | null;
  first?: number | null;
  between?: { from?: string | null; to?: string | null } | null;
}

/**
 * The arguments of a list nested in an entity (orderBy: DateOrder, first, between: DateRange) as
 * the parameters of its definition: $order, $first, and the range as first and last days ($from,
 * $to), which the Cypher compares with each item's date taken at its first day.
 */
export function datedListParams(args: DatedListArgs): Record<string, unknown> {
  const from = firstDay(args.between?.from) ?? null;
  const to = lastDay(args.between?.to) ?? null;
  if (from && to && from > to) throw badInput('between: from is after to.', 'between');
  return {
    order: args.orderBy ?? null,
    from,
    to,
    first: args.first == null ? ALL : neo4j.int(pageSize(args.first, 'first')),
  };
}
