/**
 * The query kinds of the comparison, each asked of the three servers with the same meaning:
 * this API (schema/*.graphql), @neo4j/graphql over bench/compare/neo4j-graphql.graphql, and one
 * hand-written Cypher query (bench/compare/cypher/<file>.cypher). Fields only this API computes
 * (Money.display, PartialDate.precision, unions such as SourceRef.attributedTo) are left out so
 * that all three can answer; `pick` takes each answer's root, normalise.ts does the rest.
 */
import { fromApi, fromCypher, fromLib, type Json } from './normalise.js';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Kind {
  key: string;
  title: string;
  /** The root is a list in a contractual order (compared as is), else lists are sorted. */
  ordered: boolean;
  api: GraphQLRequest;
  lib: GraphQLRequest;
  cypher: { file: string; params: Record<string, unknown> };
  pickApi(data: Record<string, unknown>): Json;
  pickLib(data: Record<string, unknown>): Json;
  pickCypher(rows: unknown[]): Json;
}

export interface KindParams {
  /** A synthetic incident (kinds 1 and 3). */
  incident: string;
  /** The synthetic company with the most incidents (kind 4). */
  company: string;
  /** The synthetic authority with the most KRW fines, and the threshold (kind 5). */
  authority: string;
  currency: string;
  minAmount: string;
}

/** The curated incident of the mission (kind 1's second case, kind 6). */
export const MISSION_INCIDENT = 'coupang-breach-2025';

/** The zero-padded amount seeds/99-derived-values.cypher stores as Fine.amountKey. */
export function amountKey(amount: string): string {
  const [int = '0', frac = ''] = amount.split('.');
  return `${int.padStart(24, '0')}.${frac.padEnd(6, '0')}`;
}

const one = (data: Record<string, unknown>, field: string): Json => ((data[field] as Json[] | undefined)?.[0] ?? null);

function incidentById(key: string, title: string, id: string): Kind {
  return {
    key, title, ordered: false,
    api: {
      query: `query ($id: ID!) { incident(id: $id) { id title company { id name }
        exposedData { id category { id name } }
        investigations { id title authorities { id name } }
        suspicions { id status person { id name description } }
        sources { attribution about source { id title url } } } }`,
      variables: { id },
    },
    lib: {
      query: `query ($id: ID!) { incidents(where: { id: { eq: $id } }) { id title company { id name }
        exposures(where: { exposed: { eq: true } }) { id category { id name } }
        investigations { id title authorities { id name } }
        suspicions { id status person { id name description } }
        sourcesConnection { edges { properties { attribution about } node { id title url } } } } }`,
      variables: { id },
    },
    cypher: { file: 'incident', params: { id } },
    pickApi: (d) => fromApi(d.incident),
    pickLib: (d) => fromLib(one(d, 'incidents')),
    pickCypher: (rows) => fromCypher(rows[0]),
  };
}

/** Kind 2, also timed by `npm run bench` next to its hand-written query (bench/queries.ts). */
export const INCIDENTS_DEPTH4: Kind = {
  key: 'incidents-depth4',
  title: '50 incidents > investigations > authorities > fines imposed > company',
  ordered: true,
  api: {
    query: `{ incidents(first: 50, orderBy: [{ field: ID, direction: ASC }]) { edges { node { id
      investigations { id authorities { id finesImposed { id company { id name } } } } } } } }`,
  },
  lib: {
    query: `{ incidents(limit: 50, sort: [{ id: ASC }]) { id
      investigations { id authorities { id finesImposed { id company { id name } } } } } }`,
  },
  cypher: { file: 'incidents-depth4', params: {} },
  pickApi: (d) => fromApi(d.incidents),
  pickLib: (d) => fromLib(d.incidents),
  pickCypher: (rows) => fromCypher(rows),
};

