import { beforeAll, describe, expect, it } from 'vitest';
import { data, gql } from '../support/api.js';

// The connections beside nested lists (finesImposedConnection beside finesImposed...): paged per
// parent inside the request's one Neo4j query, cursors tied to their list, ordering and parent.

const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id);

/** Every page of `field` on one authority, `size` at a time, following endCursor; each request's Neo4j query count. */
async function walk(authority: string, field: string, args: string, size: number) {
  const seen: string[] = [];
  const queries: number[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const r: any = await gql(`query($id: ID!, $after: String) { authority(id: $id) {
      ${field}(${args} first: ${size}, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } } }`,
    { id: authority, after });
    expect(r.errors).toBeUndefined();
    const c = r.data.authority[field];
    queries.push(r.extensions.neo4j.queries);
    totals.push(c.totalCount);
    seen.push(...ids(c));
    expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(c.edges.length).toBeLessThanOrEqual(size);
    if (c.edges.length) expect(c.pageInfo.endCursor).toBe(c.edges.at(-1).cursor);
    if (!c.pageInfo.hasNextPage) return { seen, queries, totals, last: c.pageInfo.endCursor as string };
    after = c.pageInfo.endCursor;
  }
  throw new Error('no last page');
}

let busiest = '';
let other = '';
let fines: string[] = [];

beforeAll(async () => {
  // The authority with the most fines in the curated graph, and another with at least one.
  const d = await data('{ authorities(first: 100) { edges { node { id finesImposed { id } } } } }');
  const byCount = d.authorities.edges.map((e: any) => e.node).sort((a: any, b: any) => b.finesImposed.length - a.finesImposed.length);
  busiest = byCount[0].id;
  fines = byCount[0].finesImposed.map((f: any) => f.id);
  other = byCount.find((a: any) => a.id !== busiest && a.finesImposed.length > 0).id;
  expect(fines.length).toBeGreaterThanOrEqual(3);
});

