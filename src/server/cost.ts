import { getNamedType, isListType, isNonNullType, type DocumentNode, type GraphQLField, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { tokens } from '../modules/search/query.js';

/**
 * What a query costs: an estimate of the number of values its response can hold. Every field
 * counts 1 per value it can return (a leaf, `__typename` included, or an object), and a list
 * multiplies what is under it by the number of items it can return:
 * - a connection or a sized list: its `first`/`last`/`limit` (or the schema default), capped at
 *   the maximum the resolver accepts (a larger value is refused there before anything is read);
 * - `neighbourhood` reads up to `limit` relationships on each of `depth` levels, `paths` up to
 *   `first` paths of `maxHops + 1` nodes; these two are graph searches, and every row they may
 *   read counts SEARCH_ROW besides what it returns (each brings back a whole node, often several
 *   times over, and they dominated the cost of hostile queries in practice);
 * - a list without arguments counts as LIST_SIZES says: FACTS items for an entity's own facts,
 *   a default page for the lists that gather entities from across the graph.
 * - `search` also counts SEARCH_WORD for each word of its text: every word becomes a phrase, a
 *   prefix and a typo-tolerant query over the full-text index, and Neo4j's time grows with the
 *   words, not with the page (4 searches of 28 words took 5 s of Neo4j time);
 * - introspection counts one per value and its lists FACTS items: at most one introspection root
 *   per operation is allowed (src/server/shapeLimits.ts), and its answer is kept (introspection.ts).
 * Aliases are separate fields, so each counts in full. Fragments on a union or interface count
 * the most expensive type they could match. The figures exist to refuse a query before it runs;
 * docs/apps.md ("Limits and status codes") gives them to app developers.
 */
export const COST_LIMIT = 250_000;

const PAGE = { default: 20, max: 100 };
const FACTS = 4;
const GATHERED = PAGE.default;
const SEARCH_ROW = 10;
/** A word of a full-text search: 32 words (the most a search takes) are most of what one operation may cost. */
export const SEARCH_WORD = 6000;

/** Lists without size arguments that gather across the graph; other lists count FACTS. */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.countries': GATHERED,
  'Query.dataCategories': GATHERED,
  'Country.companies': GATHERED,
  'Country.authorities': GATHERED,
  'Country.incidents': GATHERED,
  'Company.incidents': GATHERED,
  'Company.finesReceived': GATHERED,
  'Company.positions': GATHERED,
  'Authority.investigations': GATHERED,
  'Authority.finesImposed': GATHERED,
  'Authority.positions': GATHERED,
  'DataCategory.incidentsExposed': GATHERED,
  'Publisher.sources': GATHERED,
  'Source.supports': GATHERED,
  'Incident.timeline': GATHERED,
  'Stats.finesByAuthorityAndYear': GATHERED,
  'Stats.incidentsByDataCategory': GATHERED,
  'Stats.incidentsByCountryAndYear': GATHERED,
  'Stats.finesByYear': GATHERED,
  'Stats.largestFinesByCountry': GATHERED,
  'Query.sectors': GATHERED,
  // Sized by the field that returns them (neighbourhood, paths, RelatedBy.path).
  'Neighbourhood.nodes': 1,
  'Neighbourhood.relationships': 1,
  'GraphPath.nodes': 1,
  'GraphPath.relationships': 1,
};

/** Fields whose arguments say how many items they return. */
const SIZED: Readonly<Record<string, (args: Record<string, unknown>) => number>> = {
  'Query.neighbourhood': (a) => bounded(a.depth, 1, 3) * bounded(a.limit, 200, 1000),
  'Query.paths': (a) => bounded(a.first, 5, 25) * (bounded(a.maxHops, 4, 6) + 1),
  'Incident.relatedIncidents': (a) => bounded(a.first, 20, 100),
  'Stats.largestIncidents': (a) => bounded(a.first, 10, 100),
  'Query.nodes': (a) => (Array.isArray(a.ids) ? Math.min(a.ids.length, 100) : 0),
  // A related incident's path runs through the shared node: at most 4 nodes.
  'RelatedBy.path': () => 4,
};

const SEARCHES = new Set(['Query.neighbourhood', 'Query.paths']);

function bounded(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.max(0, Math.min(Math.trunc(n), max));
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function itemsOf(key: string, parent: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const sized = SIZED[key];
  if (sized) return sized(args);
  // A connection's edges are sized by the connection's own first/last.
  if (parent.endsWith('Connection')) return 1;
  if (getNamedType(field.type).name.endsWith('Connection')) return bounded(args.first ?? args.last, PAGE.default, PAGE.max);
  if (!isList(field.type)) return 1;
  // A nested list cut by its own `first` (finesImposed(first: 3)) holds at most that many.
  if (typeof args.first === 'number' && field.args.some((a) => a.name === 'first')) return bounded(args.first, FACTS, PAGE.max);
  return LIST_SIZES[key] ?? FACTS;
}

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  const own = key === 'Query.search' && typeof args.query === 'string' ? SEARCH_WORD * tokens(args.query).length : 0;
  return own + itemsOf(key, type.name, field, args) * ((SEARCHES.has(key) ? SEARCH_ROW : 1) + childComplexity);
};

/**
 * The cost of the operation a request runs (of every operation when it names none). Throws
 * the GraphQLError of invalid variables, as execution would, and graphql-query-complexity's
 * own when fragments expand past its cap of 10,000 evaluated selections.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [estimator] });
}
