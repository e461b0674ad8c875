import { INCIDENTS_DEPTH4, type Kind } from './compare/kinds.js';

export interface BenchQuery {
  query: string;
  variables?: Record<string, unknown>;
  /**
   * A kind of the side-by-side comparison asking the same: its hand-written Cypher query is timed
   * too, through the driver alone (no HTTP, no GraphQL), as the floor of what any server could do.
   */
  handWritten?: Kind;
}

/** The request body of a kind: its query and variables only. */
export const requestOf = (q: BenchQuery) => JSON.stringify({ query: q.query, variables: q.variables });

/** The query kinds the benchmark times (a unit test keeps them within the query limits). */
export const BENCH_QUERIES: Record<string, BenchQuery> = {
  'incident by id, deep': { query: `{ incident(id: "coupang-breach-2025") { title accountsAffected { value } exposedData { category { name } }
    investigations { authorities { name } } suspicions { person { description } } sources { source { url } } } }` },
  'incidents page, filtered by country, by accounts': { query: `{ incidents(filter: { country: "KR" }, orderBy: [{ field: ACCOUNTS_AFFECTED, direction: DESC }], first: 20) {
    edges { node { id title company { name } } } pageInfo { endCursor } } }` },
  'incidents page, filtered by company': { query: '{ incidents(filter: { company: "syn-company-0000042" }, first: 20) { totalCount edges { node { id } } } }' },
  // Every fine of every authority: O(fines per authority) objects (~4,200 at 10k, ~40,000 at 1M);
  // timed next to the hand-written query of the same answer. The bounded form below is the one
  // analysts use.
  'incidents with investigations, authorities, fines (depth 4, all fines)': { query: INCIDENTS_DEPTH4.api.query, handWritten: INCIDENTS_DEPTH4 },
  'incidents with investigations, authorities, latest 5 fines (depth 4)': { query: `{ incidents(first: 50) { edges { node { id
    investigations { authorities { id finesImposed(orderBy: NEWEST_FIRST, first: 5) { id company { name } } } } } } } }` },
  'fines, minimum amount': { query: '{ fines(filter: { minAmount: { amount: "1000000000000", currency: "KRW" } }, orderBy: [{ field: AMOUNT, direction: DESC }], first: 20) { edges { node { id amount { display } } } } }' },
  'search': { query: '{ search(query: "Falcon breach", first: 20) { edges { score node { __typename } } } }' },
  'paths Coupang -> SK Telecom': { query: '{ paths(from: "coupang", to: "sk-telecom", maxHops: 5, relationshipTypes: [AFFECTED, INTO, CONDUCTS, IMPOSED, AGAINST]) { length } }' },
  'neighbourhood depth 2': { query: '{ neighbourhood(id: "pipc", depth: 2, limit: 200) { nodes { id } } }' },
  'trace: related incidents and fines': { query: '{ incident(id: "coupang-breach-2025") { relatedIncidents { incident { id fines { amount { display } } } } } }' },
  'stats: fines by authority and year': { query: '{ stats { finesByAuthorityAndYear(authority: "pipc") { year totals { sum { display } } } } }' },
  'stats: largest incidents': { query: '{ stats { largestIncidents(first: 10) { id } } }' },
  'stats: incidents by data category': { query: '{ stats { incidentsByDataCategory { incidents } } }' },
};