describe("an authority's fines as a connection", () => {
  it('2 at a time visits each fine once, in the array order, with totalCount the array length, one query per page', async () => {
    for (const order of ['', 'NEWEST_FIRST', 'OLDEST_FIRST', 'LARGEST_FIRST']) {
      const args = order ? `orderBy: ${order},` : '';
      const list = await data(`{ authority(id: "${busiest}") { finesImposed${order && order !== 'LARGEST_FIRST' ? `(orderBy: ${order})` : ''} { id } } }`);
      const w = await walk(busiest, 'finesImposedConnection', args, 2);
      expect(new Set(w.seen).size).toBe(w.seen.length);
      expect([...w.seen].sort()).toEqual([...fines].sort());
      if (order !== 'LARGEST_FIRST') expect(w.seen).toEqual(list.authority.finesImposed.map((f: any) => f.id));
      expect(w.totals.every((t) => t === fines.length)).toBe(true);
      expect(w.queries.every((q) => q === 1)).toBe(true);
      // after the last page: an empty page that says so
      const r = await data('query($id: ID!, $after: String) { authority(id: $id) { finesImposedConnection(' + args + ' first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }',
        { id: busiest, after: w.last });
      const c = r.authority.finesImposedConnection;
      expect(c.edges).toEqual([]);
      expect(c.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
      expect(c.totalCount).toBe(fines.length);
    }
  });

  it('backwards with last/before gives the same order, from the end', async () => {
    const got: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: any = await data(`query($id: ID!, $before: String) { authority(id: $id) { finesImposedConnection(orderBy: NEWEST_FIRST, last: 2, before: $before) {
        pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { id } } } } }`, { id: busiest, before });
      const c = r.authority.finesImposedConnection;
      got.unshift(...ids(c));
      expect(c.pageInfo.hasNextPage).toBe(before !== null);
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    const list = await data(`{ authority(id: "${busiest}") { finesImposed(orderBy: NEWEST_FIRST) { id } } }`);
    expect(got).toEqual(list.authority.finesImposed.map((f: any) => f.id));
  });

  it('first: 0 gives only totalCount and pageInfo', async () => {
    const d = await data(`{ authority(id: "${busiest}") { finesImposedConnection(first: 0) { totalCount edges { node { id } } pageInfo { hasNextPage } } } }`);
    expect(d.authority.finesImposedConnection).toEqual({ totalCount: fines.length, edges: [], pageInfo: { hasNextPage: true } });
  });

  it('by amount: within a currency, as the root fines list orders them', async () => {
    const amounts = (xs: any[]) => xs.map((f) => (f.amount ? `${f.amount.currency} ${f.amount.amount}` : null));
    for (const [nested, direction] of [['SMALLEST_FIRST', 'ASC'], ['LARGEST_FIRST', 'DESC']] as const) {
      const d = await data(`{ authority(id: "${busiest}") { finesImposedConnection(orderBy: ${nested}, first: 100) { edges { node { id amount { amount currency } } } } }
        fines(filter: {authority: "${busiest}"}, orderBy: [{field: AMOUNT, direction: ${direction}}], first: 100) { edges { node { id amount { amount currency } } } } }`);
      const mine = amounts(d.authority.finesImposedConnection.edges.map((e: any) => e.node));
      expect(mine).toEqual(amounts(d.fines.edges.map((e: any) => e.node)));
      expect(new Set(mine.map((a) => a?.split(' ')[0])).size).toBeGreaterThan(0);
    }
  });
});

describe('cursors are refused on another list', () => {
  const cursorOf = async (query: string, pick: (d: any) => any) => pick(await data(query)).edges[0].cursor as string;
  const refused = async (cursor: string, id = busiest, orderBy = '') => {
    const r = await gql(`query($c: String, $id: ID!) { authority(id: $id) { id finesImposedConnection(${orderBy} first: 2, after: $c) { edges { node { id } } } } }`, { c: cursor, id });
    expect(r.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['BAD_USER_INPUT', 'authority.finesImposedConnection']]);
    // only the connection is null: the authority and its other fields are answered
    expect(r.data.authority).toEqual({ id, finesImposedConnection: null });
    return r.errors![0]!.message;
  };

  it('from another authority, another nested list, a root list, another ordering, or edited', async () => {
    const mine = await cursorOf(`{ authority(id: "${other}") { finesImposedConnection(first: 1) { edges { cursor } } } }`, (d) => d.authority.finesImposedConnection);
    expect(await refused(mine)).toMatch(/another list/);
    const company = await data('{ companies(first: 100) { edges { node { id finesReceived { id } } } } }');
    const fined = company.companies.edges.find((e: any) => e.node.finesReceived.length).node.id;
    expect(await refused(await cursorOf(`{ company(id: "${fined}") { finesReceivedConnection(first: 1) { edges { cursor } } } }`, (d) => d.company.finesReceivedConnection))).toMatch(/another list/);
    expect(await refused(await cursorOf('{ fines(first: 1) { edges { cursor } } }', (d) => d.fines))).toMatch(/another list/);
    const newest = await cursorOf(`{ authority(id: "${busiest}") { finesImposedConnection(orderBy: NEWEST_FIRST, first: 1) { edges { cursor } } } }`, (d) => d.authority.finesImposedConnection);
    expect(await refused(newest, busiest, 'orderBy: OLDEST_FIRST,')).toMatch(/another ordering/);
    const [body, sig] = newest.split('.');
    const edited = Buffer.from(JSON.parse(JSON.stringify(Buffer.from(body!, 'base64url').toString()))).toString('base64url');
    expect(await refused(`${edited}x.${sig}`, busiest, 'orderBy: NEWEST_FIRST,')).toMatch(/not one this API issued/);
    // and the cursor still works where it came from
    const ok = await gql(`query($c: String) { authority(id: "${busiest}") { finesImposedConnection(orderBy: NEWEST_FIRST, first: 1, after: $c) { edges { node { id } } } } }`, { c: newest });
    expect(ok.errors).toBeUndefined();
  });

  it('first and last together, or a page size out of range, are BAD_USER_INPUT at the field', async () => {
    for (const args of ['first: 1, last: 1', 'first: 101', 'last: -1']) {
      const r = await gql(`{ authority(id: "${busiest}") { id finesImposedConnection(${args}) { totalCount } } }`);
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(r.data.authority.finesImposedConnection).toBeNull();
    }
  });
});

