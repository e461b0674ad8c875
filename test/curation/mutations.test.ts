import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, cypher, fixtures, inProcess, RUN, testUrl } from './fixtures.js';

const CURATOR = { subject: `${RUN}-alice`, role: 'curator', tokenId: `${RUN}-token-1` };

let api: Awaited<ReturnType<typeof inProcess>>;
let incident: string;
let publisher: string;

beforeAll(async () => {
  api = await inProcess();
  ({ incident, publisher } = await fixtures('mutations'));
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) {
  created source { id url title kind publishedOn { iso } publisher { id } } change { id operation actor { subject role } entities properties { entity property before after } } } }`;
const ADD_ESTIMATE = `mutation($input: AddEstimateInput!) { addEstimate(input: $input) {
  estimate { id value unit metric qualifier isBest asOf { iso } sources { source { id } attribution about } }
  change { id at operation actor { subject role } entities sources { id } } } }`;

async function addSource(name: string, extra: Record<string, unknown> = {}) {
  const r = await api.run(ADD_SOURCE, { input: { url: testUrl(name), title: `Report ${name}`, publisher, publishedOn: '2026-12', ...extra } }, CURATOR);
  expect(r.errors).toBeUndefined();
  return r.data.addSource;
}

describe('addSource (in process, with an actor in the context)', () => {
  it('adds a source with its publisher and a change recording each property', async () => {
    const p = await addSource('a');
    expect(p.created).toBe(true);
    expect(p.source).toMatchObject({ url: testUrl('a'), title: 'Report a', kind: 'NEWS_ARTICLE', publishedOn: { iso: '2026-12' }, publisher: { id: publisher } });
    expect(p.change).toMatchObject({ operation: 'ADD_SOURCE', actor: { subject: CURATOR.subject, role: 'curator' }, entities: [p.source.id] });
    expect(p.change.properties).toContainEqual({ entity: p.source.id, property: 'url', before: null, after: JSON.stringify(testUrl('a')) });
    const [stored] = await cypher<{ c: Record<string, unknown> }>('MATCH (c:Change {id: $id})-[:CHANGED]->(:Source {id: $s}) RETURN c {.*} AS c', { id: p.change.id, s: p.source.id });
    expect(stored!.c).toMatchObject({ actorSubject: CURATOR.subject, actorRole: 'curator', actorTokenId: CURATOR.tokenId, operation: 'ADD_SOURCE' });
  });

  it('the same URL again returns the source already there, with created false and no change', async () => {
    const first = await addSource('same');
    const again = await addSource('same', { title: 'Another title' });
    expect(again).toMatchObject({ created: false, change: null, source: { id: first.source.id, title: 'Report same' } });
    const [n] = await cypher<{ n: number }>('MATCH (s:Source {url: $url}) RETURN count(s) AS n', { url: testUrl('same') });
    expect(n!.n).toBe(1);
  });

  it('a publisher by name (any case, as the importer compares names)', async () => {
    const p = await addSource('by-name', { publisher: `curation test press ${RUN} mutations` });
    expect(p.source.publisher.id).toBe(publisher);
  });

  it('refuses a javascript: URL, an unknown publisher and an empty title with BAD_USER_INPUT, writing nothing', async () => {
    const bad = await api.run(ADD_SOURCE, { input: { url: 'javascript:alert(1)', title: 'x', publisher } }, CURATOR);
    // Over HTTP Apollo answers it BAD_USER_INPUT (test/curation/http.test.ts); here graphql-js's own coercion error.
    expect(bad.errors?.[0]?.message).toMatch(/only http and https/);
    const unknown = await api.run(ADD_SOURCE, { input: { url: testUrl('unknown-publisher'), title: 'x', publisher: `${RUN}-nobody` } }, CURATOR);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toContain(`no publisher has the id "${RUN}-nobody"`);
    const empty = await api.run(ADD_SOURCE, { input: { url: testUrl('empty'), title: '  ', publisher } }, CURATOR);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [n] = await cypher<{ n: number }>('MATCH (s:Source) WHERE s.url IN $urls RETURN count(s) AS n', { urls: [testUrl('unknown-publisher'), testUrl('empty')] });
    expect(n!.n).toBe(0);
  });

  it('refuses a request without an actor (UNAUTHENTICATED) or with a reader (FORBIDDEN)', async () => {
    const anonymous = await api.run(ADD_SOURCE, { input: { url: testUrl('anon'), title: 'x', publisher } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await api.run(ADD_SOURCE, { input: { url: testUrl('anon'), title: 'x', publisher } }, { subject: 'r', role: 'reader' });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [n] = await cypher<{ n: number }>('MATCH (s:Source {url: $url}) RETURN count(s) AS n', { url: testUrl('anon') });
    expect(n!.n).toBe(0);
  });
});

describe('addEstimate (in process)', () => {
  it('adds an estimate with its sources, and the incident\'s best value follows in the same transaction', async () => {
    const s = await addSource('estimate-source');
    const r = await api.run(ADD_ESTIMATE, { input: {
      incident, metric: 'AFFECTED', value: 1200, unit: 'accounts', qualifier: 'ABOUT', asOf: '2026-11',
      sources: [{ id: s.source.id, attribution: 'according to the test', about: ['value'] }],
    } }, CURATOR);
    expect(r.errors).toBeUndefined();
    const e = r.data.addEstimate;
    expect(e.estimate).toMatchObject({ value: 1200, unit: 'accounts', metric: 'AFFECTED', qualifier: 'ABOUT', isBest: true, asOf: { iso: '2026-11' },
      sources: [{ source: { id: s.source.id }, attribution: 'according to the test', about: ['value'] }] });
    expect(e.change).toMatchObject({ operation: 'ADD_ESTIMATE', actor: { subject: CURATOR.subject }, sources: [{ id: s.source.id }] });
    expect(e.change.entities).toEqual([incident, e.estimate.id].sort());
    const read = await api.run(`query($id: ID!) { incident(id: $id) { accountsAffected { id value } } }`, { id: incident });
    expect(read.data.incident.accountsAffected).toEqual({ id: e.estimate.id, value: 1200 });
    // A later figure replaces it as the best value; the first is no longer best.
    const later = await api.run(ADD_ESTIMATE, { input: { incident, metric: 'AFFECTED', value: 2.5e6, unit: 'accounts', asOf: '2026-12-01', sources: [{ id: s.source.id }] } }, CURATOR);
    expect(later.errors).toBeUndefined();
    const again = await api.run(`query($id: ID!) { incident(id: $id) { accountsAffected { id value } estimates { id isBest } } }`, { id: incident });
    expect(again.data.incident.accountsAffected).toEqual({ id: later.data.addEstimate.estimate.id, value: 2500000 });
    expect(again.data.incident.estimates).toContainEqual({ id: e.estimate.id, isBest: false });
  });

  it('refuses an estimate without a source, or naming an unknown incident or source, and writes nothing', async () => {
    const s = await addSource('refused');
    const before = await cypher<{ n: number }>('MATCH (:Incident {id: $incident})-[:HAS_ESTIMATE]->(e) RETURN count(e) AS n', { incident });
    const none = await api.run(ADD_ESTIMATE, { input: { incident, metric: 'AFFECTED', value: 5, unit: 'accounts', sources: [] } }, CURATOR);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.message).toContain('at least one source');
    const noIncident = await api.run(ADD_ESTIMATE, { input: { incident: `${RUN}-no-such-incident`, metric: 'AFFECTED', value: 5, unit: 'accounts', sources: [{ id: s.source.id }] } }, CURATOR);
    expect(noIncident.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noIncident.errors?.[0]?.message).toContain(`input.incident: no incident has the id "${RUN}-no-such-incident"`);
    const noSource = await api.run(ADD_ESTIMATE, { input: { incident, metric: 'AFFECTED', value: 5, unit: 'accounts', sources: [{ id: s.source.id }, { id: `${RUN}-no-such-source` }] } }, CURATOR);
    expect(noSource.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noSource.errors?.[0]?.message).toContain(`input.sources.id: no source has the id "${RUN}-no-such-source"`);
    const negative = await api.run(ADD_ESTIMATE, { input: { incident, metric: 'AFFECTED', value: -1, unit: 'accounts', sources: [{ id: s.source.id }] } }, CURATOR);
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await cypher<{ n: number }>('MATCH (:Incident {id: $incident})-[:HAS_ESTIMATE]->(e) RETURN count(e) AS n', { incident });
    expect(after).toEqual(before);
    const [changes] = await cypher<{ n: number }>("MATCH (c:Change {operation: 'ADD_ESTIMATE'})-[:CITED]->(:Source {id: $s}) RETURN count(c) AS n", { s: s.source.id });
    expect(changes!.n).toBe(0);
  });
});

describe('history and changes (in process)', () => {
  it('history lists the changes of an incident and its estimates, newest first, with actor and sources, paged by signed cursors', async () => {
    const { incident: own } = await fixtures('history');
    const s = await addSource('history-source');
    const ids: string[] = [];
    for (const value of [10, 20, 30]) {
      const r = await api.run(ADD_ESTIMATE, { input: { incident: own, metric: 'RECORDS_EXPOSED', value, unit: 'records', sources: [{ id: s.source.id }] } }, CURATOR);
      expect(r.errors).toBeUndefined();
      ids.push(r.data.addEstimate.change.id);
    }
    const HISTORY = `query($id: ID!, $after: String) { history(id: $id, first: 2, after: $after) {
      edges { cursor node { id at operation actor { subject role } sources { id } } } pageInfo { hasNextPage endCursor } } }`;
    const p1 = await api.run(HISTORY, { id: own });
    expect(p1.errors).toBeUndefined();
    expect(p1.data.history.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(p1.data.history.edges[0].node).toMatchObject({ operation: 'ADD_ESTIMATE', actor: { subject: CURATOR.subject, role: 'curator' }, sources: [{ id: s.source.id }] });
    expect(p1.data.history.pageInfo.hasNextPage).toBe(true);
    const p2 = await api.run(HISTORY, { id: own, after: p1.data.history.pageInfo.endCursor });
    expect(p2.data.history.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(p2.data.history.pageInfo.hasNextPage).toBe(false);
    const forged = await api.run(HISTORY, { id: own, after: 'x.y' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await api.run(HISTORY, { id: `${RUN}-nothing` });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The source's own history: the change that added it.
    const source = await api.run(`query($id: ID!) { history(id: $id) { edges { node { operation } } } }`, { id: s.source.id });
    expect(source.data.history.edges).toEqual([{ node: { operation: 'ADD_SOURCE' } }]);
    // The feed: oldest first from `since`, the three estimates in order.
    const since = p2.data.history.edges[0].node.at;
    const feed = await api.run(`query($since: String!) { changes(since: $since, first: 100) { edges { node { id } } } }`, { since });
    const feedIds = feed.data.changes.edges.map((e: any) => e.node.id).filter((x: string) => ids.includes(x));
    expect(feedIds).toEqual(ids);
    const badSince = await api.run(`{ changes(since: "yesterday") { edges { cursor } } }`);
    expect(badSince.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
