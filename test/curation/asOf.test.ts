import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, fixtures, inProcess, RUN, testUrl } from './fixtures.js';

// A curator's writes give what they create the day it became known (knownOn) in the write's own
// statement (cypher/write/refresh.cypher), as a full run of seeds/99-derived-values.cypher would:
// a link a source states is walked from that source's publication on, a new estimate becomes the
// best value from the day it was reported. The days are before today, as asOf must be.

const CURATOR = { subject: `${RUN}-asof`, role: 'curator', tokenId: `${RUN}-token-asof` };

let api: Awaited<ReturnType<typeof inProcess>>;
let publisher: string;

beforeAll(async () => {
  api = await inProcess();
  ({ publisher } = await fixtures('asof'));
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

async function run(query: string, variables: Record<string, unknown>) {
  const r = await api.run(query, variables, CURATOR);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

async function source(name: string, publishedOn: string): Promise<string> {
  const d = await run(`mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }`,
    { input: { url: testUrl(name), title: `As-of report ${name}`, publisher, publishedOn } });
  return d.addSource.source.id;
}

async function incident(title: string, disclosedOn: string, src: string): Promise<string> {
  const d = await run(`mutation($input: CreateIncidentInput!) { createIncident(input: $input) { incident { id knownOn } } }`,
    { input: { title: `${RUN} ${title}`, kind: 'DATA_BREACH', disclosedOn, sources: [{ id: src }] } });
  // Disclosed the day its source was published: known from that day.
  expect(d.createIncident.incident.knownOn).toBe(disclosedOn);
  return d.createIncident.incident.id;
}

describe('curated writes, as known on a day', () => {
  it('a link is walked from its source\'s publication on, not before', async () => {
    const early = await source('early', '2026-10-05');
    const a = await incident('first', '2026-10-05', early);
    const b = await incident('second', '2026-10-05', early);
    const linkSource = await source('link', '2026-11-20');
    await run(`mutation($input: LinkIncidentsInput!) { linkIncidents(input: $input) { change { id } } }`,
      { input: { from: a, to: b, kind: 'SIMILAR', quote: 'follows a similar leak', sources: [{ id: linkSource }] } });
    const q = `query($a: ID!, $b: ID!, $d: PartialDateString) { paths(from: $a, to: $b, asOf: $d, maxHops: 1) { relationships { type } } }`;
    const before = await api.run(q, { a, b, d: '2026-11-19' });
    const after = await api.run(q, { a, b, d: '2026-11-20' });
    const now = await api.run(q, { a, b, d: null });
    expect(before.errors).toBeUndefined();
    expect(before.data!.paths).toEqual([]);
    expect(after.data!.paths).toEqual([{ relationships: [{ type: 'FOLLOWS_SIMILAR' }] }]);
    expect(now.data!.paths).toEqual(after.data!.paths);
  });

  it('estimates added later: the best value among those known on the day, and figureTimeline shows the change', async () => {
    const src = await source('figures', '2026-10-02');
    const id = await incident('figures', '2026-10-02', src);
    const add = `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id knownOn isBest } } }`;
    const first = await run(add, { input: { incident: id, metric: 'AFFECTED', value: 1000, unit: 'accounts', qualifier: 'EXACT', asOf: '2026-10-01', reportedOn: '2026-10-03', sources: [{ id: src }] } });
    const second = await run(add, { input: { incident: id, metric: 'AFFECTED', value: 250000, unit: 'accounts', qualifier: 'ABOUT', asOf: '2026-10-20', reportedOn: '2026-10-21', sources: [{ id: src }] } });
    expect(first.addEstimate.estimate.knownOn).toBe('2026-10-02'); // its source was published before it was reported
    expect(second.addEstimate.estimate.knownOn).toBe('2026-10-02');
    // Both rest on a source of 2 October: the graph counts both as known from then, and the later as-of date wins.
    const q = `query($id: ID!, $d: PartialDateString) { incident(id: $id, asOf: $d) { accountsAffected { value } figureTimeline { day value basis { rule compared } } } }`;
    const r = await api.run(q, { id, d: '2026-10-10' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.incident.accountsAffected.value).toBe(250000);
    expect(r.data!.incident.figureTimeline).toEqual([{ day: '2026-10-02', value: 250000, basis: { rule: 'LATEST_AS_OF', compared: 1 } }]);
  });

  it('a figure reported on its own later source counts from that source on', async () => {
    const early = await source('own-early', '2026-10-02');
    const late = await source('own-late', '2026-10-25');
    const id = await incident('own', '2026-10-02', early);
    const add = `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id knownOn } } }`;
    await run(add, { input: { incident: id, metric: 'AFFECTED', value: 1000, unit: 'accounts', qualifier: 'EXACT', reportedOn: '2026-10-03', sources: [{ id: early }] } });
    const later = await run(add, { input: { incident: id, metric: 'AFFECTED', value: 50000, unit: 'accounts', qualifier: 'EXACT', asOf: '2026-10-24', sources: [{ id: late }] } });
    expect(later.addEstimate.estimate.knownOn).toBe('2026-10-25');
    const q = `query($id: ID!, $d: PartialDateString) { incident(id: $id, asOf: $d) { accountsAffected { value } } }`;
    expect((await api.run(q, { id, d: '2026-10-24' })).data!.incident.accountsAffected.value).toBe(1000);
    expect((await api.run(q, { id, d: '2026-10-25' })).data!.incident.accountsAffected.value).toBe(50000);
    const t = await api.run(`query($id: ID!) { incident(id: $id) { figureTimeline { day value } } }`, { id });
    // The first was reported on 3 October, but its source was out on the 2nd: known from the 2nd.
    expect(t.data!.incident.figureTimeline).toEqual([{ day: '2026-10-02', value: 1000 }, { day: '2026-10-25', value: 50000 }]);
  });
});
