import { describe, expect, it } from 'vitest';
import { gql } from '../support/api.js';

// Strict input (docs/apps.md "Errors"): a value is refused with BAD_USER_INPUT naming the argument and
// what is wrong, never read as a question whose answer is "none".
describe('strict input', () => {
  it('PartialDateString is a real date, and the message names the wrong part (literal and variable alike)', async () => {
    const cases: [string, RegExp][] = [
      ['2025-13', /"2025-13": the month is 13, and months run from 01 to 12\./],
      ['2025-02-30', /"2025-02-30": the day is 30, and February 2025 has days 01 to 28\./],
      ['2025-04-31', /April 2025 has days 01 to 30/],
      ['2025-07/2025-08', /is not a quarter/],
      ['25-08', /is not a partial date: write "2025", "2025-08", "2025-08-28" or a quarter/],
    ];
    for (const [value, message] of cases) {
      const literal = await gql(`{ incidents(filter: { accessedBetween: { from: ${JSON.stringify(value)} } }) { totalCount } }`);
      const variable = await gql('query($f: IncidentFilter) { incidents(filter: $f) { totalCount } }', { f: { accessedBetween: { from: value } } });
      for (const r of [literal, variable]) {
        expect(r.status, value).toBe(400);
        expect(r.data, value).toBeUndefined();
        expect(r.errors?.[0]?.message, value).toMatch(message);
        expect(r.errors?.[0]?.extensions, value).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter' });
      }
    }
  });

  it('real dates are accepted: a leap day, a month, a year, a quarter', async () => {
    for (const from of ['2024-02-29', '2025-08', '2025', '2025-07/2025-09']) {
      const r = await gql('query($from: PartialDateString) { incidents(filter: { accessedBetween: { from: $from } }) { totalCount } }', { from });
      expect(r.errors, from).toBeUndefined();
      expect(r.data.incidents.totalCount, from).toBeGreaterThanOrEqual(0);
    }
  });

  it('a negative count is refused', async () => {
    const r = await gql('{ incidents(filter: { minAccountsAffected: -1 }) { totalCount } }');
    expect(r.errors?.[0]).toMatchObject({ message: 'filter.minAccountsAffected is a count: 0 or more.', path: ['incidents'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter' } });
  });

  it('one page-size rule and one message for every list', async () => {
    const lists: [string, string[], number][] = [
      ['{ incidents(first: 101) { totalCount } }', ['incidents'], 100],
      ['{ fines(first: -1) { totalCount } }', ['fines'], 100],
      ['{ companies(last: 1000) { totalCount } }', ['companies'], 100],
      ['{ search(query: "Coupang", first: 101) { totalCount } }', ['search'], 100],
      ['{ incident(id: "coupang-breach-2025") { relatedIncidents(first: 101) { incident { id } } } }', ['incident', 'relatedIncidents'], 100],
      ['{ paths(from: "coupang", to: "pipc", first: 26) { length } }', ['paths'], 25],
      // A field of a parent with no id (was INTERNAL_SERVER_ERROR: "the parent record has neither the field nor an id").
      ['{ stats { largestIncidents(first: -1) { id } } }', ['stats', 'largestIncidents'], 100],
    ];
    for (const [query, path, max] of lists) {
      const r = await gql(query);
      const arg = query.includes('last:') ? 'last' : 'first';
      expect(r.errors?.[0], query).toMatchObject({ message: `${arg} must be an integer from 0 to ${max}.`, path, extensions: { code: 'BAD_USER_INPUT', argumentName: arg, min: 0, max } });
    }
    const zero = await gql('{ fines(first: 0) { totalCount edges { cursor } } }');
    expect(zero.errors).toBeUndefined();
    expect(zero.data.fines.edges).toEqual([]);
    expect(zero.data.fines.totalCount).toBeGreaterThan(0);
  });

  it('unknown ids in filters, paths and neighbourhood: BAD_USER_INPUT naming each, with the closest id', async () => {
    const cases: [string, string, { argument: string; value: string; suggestion?: string | null }[], RegExp][] = [
      ['{ incidents(filter: { country: "kr", authority: "PIPC", dataCategories: ["phone"] }) { totalCount } }', 'incidents', [
        { argument: 'filter.country', value: 'kr', suggestion: 'KR' },
        { argument: 'filter.authority', value: 'PIPC', suggestion: 'pipc' },
        { argument: 'filter.dataCategories', value: 'phone', suggestion: 'phone-number' },
      ], /filter\.country: no country has the id "kr"\. Did you mean "KR"\?/],
      ['{ fines(filter: { currency: "WON" }) { totalCount } }', 'fines', [{ argument: 'filter.currency', value: 'WON', suggestion: null }],
        /filter\.currency: "WON" is not an ISO 4217 currency code\. Fines are in .*KRW/],
      ['{ paths(from: "coupang", to: "nope") { length } }', 'paths', [{ argument: 'to', value: 'nope', suggestion: null }], /^to: no entity has the id "nope"\.$/],
      ['{ statements(filter: { incident: "coupang-breach-2024", person: "nobody-at-all" }) { totalCount } }', 'statements', [
        { argument: 'filter.person', value: 'nobody-at-all', suggestion: null },
        { argument: 'filter.incident', value: 'coupang-breach-2024', suggestion: 'coupang-breach-2025' },
      ], /filter\.incident: no entity has the id "coupang-breach-2024"\. Did you mean "coupang-breach-2025"\?/],
      ['{ neighbourhood(id: "coupnag") { truncated } }', 'neighbourhood', [{ argument: 'id', value: 'coupnag', suggestion: 'coupang' }], /Did you mean "coupang"\?/],
      ['{ statements(filter: { incident: "coupang-breach-2052", organization: "PIPC" }) { totalCount } }', 'statements', [
        { argument: 'filter.organization', value: 'PIPC', suggestion: 'pipc' },
        { argument: 'filter.incident', value: 'coupang-breach-2052' },
      ], /filter\.organization: no company or authority has the id "PIPC"\. Did you mean "pipc"\?/],
      ['{ events(filter: { person: "nobody-at-all" }) { totalCount } }', 'events', [{ argument: 'filter.person', value: 'nobody-at-all', suggestion: null }],
        /^filter\.person: no entity has the id "nobody-at-all"\.$/],
    ];
    const stats = await gql('{ stats { finesByAuthorityAndYear(authority: "PIPC") { year } } }');
    expect(stats.errors?.[0]).toMatchObject({ path: ['stats', 'finesByAuthorityAndYear'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'authority', unknown: [{ argument: 'authority', value: 'PIPC', suggestion: 'pipc' }] } });
    for (const [query, field, unknown, message] of cases) {
      const r = await gql(query);
      expect(r.status, query).toBe(200);
      expect(r.data, query).toEqual({ [field]: null });
      expect(r.errors?.[0]?.path, query).toEqual([field]);
      expect(r.errors?.[0]?.message, query).toMatch(message);
      expect(r.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', unknown });
    }
  });

  it('a cursor from another list says so, and one from another ordering says that', async () => {
    const page = await gql('{ incidents(first: 1) { pageInfo { endCursor } } }');
    const after = page.data.incidents.pageInfo.endCursor;
    const fines = await gql('query($after: String) { fines(first: 1, after: $after) { totalCount } }', { after });
    expect(fines.errors?.[0]).toMatchObject({ message: 'This cursor was issued by another list: pass it back to the list it came from.', path: ['fines'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
    const ordered = await gql('query($after: String) { incidents(first: 1, after: $after, orderBy: [{ field: ACCOUNTS_AFFECTED, direction: DESC }]) { totalCount } }', { after });
    expect(ordered.errors?.[0]?.message).toBe('This cursor was issued for another ordering of this list: use it with the same orderBy.');
  });

  it('known ids, and a real currency no fine is in, still answer', async () => {
    const r = await gql('{ incidents(filter: { country: "KR", authority: "pipc", dataCategories: ["phone-number"] }) { totalCount } fines(filter: { currency: "CHF" }) { totalCount } paths(from: "coupang", to: "pipc") { length } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.incidents.totalCount).toBeGreaterThan(0);
    expect(r.data.fines.totalCount).toBe(0);
    expect(r.data.paths.length).toBeGreaterThan(0);
  });
});

describe('partial results: a refused argument costs only its own root field', () => {
  it('the other root fields are answered, and the error path names the refused one', async () => {
    const r = await gql('{ a: incident(id: "coupang-breach-2025") { id } b: fines(first: 1000) { totalCount } c: fines(first: 1) { totalCount } }');
    expect(r.status).toBe(200);
    expect(r.data.a).toEqual({ id: 'coupang-breach-2025' });
    expect(r.data.b).toBeNull();
    expect(r.data.c.totalCount).toBeGreaterThan(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
  });

  it('a value invalid for its type refuses the whole request before anything runs (HTTP 400)', async () => {
    const r = await gql('{ a: incident(id: "coupang-breach-2025") { id } b: fines(filter: { minAmount: { amount: "12,5", currency: "KRW" } }) { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.extensions?.neo4j?.queries ?? 0).toBe(0);
  });
});

describe('unions and interfaces without aliases', () => {
  it('displayName (String!) on every search result: one selection across the union', async () => {
    const r = await gql('{ search(query: "Coupang", first: 20) { edges { node { __typename ... on Named { id displayName } } } } }');
    expect(r.errors).toBeUndefined();
    const nodes = r.data.search.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.__typename)).size).toBeGreaterThanOrEqual(4);
    for (const n of nodes) expect(typeof n.displayName, JSON.stringify(n)).toBe('string');
    expect(nodes).toContainEqual({ __typename: 'Company', id: 'coupang', displayName: 'Coupang' });
  });
});

describe('every id argument is checked', () => {
  it('each ID argument and ID input field of the schema is either an existence check (KNOWN), a lookup (LOOKUPS) or checked by its own rule', async () => {
    const { buildSchema, getNamedType, isInputObjectType, isObjectType } = await import('graphql');
    const { loadTypeDefs } = await import('../../src/modules/schema.js');
    const { CHECKED_BY_OWN_RULE, KNOWN, LOOKUPS } = await import('../../src/read/knownIds.js');
    const schema = buildSchema(loadTypeDefs().join('\n'));
    const ids: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const f of Object.values(type.getFields())) for (const a of f.args) if (getNamedType(a.type).name === 'ID') ids.push(`${type.name}.${f.name}.${a.name}`);
      } else if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) if (getNamedType(f.type).name === 'ID' || f.name === 'currency') ids.push(`${type.name}.${f.name}`);
      }
    }
    // Writes check the ids they are given inside their own transaction (the changeset's `require`,
    // src/write/mutate.ts): an unknown one is BAD_USER_INPUT naming it and nothing is written;
    // each mutation's tests under test/curation/ show it. The inputs only mutations take are theirs.
    const forWrites = new Set<string>();
    const visit = (t: unknown) => {
      const named = getNamedType(t as never);
      if (!isInputObjectType(named) || forWrites.has(named.name)) return;
      forWrites.add(named.name);
      for (const f of Object.values(named.getFields())) visit(f.type);
    };
    for (const f of Object.values(schema.getMutationType()!.getFields())) for (const a of f.args) visit(a.type);
    const forReads = new Set<string>();
    const visitRead = (t: unknown) => {
      const named = getNamedType(t as never);
      if (!isInputObjectType(named) || forReads.has(named.name)) return;
      forReads.add(named.name);
      for (const f of Object.values(named.getFields())) visitRead(f.type);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (isObjectType(type) && type.name !== 'Mutation' && !type.name.startsWith('__')) for (const f of Object.values(type.getFields())) for (const a of f.args) visitRead(a.type);
    }
    const written = (c: string) => c.startsWith('Mutation.') || (forWrites.has(c.split('.')[0]!) && !forReads.has(c.split('.')[0]!));
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((c) => !written(c) && !(c in KNOWN) && !LOOKUPS.has(c) && !CHECKED_BY_OWN_RULE.has(c))).toEqual([]);
  });
});
