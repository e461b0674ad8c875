import type { QueryRegistry } from '../graph/queries.js';
import type { CursorValue } from '../pagination/cursor.js';
import { ALWAYS_KNOWN } from './asOf.js';

/** How an index can start a list from a filter. */
export interface FilterSpec {
  /**
   * node: the filter names a node whose relationships hold the (few) items: page and count from it.
   * range: an index range on the items themselves: page from it when the list is in id order, count from it.
   * count: only counting starts from it (paging walks the order's index instead, stopping early).
   */
  anchor?: 'node' | 'range' | 'count';
  /** The anchor selects exactly the filter's items: no predicate is needed after it. */
  exact?: boolean;
}

/**
 * A root list of one node type. Its Cypher is in cypher/<domain>/list/: <Type>.anchor.<filter>
 * (a MATCH binding n, from an index), <Type>.anchor.all, and <Type>.where.<filter> (a predicate on
 * n), each taking the filter values as $f. Only the filters present are added.
 */
export interface ListSpec<F> {
  type: string;
  domain: string;
  /** Sort field -> the stored property it sorts by: never null, indexed, kept by seeds/99-derived-values.cypher. */
  sort: Record<string, string>;
  /**
   * Sort fields whose value is computed per item from stored values and an argument of the order
   * (FineOrder.currency): no index walks them, the whole filtered list is sorted. The expression is
   * cypher/<domain>/list/<Type>.sort.<name>.cypher, of n and $sortBy; never null.
   */
  computedSort?: Record<string, ComputedSort>;
  /** Every filter, most selective first: the first present one with a usable anchor starts the list. */
  filters: Record<string, FilterSpec>;
  /**
   * Read as known on a day ($asOf): stored sort keys and filters on a best value, which then
   * read it as it was chosen on that day instead, from cypher/<domain>/list/<Type>.asOf.<key> and
   * <Type>.asOf.where.<filter> (no index holds those: their anchors are not used then).
   */
  asOf?: { sort?: readonly string[]; where?: readonly string[] };
  /** The filter argument as $f and the names of the filters it uses. */
  parse(filter: F | null | undefined): { f: Record<string, unknown>; present: string[] };
}

export interface ComputedSort {
  name: string;
  /** The order's argument as $sortBy, checked (BAD_USER_INPUT when wrong or missing). */
  argument(order: Record<string, unknown>): string;
}

/** A computed sort key: its expression's name and the argument it was asked with. */
export interface ComputedKey {
  computed: string;
  by: string;
}

/** A stored sort property, or a computed key (at most one per ordering: it is $sortBy). */
export type SortKey = string | ComputedKey;

/** How a key appears in a cursor's list name: a computed key with its argument, so a cursor of one ranking does not fit another. */
export const sortKeyName = (k: SortKey): string => (typeof k === 'string' ? k : `${k.computed}(${k.by})`);

/**
 * The filters a parse() found present, from a map of each filter's name to whether it is (a
 * value: present when truthy), in the map's order, which is the spec's: most selective first.
 */
export const presentFilters = (on: Record<string, unknown>): string[] => Object.keys(on).filter((name) => Boolean(on[name]));

export interface ListQuery {
  /** Binds n for the page: anchor, predicates, keyset, order, limit. Ends with `WITH n ORDER BY ... LIMIT $limit`. */
  page: string;
  /** Counts the whole filtered list: `... RETURN count(n) AS <COUNT_COLUMN>`. */
  count: string;
  /** The expression of a row's sort values, ending with n.id: what its cursor holds. */
  sortValues: string;
  params: Record<string, unknown>;
}

export interface Ordering {
  /** Sort keys, in order. */
  keys: SortKey[];
  desc: boolean;
}

/** The column a list's count query returns. */
export const COUNT_COLUMN = 'total';

const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;