describe('every nested connection', () => {
  // Each parent type, reached from a root list, with its connection fields and the arrays beside them.
  const parents: [string, string, string[]][] = [
    // (within the cost limit: 30 incidents with four lists and four connections of 20 each, 100 others with connections of 50)
    ['incidents(first: 30)', 'Incident', ['investigations', 'fines', 'statements', 'events']],
    ['incidents(first: 30) ', 'Incident', ['exposedData', 'notExposedData', 'estimates', 'suspicions']],
    ['investigations(first: 100)', 'Investigation', ['authorities', 'fines']],
    ['fines(first: 100)', 'Fine', ['reports']],
    ['events(first: 100)', 'Event', ['incidents']],
    ['companies(first: 100)', 'Company', ['incidents', 'finesReceived', 'sizeFacts', 'positions']],
    ['authorities(first: 100)', 'Authority', ['investigations', 'finesImposed', 'decisions', 'positions']],
    ['people(first: 100)', 'Person', ['statements', 'formerEmployers', 'positions', 'suspicions']],
    ['sources(first: 100)', 'Source', ['supports']],
  ];

  it.each(parents)('%s: totalCount is the array length and the first items are the array, in one query', async (root, _type, fields) => {
    const size = root.startsWith('incidents') ? 20 : 50;
    const sel = fields.map((f) => `${f} { id } ${f}Connection(first: ${size}) { totalCount pageInfo { hasNextPage } edges { node { id } } }`).join(' ');
    const r = await gql(`{ ${root.trim()} { edges { node { id ${sel} } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.extensions!.neo4j!.queries).toBe(1);
    let nonEmpty = 0;
    for (const { node } of (Object.values(r.data!)[0] as any).edges) {
      for (const f of fields) {
        const c = node[`${f}Connection`];
        expect(c.totalCount).toBe(node[f].length);
        expect(ids(c)).toEqual(node[f].map((x: any) => x.id).slice(0, size));
        expect(c.pageInfo.hasNextPage).toBe(node[f].length > size);
        if (node[f].length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it("a suspicion's identifiedBy (companies and authorities) pages like its array, in one query", async () => {
    const r = await gql(`{ incidents(first: 30) { edges { node { suspicions { id identifiedBy { ... on Node { id } }
      identifiedByConnection(first: 1) { totalCount pageInfo { hasNextPage } edges { node { __typename ... on Node { id } } } } } } } } }`);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.extensions!.neo4j!.queries).toBe(1);
    const suspicions = r.data.incidents.edges.flatMap((e: any) => e.node.suspicions);
    expect(suspicions.some((x: any) => x.identifiedBy.length > 0)).toBe(true);
    for (const x of suspicions) {
      expect(x.identifiedByConnection.totalCount).toBe(x.identifiedBy.length);
      expect(ids(x.identifiedByConnection)).toEqual(x.identifiedBy.slice(0, 1).map((o: any) => o.id));
      expect(x.identifiedByConnection.pageInfo.hasNextPage).toBe(x.identifiedBy.length > 1);
      for (const e of x.identifiedByConnection.edges) expect(['Company', 'Authority']).toContain(e.node.__typename);
    }
  });

  it("countries' and data categories' and publishers' connections, nested in each other, in one query", async () => {
    const r = await gql(`{
      countries { id companies { id } authorities { id } incidents(orderBy: NEWEST_FIRST) { id fines { id } }
        companiesConnection(first: 100) { totalCount edges { node { id } } }
        authoritiesConnection(first: 100) { totalCount edges { node { id } } }
        incidentsConnection(orderBy: NEWEST_FIRST, first: 100) { totalCount edges { node { id finesConnection(first: 1) { totalCount edges { node { id } } } } } } }
      dataCategories { id incidentsExposed { id } incidentsExposedConnection(first: 100) { totalCount edges { node { id } } } }
      sources(first: 100) { edges { node { publisher { id sources { id } sourcesConnection(first: 100) { totalCount edges { node { id } } } } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.extensions!.neo4j!.queries).toBe(1);
    let fined = 0;
    for (const c of r.data.countries) {
      for (const f of ['companies', 'authorities', 'incidents']) {
        expect(c[`${f}Connection`].totalCount).toBe(c[f].length);
        expect(ids(c[`${f}Connection`])).toEqual(c[f].map((x: any) => x.id));
      }
      c.incidentsConnection.edges.forEach((e: any, i: number) => {
        expect(e.node.finesConnection.totalCount).toBe(c.incidents[i].fines.length);
        expect(ids(e.node.finesConnection)).toEqual(c.incidents[i].fines.slice(0, 1).map((x: any) => x.id));
        if (c.incidents[i].fines.length) fined++;
      });
    }
    expect(fined).toBeGreaterThan(0);
    for (const d of r.data.dataCategories) expect(ids(d.incidentsExposedConnection)).toEqual(d.incidentsExposed.map((x: any) => x.id));
    for (const { node } of r.data.sources.edges) {
      if (node.publisher) expect(ids(node.publisher.sourcesConnection)).toEqual(node.publisher.sources.map((x: any) => x.id));
    }
  });

  it('a node reached without its relationships (a search hit, a path) gets its connection from the batched fallback', async () => {
    const r = await gql(`{ node(id: "${busiest}") { ... on Authority { finesImposed { id } finesImposedConnection(first: 2) { totalCount edges { node { id } } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.node.finesImposedConnection.totalCount).toBe(r.data.node.finesImposed.length);
    expect(ids(r.data.node.finesImposedConnection)).toEqual(r.data.node.finesImposed.slice(0, 2).map((f: any) => f.id));
  });
});

describe('undated items: one rule in root and nested lists', () => {
  // Undated items count as the earliest: first oldest-first (ascending), last newest-first (descending).
  const dated = (xs: { date: unknown }[]) => xs.map((x) => x.date != null);
  const firstUndated = (flags: boolean[]) => flags.indexOf(false);

  it("an authority's fines and investigations, a person's and an incident's statements: root and nested agree, both directions", async () => {
    const d = await data(`{
      authorities(first: 100) { edges { node { id
        fA: finesImposed(orderBy: OLDEST_FIRST) { date { iso } } fD: finesImposed(orderBy: NEWEST_FIRST) { date { iso } }
        iA: investigations(orderBy: OLDEST_FIRST) { openedOn { iso } } iD: investigations(orderBy: NEWEST_FIRST) { openedOn { iso } } } } }
      incidents(first: 100) { edges { node { id
        sA: statementsConnection(orderBy: OLDEST_FIRST, first: 100) { edges { node { date { iso } reportedOn { iso } } } }
        sD: statementsConnection(orderBy: NEWEST_FIRST, first: 100) { edges { node { date { iso } reportedOn { iso } } } } } } } }`);
    let undated = 0;
    for (const { node: a } of d.authorities.edges) {
      const root = await data(`{
        fA: fines(filter: {authority: "${a.id}"}, orderBy: [{field: DATE, direction: ASC}], first: 100) { edges { node { date { iso } } } }
        fD: fines(filter: {authority: "${a.id}"}, orderBy: [{field: DATE, direction: DESC}], first: 100) { edges { node { date { iso } } } }
        iA: investigations(filter: {authority: "${a.id}"}, orderBy: [{field: OPENED_ON, direction: ASC}], first: 100) { edges { node { openedOn { iso } } } }
        iD: investigations(filter: {authority: "${a.id}"}, orderBy: [{field: OPENED_ON, direction: DESC}], first: 100) { edges { node { openedOn { iso } } } } }`);
      for (const k of ['fA', 'fD', 'iA', 'iD']) {
        const key = k.startsWith('f') ? 'date' : 'openedOn';
        const nested = dated(a[k].map((x: any) => ({ date: x[key] })));
        const rooted = dated(root[k].edges.map((e: any) => ({ date: e.node[key] })));
        expect(nested).toEqual(rooted);
        if (nested.includes(false) && nested.includes(true)) {
          undated++;
          // ascending: every undated item before every dated one; descending: after
          if (k.endsWith('A')) expect(nested.lastIndexOf(false)).toBeLessThan(nested.indexOf(true));
          else expect(firstUndated(nested)).toBeGreaterThan(nested.lastIndexOf(true));
        }
      }
    }
    for (const { node: i } of d.incidents.edges) {
      const root = await data(`{
        sA: statements(filter: {incident: "${i.id}"}, orderBy: [{field: DATE, direction: ASC}], first: 100) { edges { node { date { iso } reportedOn { iso } } } }
        sD: statements(filter: {incident: "${i.id}"}, orderBy: [{field: DATE, direction: DESC}], first: 100) { edges { node { date { iso } reportedOn { iso } } } } }`);
      for (const k of ['sA', 'sD']) {
        const flags = (xs: any[]) => dated(xs.map((e) => ({ date: e.node.date ?? e.node.reportedOn })));
        expect(flags(i[k].edges)).toEqual(flags(root[k].edges));
        if (flags(i[k].edges).includes(false) && flags(i[k].edges).includes(true)) undated++;
      }
    }
    // the curated graph has lists mixing dated and undated items, or this test could not fail
    expect(undated).toBeGreaterThan(0);
  });
});
