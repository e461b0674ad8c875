import { describe, expect, it } from 'vitest';
import { gql } from '../support/api.js';

describe('a lookup by an id that names nothing is null with NOT_FOUND', () => {
  it('suggests the id most likely meant, for each lookup kind', async () => {
    const r = await gql('{ incident(id: "coupang-breach-2052") { id } company(id: "coupnag") { id } authority(id: "PIPC") { id } node(id: "sk-telecon") { id } }');
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ incident: null, company: null, authority: null, node: null });
    const byField = Object.fromEntries((r.errors ?? []).map((e: any) => [e.path.join('.'), e]));
    expect(Object.keys(byField).sort()).toEqual(['authority', 'company', 'incident', 'node']);
    for (const e of Object.values(byField) as any[]) expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'id' });
    expect(byField.incident.extensions.suggestion).toBe('coupang-breach-2025');
    expect(byField.incident.message).toBe('No incident has the id "coupang-breach-2052". Did you mean "coupang-breach-2025"?');
    expect(byField.company.extensions.suggestion).toBe('coupang');
    expect(byField.authority.extensions.suggestion).toBe('pipc');
    expect(byField.node.extensions.suggestion).toBe('sk-telecom');
  });

  it('says which type an id of another kind names, and suggests nothing where nothing is close', async () => {
    const r = await gql('{ company(id: "coupang-breach-2025") { id } incident(id: "zzzzzzzz") { id } fine(id: "coupang") { id } }');
    expect(r.data).toEqual({ company: null, incident: null, fine: null });
    const byField = Object.fromEntries((r.errors ?? []).map((e: any) => [e.path[0], e.extensions]));
    expect(byField.company).toMatchObject({ code: 'NOT_FOUND', actualType: 'Incident', suggestion: null });
    expect(byField.incident).toMatchObject({ code: 'NOT_FOUND', suggestion: null });
    expect(byField.incident.actualType).toBeUndefined();
    expect(byField.fine).toMatchObject({ code: 'NOT_FOUND', actualType: 'Company' });
  });

  it('a found lookup carries no error, and the other root fields are answered beside a NOT_FOUND', async () => {
    const r = await gql('{ incident(id: "coupang-breach-2025") { id } person(id: "no-such-person") { id } }');
    expect(r.data).toEqual({ incident: { id: 'coupang-breach-2025' }, person: null });
    expect(r.errors?.map((e: any) => [e.path, e.extensions.code])).toEqual([[['person'], 'NOT_FOUND']]);
  });
});

describe('nodes(ids:)', () => {
  it('answers each id at its index, null with NOT_FOUND at the index of one that names nothing', async () => {
    const r = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: ['pipc', 'coupnag', 'coupang-breach-2025', 'pipc'] });
    expect(r.data?.nodes).toEqual([
      { __typename: 'Authority', id: 'pipc' }, null, { __typename: 'Incident', id: 'coupang-breach-2025' }, { __typename: 'Authority', id: 'pipc' },
    ]);
    expect(r.errors?.map((e: any) => [e.path, e.extensions.code, e.extensions.suggestion])).toEqual([[['nodes', 1], 'NOT_FOUND', 'coupang']]);
  });

  it('is one Neo4j query when every id names a node, with fields of each type', async () => {
    const r = await gql('{ nodes(ids: ["coupang", "pipc"]) { id ... on Company { name } ... on Authority { name country { id } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.nodes).toEqual([{ id: 'coupang', name: 'Coupang' }, { id: 'pipc', name: 'Personal Information Protection Commission', country: { id: 'KR' } }]);
    expect(r.extensions?.neo4j?.queries).toBe(1);
  });

  it('an empty list is an empty answer; more than 100 ids or an over-long id is BAD_USER_INPUT', async () => {
    expect((await gql('{ nodes(ids: []) { id } }')).data?.nodes).toEqual([]);
    const many = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, (_, i) => `x${i}`) });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'ids', max: 100 });
    const long = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['x'.repeat(300)] });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'ids' });
  });
});

describe('one rule for enum mistakes', () => {
  it('an unknown enum value is BAD_USER_INPUT naming the argument, with the allowed values, written in place or in an input or a variable', async () => {
    const allowed = ['ACCOUNTS_AFFECTED', 'RECORDS_EXPOSED', 'PEOPLE_AFFECTED'];
    const plain = await gql('{ stats { largestIncidents(metric: XYZZY) { id } } }');
    expect(plain.status).toBe(400);
    expect(plain.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'metric', allowed });
    expect(plain.errors?.[0]?.message).toContain(`Allowed values: ${allowed.join(', ')}.`);
    const close = await gql('{ stats { largestIncidents(metric: ACOUNTS_AFFECTED) { id } } }');
    expect(close.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'metric', allowed });
    expect(close.errors?.[0]?.message).toContain('Did you mean the enum value "ACCOUNTS_AFFECTED"');
    const inInput = await gql('{ incidents(orderBy: [{field: QQQQ}]) { totalCount } }');
    expect(inInput.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'orderBy' });
    expect(inInput.errors?.[0]?.extensions?.allowed).toContain('DISCLOSED_ON');
    const variable = await gql('query($m: IncidentSizeMetric) { stats { largestIncidents(metric: $m) { id } } }', { m: 'XYZZY' });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'metric', allowed });
  });
});
