import { describe, expect, it } from 'vitest';
import { gql } from '../support/api.js';

const SEARCH = `query($q: String!, $types: [SearchableType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount
    edges { cursor score matchedFields node { __typename ... on Incident { id } ... on Company { id } ... on Authority { id }
      ... on Person { id } ... on Source { id } ... on Statement { id } ... on Publisher { id } ... on Event { id }
      ... on Fine { id } ... on Investigation { id } ... on Position { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// About the most forgiving clauses a text within the cost limit can make (src/server/cost.ts counts
// its words): 38 different words of 3 letters, each a prefix and a typo clause on every field.
const ALL_TOKENS = Array.from({ length: 38 }, (_, i) => `q${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`).join('-');

describe('full-text search', () => {
  it('finds companies, incidents and statements by name, ranked, with the matched field', async () => {
    const r = await gql(SEARCH, { q: 'Coupang' });
    expect(r.errors).toBeUndefined();
    const ids = r.data.search.edges.map((e: any) => e.node.id);
    expect(ids).toContain('coupang');
    expect(ids).toContain('coupang-breach-2025');
    const company = r.data.search.edges.find((e: any) => e.node.id === 'coupang');
    expect(company.matchedFields).toContain('name');
    const scores = r.data.search.edges.map((e: any) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('searches aliases and quotes, and narrows by type', async () => {
    const byAlias = await gql(SEARCH, { q: 'PIPC', types: ['AUTHORITY'] });
    // The PIPC itself ranks first; the joint team mentions it in its description.
    expect(byAlias.data.search.edges.map((e: any) => e.node.id)).toEqual(['pipc', 'coupang-joint-investigation-team']);
    expect(byAlias.data.search.edges[0].matchedFields).toContain('aliases');
    const byQuote = await gql(SEARCH, { q: 'inconvenience', types: ['STATEMENT'] });
    expect(byQuote.data.search.edges.map((e: any) => e.node.id)).toEqual(['coupang-breach-2025-park-apology']);
    expect(byQuote.data.search.edges[0].matchedFields).toEqual(['quote']);
  });

  it('pages through every hit exactly once', async () => {
    const all = await gql(SEARCH, { q: 'breach', first: 100 });
    const total = all.data.search.totalCount;
    expect(total).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const r: any = await gql(SEARCH, { q: 'breach', first: 2, after });
      seen.push(...r.data.search.edges.map((e: any) => e.node.id));
      if (!r.data.search.pageInfo.hasNextPage) break;
      after = r.data.search.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data.search.edges.map((e: any) => e.node.id));
    expect(seen.length).toBe(total);
  });

  it('treats query syntax in the input as text, never as a server error', async () => {
    for (const q of ['C++', 'AT&T', '"unbalanced', '*', 'OR', '~', 'AND NOT', 'a:b', '\\', '(((', 'title:coupang^9', '쿠팡', '   x   ',
      'name:"x"^99', 'SK" OR name:*', '"SK Telecom', 'a\\" b', 'Coup*~2', ALL_TOKENS]) {
      const r = await gql(SEARCH, { q });
      expect(r.errors, q).toBeUndefined();
      expect(r.status, q).toBe(200);
    }
  });

  it('answers the hostile inputs by type too (the label filter reads every hit)', async () => {
    for (const q of ['title:coupang^9', '"unbalanced', ALL_TOKENS]) {
      const r = await gql(SEARCH, { q, types: ['FINE', 'INVESTIGATION', 'POSITION', 'SOURCE'] });
      expect(r.errors, q).toBeUndefined();
    }
  });

  it('rejects empty, over-long and over-wordy input with BAD_USER_INPUT', async () => {
    for (const q of ['', '   ', 'x'.repeat(10_000), 'w '.repeat(40)]) {
      const r = await gql(SEARCH, { q });
      expect(r.errors?.[0]?.extensions?.code, q.slice(0, 10)).toBe('BAD_USER_INPUT');
    }
    const tampered = await gql(SEARCH, { q: 'coupang', after: Buffer.from('["v1","search",-5]').toString('base64url') });
    expect(tampered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
