import { describe, expect, it } from 'vitest';
import { gql } from '../support/api.js';

describe('bad input gets a GraphQL error with a stable code', () => {
  it('a tampered cursor is BAD_USER_INPUT', async () => {
    for (const after of ['not-a-cursor!', Buffer.from('["v2","x"]').toString('base64url'), Buffer.from('{}').toString('base64url'), 'x'.repeat(5000)]) {
      const r = await gql('query($after: String) { incidents(first: 2, after: $after) { edges { cursor } } }', { after });
      expect(r.errors?.[0]?.extensions?.code, after.slice(0, 20)).toBe('BAD_USER_INPUT');
    }
  });

  it('a page size above the cap is BAD_USER_INPUT', async () => {
    const r = await gql('{ incidents(first: 101) { totalCount } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages walk every incident exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const r: any = await gql('query($after: String) { incidents(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }', { after });
      total = r.data.incidents.totalCount;
      seen.push(...r.data.incidents.edges.map((e: any) => e.node.id));
      if (!r.data.incidents.pageInfo.hasNextPage) break;
      after = r.data.incidents.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('an unknown id is null with NOT_FOUND, and the wrong type for an id is null too', async () => {
    const r = await gql('{ incident(id: "no-such-incident") { id } company(id: "coupang-breach-2025") { id } }');
    expect(r.data).toEqual({ incident: null, company: null });
    expect(r.errors?.map((e: any) => [e.path[0], e.extensions.code]).sort()).toEqual([['company', 'NOT_FOUND'], ['incident', 'NOT_FOUND']]);
  });

  it('a query nested deeper than the limit is rejected before it runs', async () => {
    let q = 'id';
    for (let i = 0; i < 10; i++) q = `relatedIncidents { incident { ${q} } }`;
    const r = await gql(`{ incident(id: "coupang-breach-2025") { ${q} } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.extensions?.neo4j?.queries ?? 0).toBe(0);
  });

  it('malformed GraphQL and unknown fields are 400s with a code, before any Neo4j query', async () => {
    const broken = await gql('{ incident(id: ');
    expect(broken.status).toBe(400);
    expect(broken.errors?.[0]?.message).toMatch(/^Syntax Error/);
    expect(broken.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const huge = await gql(`{ ${'__typename '.repeat(6000)} }`);
    expect(huge.status).toBe(400);
    expect(huge.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await gql('{ nope }');
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
