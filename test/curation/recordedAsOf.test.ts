import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, cypher, fixtures, inProcess, RUN, testUrl } from './fixtures.js';

// recordedAsOf: the graph as this API had recorded it at an instant, from its change history
// (src/read/recordedAsOf.ts). A curator builds an incident step by step; each step's change gives
// an instant, and reads at those instants must answer as the graph stood then, and leave nothing
// behind (the read's transaction is rolled back).

const CURATOR = { subject: `${RUN}-recorded`, role: 'curator', tokenId: `${RUN}-token-recorded` };
const ADMIN = { subject: `${RUN}-recorded-admin`, role: 'admin', tokenId: null };

let api: Awaited<ReturnType<typeof inProcess>>;
let publisher: string;

/** The instants after each step, and the ids it made. */
const at: Record<string, string> = {};
let src: string;
let later: string;
let id: string;
let other: string;
let small: string;

beforeAll(async () => {
  api = await inProcess();
  ({ publisher } = await fixtures('recorded'));
  const add = await run(`mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } change { at } } }`,
    { input: { url: testUrl('recorded'), title: `Recorded report ${RUN}`, publisher, publishedOn: '2026-10-01' } });
  src = add.addSource.source.id;
  const add2 = await run(`mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } change { at } } }`,
    { input: { url: testUrl('recorded-later'), title: `Recorded later report ${RUN}`, publisher, publishedOn: '2026-10-20' } });
  later = add2.addSource.source.id;
  const create = `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { incident { id } change { at } } }`;
  const made = await run(create, { input: { title: `${RUN} quokkaleak first title`, kind: 'DATA_BREACH', disclosedOn: '2026-10-01', sources: [{ id: src }] } });
  id = made.createIncident.incident.id;
  at.created = made.createIncident.change.at;
  other = (await run(create, { input: { title: `${RUN} recorded other`, kind: 'DATA_BREACH', disclosedOn: '2026-10-01', sources: [{ id: src }] } })).createIncident.incident.id;
  const estimate = `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id } change { at } } }`;
  const first = await run(estimate, { input: { incident: id, metric: 'AFFECTED', value: 4500, unit: 'accounts', qualifier: 'EXACT', asOf: '2026-10-01', sources: [{ id: src }] } });
  small = first.addEstimate.estimate.id;
  at.small = first.addEstimate.change.at;
  const renamed = await run(`mutation($id: ID!, $input: UpdateIncidentInput!) { updateIncident(id: $id, expectedVersion: 0, input: $input) { change { at } } }`,
    { id, input: { title: `${RUN} wombatleak second title`, sources: [{ id: src }] } });
  at.renamed = renamed.updateIncident.change.at;
  const big = await run(estimate, { input: { incident: id, metric: 'AFFECTED', value: 33700000, unit: 'accounts', qualifier: 'ABOUT', asOf: '2026-10-19', reportedOn: '2026-10-20', sources: [{ id: later }] } });
  at.big = big.addEstimate.change.at;
  const linked = await run(`mutation($input: LinkIncidentsInput!) { linkIncidents(input: $input) { change { at } } }`,
    { input: { from: id, to: other, kind: 'SIMILAR', quote: 'follows a similar leak', sources: [{ id: later }] } });
  at.linked = linked.linkIncidents.change.at;
  const retracted = await run(`mutation($id: ID!, $sources: [SourceRefInput!]!) { retract(id: $id, reason: "misread", sources: $sources) { change { at } } }`,
    { id: small, sources: [{ id: later }] });
  at.retracted = retracted.retract.change.at;
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

async function run(query: string, variables: Record<string, unknown>, actor: Record<string, unknown> = CURATOR) {
  const r = await api.run(query, variables, actor);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const INCIDENT = `query($id: ID!, $r: String, $d: PartialDateString) {
  incident(id: $id, recordedAsOf: $r, asOf: $d) {
    title version accountsAffected { id value }
    estimatesConnection(first: 10) { edges { node { value } } }
    relatedIncidents { incident { id } }
  }
}`;

describe('recordedAsOf: the graph as it was recorded at an instant', () => {
  it('answers each step as it stood then, and the present as it stands', async () => {
    const read = async (r: string | null) => {
      const x = await api.run(INCIDENT, { id, r });
      expect(x.errors).toBeUndefined();
      const i = x.data!.incident;
      return i && { ...i, estimates: i.estimatesConnection.edges.map((e: { node: { value: number } }) => e.node), estimatesConnection: undefined };
    };
    const afterSmall = await read(at.small!);
    expect(afterSmall.title).toBe(`${RUN} quokkaleak first title`);
    expect(afterSmall.version).toBe(0);
    expect(afterSmall.accountsAffected).toEqual({ id: small, value: 4500 });
    expect(afterSmall.estimates).toEqual([{ value: 4500 }]);
    expect(afterSmall.relatedIncidents).toEqual([]);

    const afterRename = await read(at.renamed!);
    expect(afterRename.title).toBe(`${RUN} wombatleak second title`);
    expect(afterRename.version).toBe(1);
    expect(afterRename.accountsAffected.value).toBe(4500);

    // The larger figure recorded, the small one not yet retracted: the best value chosen among both.
    const afterLink = await read(at.linked!);
    expect(afterLink.accountsAffected.value).toBe(33700000);
    expect(afterLink.estimates.map((e: { value: number }) => e.value).sort((a: number, b: number) => a - b)).toEqual([4500, 33700000]);
    expect(afterLink.relatedIncidents).toEqual([{ incident: { id: other } }]);

    const now = await read(null);
    expect(now.estimates).toEqual([{ value: 33700000 }]);
    expect(await read(at.retracted!)).toEqual(now);
  });

  it('a fact created after the instant is not there: NOT_FOUND, as for an id that names nothing', async () => {
    const before = new Date(Date.parse(at.created!) - 1).toISOString();
    const r = await api.run(INCIDENT, { id, r: before });
    expect(r.data!.incident).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('search, lists and paths read the same state', async () => {
    const q = `query($q: String!, $r: String) { search(query: $q, recordedAsOf: $r) { totalCount } }`;
    const count = async (text: string, r: string | null) => {
      const x = await api.run(q, { q: text, r });
      expect(x.errors).toBeUndefined();
      return x.data!.search.totalCount;
    };
    expect(await count('quokkaleak', at.small!)).toBe(1);
    expect(await count('wombatleak', at.small!)).toBe(0);
    expect(await count('quokkaleak', null)).toBe(0);
    expect(await count('wombatleak', null)).toBe(1);

    const paths = `query($a: ID!, $b: ID!, $r: String) { paths(from: $a, to: $b, maxHops: 1, recordedAsOf: $r) { relationships { type } } }`;
    const walked = async (r: string | null) => (await api.run(paths, { a: id, b: other, r })).data!.paths;
    expect(await walked(at.big!)).toEqual([]);
    expect(await walked(at.linked!)).toEqual([{ relationships: [{ type: 'FOLLOWS_SIMILAR' }] }]);
  });

  it('combines with asOf: what had been made known by a day, as recorded at an instant', async () => {
    // The 4,500 estimate rests on the source of 2026-10-01; the larger one was reported on 2026-10-20.
    const read = async (r: string, d: string) => {
      const x = await api.run(INCIDENT, { id, r, d });
      expect(x.errors).toBeUndefined();
      return x.data!.incident.accountsAffected?.value ?? null;
    };
    expect(await read(at.linked!, '2026-10-10')).toBe(4500);
    expect(await read(at.linked!, '2026-10-25')).toBe(33700000);
    // Recorded after the retraction: as of 10 October nothing the graph still holds was known.
    expect(await read(at.retracted!, '2026-10-10')).toBeNull();
  });

  it('leaves nothing behind: the graph and its history as they were before the reads', async () => {
    const state = () => cypher<{ n: number; title: string; changes: number; estimates: number }>(`
      MATCH (i:Incident {id: $id})
      RETURN i.title AS title, i.accountsAffected AS n,
             COUNT { (i)<-[:CHANGED]-(:Change) } AS changes, COUNT { (i)-[:HAS_ESTIMATE]->(:Estimate) } AS estimates`, { id });
    const before = await state();
    await api.run(INCIDENT, { id, r: at.small });
    await api.run(INCIDENT, { id, r: new Date(Date.parse(at.created!) - 1).toISOString() });
    expect(await state()).toEqual(before);
    expect(before[0]!.title).toBe(`${RUN} wombatleak second title`);
    expect(await cypher(`MATCH (e:Retracted {id: $small}) RETURN e.id AS id`, { small })).toEqual([{ id: small }]);
  });

  it('refuses an instant it cannot answer: BAD_USER_INPUT naming recordedAsOf', async () => {
    const refused = async (r: unknown, query = INCIDENT) => {
      const x = await api.run(query, { id, r });
      expect(x.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(x.errors?.[0]?.extensions?.argumentName).toBe('recordedAsOf');
      return x.errors![0]!;
    };
    expect((await refused('2026-12-01')).message).toMatch(/ISO 8601 date-time/);
    expect((await refused('yesterday')).message).toMatch(/ISO 8601 date-time/);
    expect((await refused(new Date(Date.now() + 86_400_000).toISOString())).message).toMatch(/in the future/);
    const early = await refused('1970-01-01T00:00:00Z');
    expect(early.message).toMatch(/before this graph recorded anything/);
    expect(typeof early.extensions?.earliest).toBe('string');
    // Two root fields, two states: one operation reads one.
    const mixed = await refused(at.small, `query($id: ID!, $r: String) { a: incident(id: $id, recordedAsOf: $r) { id } b: incident(id: $id) { id } }`);
    expect(mixed.message).toMatch(/same recordedAsOf/);
  });

  it('a merge undone: before it, the merged node answers as itself with its own facts', async () => {
    const create = `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { incident { id } change { at } } }`;
    const keep = (await run(create, { input: { title: `${RUN} recorded keep`, kind: 'DATA_BREACH', sources: [{ id: src }] } })).createIncident.incident.id;
    const merge = (await run(create, { input: { title: `${RUN} recorded merge`, kind: 'DATA_BREACH', sources: [{ id: src }] } })).createIncident.incident.id;
    const e = await run(`mutation($input: AddEstimateInput!) { addEstimate(input: $input) { change { at } } }`,
      { input: { incident: merge, metric: 'AFFECTED', value: 200, unit: 'accounts', asOf: '2026-10-01', sources: [{ id: src }] } });
    await run(`mutation($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge, reason: "one breach") { kept { id } } }`, { keep, merge }, ADMIN);
    const q = `query($id: ID!, $r: String) { incident(id: $id, recordedAsOf: $r) { id title accountsAffected { value } } }`;
    const now = await api.run(q, { id: merge, r: null });
    expect(now.data!.incident).toEqual({ id: keep, title: `${RUN} recorded keep`, accountsAffected: { value: 200 } });
    const then = await api.run(q, { id: merge, r: e.addEstimate.change.at });
    expect(then.errors).toBeUndefined();
    expect(then.data!.incident).toEqual({ id: merge, title: `${RUN} recorded merge`, accountsAffected: { value: 200 } });
    const kept = await api.run(q, { id: keep, r: e.addEstimate.change.at });
    expect(kept.data!.incident).toEqual({ id: keep, title: `${RUN} recorded keep`, accountsAffected: null });
  });

  it('an instant more changes back than the server undoes for one read is BAD_USER_INPUT with the limit', async () => {
    // Six changes of this file alone came after at.created (other files' may add more).
    const strict = await inProcess({ RECORDED_AS_OF_MAX_CHANGES: '2' });
    try {
      const r = await strict.run(INCIDENT, { id, r: at.created });
      expect(r.data!.incident).toBeNull();
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'recordedAsOf', limit: 2 });
      expect(r.errors?.[0]?.message).toMatch(/more than 2 changes were recorded after/);
    } finally {
      await strict.close();
    }
    // The default limit answers the same instant.
    expect((await api.run(INCIDENT, { id, r: at.created })).errors).toBeUndefined();
  });

  it('two root fields at the same instant read the same state', async () => {
    const x = await api.run(`query($id: ID!, $o: ID!, $r: String) { a: incident(id: $id, recordedAsOf: $r) { title } b: incident(id: $o, recordedAsOf: $r) { title } }`,
      { id, o: other, r: at.small });
    expect(x.errors).toBeUndefined();
    expect(x.data).toEqual({ a: { title: `${RUN} quokkaleak first title` }, b: { title: `${RUN} recorded other` } });
  });
});