export function buildList<F>(registry: QueryRegistry, spec: ListSpec<F>, filter: F | null | undefined, order: Ordering,
  after: readonly CursorValue[] | null, limit: unknown, asOf: string | null = null): ListQuery {
  const { f, present } = spec.parse(filter);
  const file = (part: string) => registry.get(`${spec.domain}/list/${spec.type}.${part}`);
  const asOfWhere = new Set(asOf ? spec.asOf?.where ?? [] : []);
  const asOfSort = new Set(asOf ? spec.asOf?.sort ?? [] : []);
  const anchorFor = (kinds: FilterSpec['anchor'][]) => present.find((name) => !asOfWhere.has(name) && kinds.includes(spec.filters[name]?.anchor));
  const predicates = (anchor: string | undefined) => [
    ...present
      .filter((name) => !(name === anchor && spec.filters[name]!.exact))
      .map((name) => `(${file(asOfWhere.has(name) ? `asOf.where.${name}` : `where.${name}`)})`),
    // As known on a day: only what was known by then (reference data always is).
    ...(asOf && !ALWAYS_KNOWN.has(spec.type) ? ['n.knownOn <= $asOf'] : []),
  ];

  // Paging: a node anchor if present (few items, sorted after); else, in a stored order, walk that
  // order's index and stop at `limit`; in id order, a range anchor if present, else the id index.
  const sorted = order.keys.length > 0;
  const pageAnchor = anchorFor(['node']) ?? (sorted ? undefined : anchorFor(['range']));
  const keys: SortKey[] = [...order.keys, 'id'];
  const computed = keys.filter((k): k is ComputedKey => typeof k !== 'string');
  if (computed.length > 1) throw new Error(`${spec.type}: more than one computed sort key`);
  for (const k of keys) if (typeof k === 'string' && !PROPERTY.test(k)) throw new Error(`${spec.type}: "${k}" is not a property name`);
  const term = (k: SortKey) => (typeof k !== 'string' ? `(${file(`sort.${k.computed}`)})` : asOfSort.has(k) ? `(${file(`asOf.${k}`)})` : `n.${k}`);
  const dir = order.desc ? 'DESC' : 'ASC';
  const where = predicates(pageAnchor);
  const params: Record<string, unknown> = { f, limit, ...(computed[0] ? { sortBy: computed[0].by } : {}), ...(asOf ? { asOf } : {}) };
  if (after) {
    if (after.length !== keys.length) throw new Error('cursor and ordering differ in length');
    after.forEach((v, k) => { params[`a${k}`] = v; });
    where.push(keyset(keys.map(term), order.desc));
  } else if (!pageAnchor && typeof keys[0] === 'string' && !asOfSort.has(keys[0])) {
    // Tells the planner the walk can come from the index on the first key, in its order.
    where.push(`n.${keys[0]} IS NOT NULL`);
  }
  const page = [
    pageAnchor ? file(`anchor.${pageAnchor}`) : file('anchor.all'),
    where.length ? `WITH n WHERE ${where.join('\n  AND ')}` : '',
    `WITH n ORDER BY ${keys.map((k) => `${term(k)} ${dir}`).join(', ')}`,
    'LIMIT $limit',
  ].filter(Boolean).join('\n');

  const countAnchor = anchorFor(['node', 'range', 'count']);
  const countWhere = predicates(countAnchor);
  const count = [
    countAnchor ? file(`anchor.${countAnchor}`) : file('anchor.all'),
    countWhere.length ? `WITH n WHERE ${countWhere.join('\n  AND ')}` : '',
    `RETURN count(n) AS ${COUNT_COLUMN}`,
  ].filter(Boolean).join('\n');

  return { page, count, sortValues: `[${keys.map(term).join(', ')}]`, params };
}

/**
 * Rows after the cursor's values ($a0, $a1, ...) in (k1, ..., id) order, each key as its term (n.sortDate). The leading range on k1
 * lets the index seek straight to the cursor; the rest orders ties.
 */
function keyset(terms: string[], desc: boolean): string {
  const gt = desc ? '<' : '>';
  const ge = desc ? '<=' : '>=';
  const ors = terms.map((k, i) => [...terms.slice(0, i).map((e, j) => `${e} = $a${j}`), `${k} ${gt} $a${i}`].join(' AND '));
  const lead = terms.length > 1 ? `${terms[0]} ${ge} $a0 AND ` : '';
  return `${lead}(${ors.map((t) => `(${t})`).join(' OR ')})`;
}
