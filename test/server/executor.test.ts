import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/server/ide.js';
import { gql } from '../support/api.js';
import { startOwnServer, type OwnServer } from './ownServer.js';

// The server runs operations on graphql-jit (the default, GRAPHQL_EXECUTOR=jit). graphql-js is
// the reference: a second server on it must answer every request exactly alike, errors included.
let reference: OwnServer;
beforeAll(async () => { reference = await startOwnServer({ executor: 'graphql-js' }); }, 120_000);
afterAll(async () => { await reference?.close(); });

async function onReference(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(reference.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...(await res.json() as Record<string, unknown>) };
}

/** The answer without what differs between two servers by design: timings and signed cursors. */
function comparable(r: Record<string, unknown>): unknown {
  const { extensions: _timings, ...rest } = r;
  return JSON.parse(JSON.stringify(rest), (k, v) => (k === 'cursor' || k === 'endCursor' || k === 'startCursor' ? typeof v : v));
}

const CASES: [string, string, Record<string, unknown>?][] = [
  ...loadExamples().map((e): [string, string] => [`IDE example ${e.name}`, e.query]),
  ['a bad argument: BAD_USER_INPUT at its path', '{ incidents(filter: { country: "kr" }) { totalCount } companies(first: 2) { edges { node { id } } } }'],
  ['an unknown id: null', '{ incident(id: "no-such-incident") { id title } }'],
  ['a node by id, as an interface, with __typename and fragments', `{ node(id: "coupang") { __typename id ... on Company { name incidents { id } } } }`],
  ['variables, aliases and @skip/@include', 'query ($id: ID!, $more: Boolean!) { a: incident(id: $id) { id title @include(if: $more) } b: incident(id: $id) { id company @skip(if: $more) { id } } }',
    { id: 'coupang-breach-2025', more: true }],
  ['a variable of the wrong type', 'query ($n: Int) { incidents(first: $n) { totalCount } }', { n: 'ten' }],
  ['a list too long', '{ incidents(first: 1000) { totalCount } }'],
  ['a search with a union', '{ search(query: "Coupang", first: 5) { edges { score exact node { __typename ... on Named { id displayName } } } } }'],
];

describe('graphql-jit answers as graphql-js does', () => {
  for (const [name, query, variables] of CASES) {
    it(name, async () => {
      const [jit, ref] = await Promise.all([gql(query, variables), onReference(query, variables)]);
      expect(comparable(jit as never)).toEqual(comparable(ref));
    });
  }
});
