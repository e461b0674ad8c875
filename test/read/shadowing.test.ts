import { describe, expect, it } from 'vitest';
import { gql } from '../support/api.js';

/**
 * A definition nested under one that uses the same variable name (found by bench/fairness.ts's
 * random shapes): Neo4j refused the compiled query as shadowing, and the API answered
 * INTERNAL_SERVER_ERROR to valid questions.
 */
describe('nested definitions that use the same variable names', () => {
  it.each([
    ['an authority\'s fines of a fine\'s authority (f)', '{ authority(id: "pipc") { finesImposed { authority { finesImposed { reason } } } } }'],
    ['related incidents of a related incident (m)', '{ incident(id: "coupang-breach-2025") { relatedIncidents { incident { relatedIncidents { __typename } } } } }'],
    ['timelines under a company and under its fines (this)', '{ company(id: "sk-telecom") { incidents { timeline { kind } } finesReceived { incident { timeline { kind } } } } }'],
    // A nested connection's page is cut after the definition's names have left scope (src/read/emit.ts, emitPage).
    ['connections of an authority\'s fines of a fine\'s authority (f)', '{ authority(id: "pipc") { finesImposedConnection(first: 3) { edges { node { authority { finesImposedConnection(orderBy: NEWEST_FIRST, first: 2) { totalCount edges { node { reason } } } } } } } } }'],
    ['a connection under the array it pages, and the array under it (f)', '{ authority(id: "pipc") { finesImposed { authority { finesImposedConnection { edges { node { authority { finesImposed { id } } } } } } } } }'],
  ])('%s', async (_name, query) => {
    const r = await gql(query);
    expect(r.errors).toBeUndefined();
    expect(r.data).toBeTruthy();
  });

  it('the answer is the same as asked level by level', async () => {
    const nested = await gql('{ authority(id: "pipc") { finesImposed { id authority { id finesImposed { id } } } } }');
    const flat = await gql('{ authority(id: "pipc") { id finesImposed { id } } }');
    expect(nested.errors).toBeUndefined();
    const ids = flat.data.authority.finesImposed.map((f: { id: string }) => f.id);
    for (const f of nested.data.authority.finesImposed) {
      expect(f.authority.id).toBe('pipc');
      expect(f.authority.finesImposed.map((x: { id: string }) => x.id)).toEqual(ids);
    }
  });
});