export function kinds(p: KindParams): Kind[] {
  return [
    incidentById('incident-synthetic', `incident by id with company, exposed data categories, investigations > authorities, suspicions > person, sources > source (${p.incident})`, p.incident),
    incidentById('incident-curated', `the same, curated incident (${MISSION_INCIDENT})`, MISSION_INCIDENT),
    INCIDENTS_DEPTH4,
    {
      key: 'authority-investigations',
      title: `incident > investigations > authorities > their investigations > incident > fines (${p.incident})`,
      ordered: false,
      api: {
        query: `query ($id: ID!) { incident(id: $id) { id investigations { id authorities { id
          investigations { id incident { id fines { id amount { amount currency } date { iso } } } } } } } }`,
        variables: { id: p.incident },
      },
      lib: {
        query: `query ($id: ID!) { incidents(where: { id: { eq: $id } }) { id investigations { id authorities { id
          investigations { id incident { id fines { id amount currency date } } } } } } }`,
        variables: { id: p.incident },
      },
      cypher: { file: 'authority-investigations', params: { id: p.incident } },
      pickApi: (d) => fromApi(d.incident),
      pickLib: (d) => fromLib(one(d, 'incidents')),
      pickCypher: (rows) => fromCypher(rows[0]),
    },
    {
      key: 'company-incidents',
      title: `incidents of one company, first 20 by id (${p.company})`,
      ordered: true,
      api: {
        query: `query ($company: ID!) { incidents(filter: { company: $company }, orderBy: [{ field: ID, direction: ASC }], first: 20) {
          edges { node { id title kind accessStart { iso } disclosedOn { iso } } } } }`,
        variables: { company: p.company },
      },
      lib: {
        query: `query ($company: ID!) { incidents(where: { company: { some: { id: { eq: $company } } } }, sort: [{ id: ASC }], limit: 20) {
          id title kind accessStart disclosedOn } }`,
        variables: { company: p.company },
      },
      cypher: { file: 'company-incidents', params: { company: p.company } },
      pickApi: (d) => fromApi(d.incidents),
      pickLib: (d) => fromLib(d.incidents),
      pickCypher: (rows) => fromCypher(rows),
    },
    {
      key: 'authority-fines',
      title: `fines of an authority >= an amount, by amount (${p.authority}, >= ${p.currency} ${p.minAmount})`,
      ordered: true,
      api: {
        query: `query ($authority: ID!, $min: MoneyInput!) { fines(filter: { authority: $authority, minAmount: $min },
          orderBy: [{ field: AMOUNT, direction: DESC }], first: 20) { edges { node { id amount { amount currency } date { iso } } } } }`,
        variables: { authority: p.authority, min: { amount: p.minAmount, currency: p.currency } },
      },
      lib: {
        query: `query ($authority: ID!, $currency: String!, $minKey: String!) { fines(
          where: { authority: { some: { id: { eq: $authority } } }, currency: { eq: $currency }, amountKey: { gte: $minKey } },
          sort: [{ amountKey: DESC }, { id: DESC }], limit: 20) { id amount currency date } }`,
        variables: { authority: p.authority, currency: p.currency, minKey: amountKey(p.minAmount) },
      },
      cypher: { file: 'authority-fines', params: { authority: p.authority, currency: p.currency, minAmountKey: amountKey(p.minAmount) } },
      pickApi: (d) => fromApi(d.fines),
      pickLib: (d) => fromLib(d.fines),
      pickCypher: (rows) => fromCypher(rows),
    },
    {
      key: 'mission-trace',
      title: `the mission's trace: ${MISSION_INCIDENT} > investigations > authorities > their investigations > incident > fines > company`,
      ordered: false,
      api: {
        query: `query ($id: ID!) { incident(id: $id) { id investigations { id authorities { id name
          investigations { id incident { id title fines { id amount { amount currency } date { iso } company { id name } } } } } } } }`,
        variables: { id: MISSION_INCIDENT },
      },
      lib: {
        query: `query ($id: ID!) { incidents(where: { id: { eq: $id } }) { id investigations { id authorities { id name
          investigations { id incident { id title fines { id amount currency date company { id name } } } } } } } }`,
        variables: { id: MISSION_INCIDENT },
      },
      cypher: { file: 'trace', params: { id: MISSION_INCIDENT } },
      pickApi: (d) => fromApi(d.incident),
      pickLib: (d) => fromLib(one(d, 'incidents')),
      pickCypher: (rows) => fromCypher(rows[0]),
    },
  ];
}
