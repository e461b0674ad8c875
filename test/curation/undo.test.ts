import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, cypher, fixtures, inProcess, RUN, testUrl } from './fixtures.js';

// retract, revertChange, mergeEntities and Idempotency-Key, in process with actors in the context.
const ALICE = { subject: `${RUN}-alice`, role: 'curator', tokenId: null };
const BOB = { subject: `${RUN}-bob`, role: 'curator', tokenId: null };
const ADMIN = { subject: `${RUN}-admin`, role: 'admin', tokenId: null };

let api: Awaited<ReturnType<typeof inProcess>>;
let publisher: string;
let source: string;

beforeAll(async () => {
  api = await inProcess();
  ({ publisher } = await fixtures('undo'));
  const s = await ok(`mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }`,
    { input: { url: testUrl('undo-source'), title: 'Undo source', publisher } }, ALICE);
  source = s.addSource.source.id;
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

/** A lookup of a node that is gone: null, with NOT_FOUND at its path. */
async function gone(query: string, variables: Record<string, unknown>, actor: Record<string, unknown>, field: string) {
  const r = await api.run(query, variables, actor);
  expect(r.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([[field, 'NOT_FOUND']]);
  return (r.data as Record<string, unknown>)[field];
}

async function ok(query: string, variables: Record<string, unknown>, actor: Record<string, unknown>, key?: string) {
  const r = await api.run(query, variables, actor, key);
  expect(r.errors).toBeUndefined();
  return r.data;
}

const CREATE = `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { incident { id title version } change { id } } }`;
const ESTIMATE = `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id } change { id } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateIncidentInput!) { updateIncident(id: $id, expectedVersion: $v, input: $input) { incident { title version } change { id } } }`;
const RETRACT = `mutation($id: ID!, $reason: String!, $sources: [SourceRefInput!]!) { retract(id: $id, reason: $reason, sources: $sources) { id change { id operation reason properties { entity property before after } links { from type to } } } }`;
const REVERT = `mutation($id: ID!) { revertChange(id: $id) { change { id operation revertOf } } }`;
const MERGE = `mutation($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge, reason: "the same breach") { kept { id } change { id operation } } }`;
const READ = `query($id: ID!) { incident(id: $id) { id title accountsAffected { id value } estimates { id } } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { edges { node { id operation actor { subject role } revertOf } } } }`;

async function incident(name: string, actor = ALICE) {
  const d = await ok(CREATE, { input: { title: `${RUN} ${name}`, kind: 'DATA_BREACH', sources: [{ id: source }] } }, actor);
  return d.createIncident.incident.id as string;
}
async function estimate(of: string, value: number, asOf: string, actor = ALICE) {
  const d = await ok(ESTIMATE, { input: { incident: of, metric: 'AFFECTED', value, unit: 'accounts', asOf, sources: [{ id: source }] } }, actor);
  return { id: d.addEstimate.estimate.id as string, change: d.addEstimate.change.id as string };
}

describe('retract', () => {
  it('takes an estimate out of reads, chooses the best value again, keeps it in the history; another curator may not, its author may', async () => {
    const i = await incident('retract estimate');
    expect(i.startsWith(RUN)).toBe(true);
    const first = await estimate(i, 4500, '2025-11-20');
    const second = await estimate(i, 33_700_000, '2025-11-29');
    expect((await ok(READ, { id: i }, ALICE)).incident.accountsAffected).toEqual({ id: second.id, value: 33_700_000 });

    const bob = await api.run(RETRACT, { id: second.id, reason: 'wrong figure', sources: [{ id: source }] }, BOB);
    expect(bob.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noSource = await api.run(RETRACT, { id: second.id, reason: 'wrong figure', sources: [] }, ALICE);
    expect(noSource.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const r = (await ok(RETRACT, { id: second.id, reason: 'wrong figure', sources: [{ id: source }] }, ALICE)).retract;
    expect(r.change).toMatchObject({ operation: 'RETRACT', reason: 'wrong figure' });
    const labels = r.change.properties.find((p: { property: string }) => p.property === '_labels');
    expect(labels.entity).toBe(second.id);
    expect(JSON.parse(labels.before).sort()).toEqual(['Entity', 'Estimate']);
    expect(JSON.parse(labels.after)).toEqual(['Retracted']);
    expect(r.change.links).toContainEqual({ from: i, type: 'HAS_ESTIMATE', to: second.id });
    const after = (await ok(READ, { id: i }, ALICE)).incident;
    expect(after.estimates.map((e: { id: string }) => e.id)).toEqual([first.id]);
    expect(after.accountsAffected).toEqual({ id: first.id, value: 4500 });
    expect(await gone(`query($id: ID!) { node(id: $id) { id } }`, { id: second.id }, ALICE, 'node')).toBeNull();
    const history = (await ok(HISTORY, { id: second.id }, ALICE)).history.edges.map((e: any) => e.node.operation);
    expect(history).toEqual(['RETRACT', 'ADD_ESTIMATE']);
  });

  it('an incident goes with its estimates; a source facts rest on is refused, naming them; reference data is refused', async () => {
    const i = await incident('retract incident');
    const e = await estimate(i, 10, '2025');
    const refused = await api.run(RETRACT, { id: source, reason: 'x', sources: [{ id: source }] }, ADMIN);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/facts resting on it/);
    const country = await api.run(RETRACT, { id: 'KR', reason: 'x', sources: [{ id: source }] }, ADMIN);
    expect(country.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await ok(RETRACT, { id: i, reason: 'not a breach', sources: [{ id: source }] }, ALICE);
    expect(await gone(READ, { id: i }, ALICE, 'incident')).toBeNull();
    const [n] = await cypher<{ labels: string[] }>('MATCH (n {id: $id}) RETURN labels(n) AS labels', { id: e.id });
    expect(n!.labels).toEqual(['Retracted']);
  });
});

describe('revertChange', () => {
  it('undoes a retraction (the estimate and its best value come back), and is itself a change; curators may not', async () => {
    const i = await incident('revert retract');
    await estimate(i, 4500, '2025-11-20');
    const second = await estimate(i, 33_700_000, '2025-11-29');
    const retracted = (await ok(RETRACT, { id: second.id, reason: 'oops', sources: [{ id: source }] }, ALICE)).retract.change.id;
    const byCurator = await api.run(REVERT, { id: retracted }, ALICE);
    expect(byCurator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const revert = (await ok(REVERT, { id: retracted }, ADMIN)).revertChange.change;
    expect(revert).toMatchObject({ operation: 'REVERT', revertOf: retracted });
    const back = (await ok(READ, { id: i }, ALICE)).incident;
    expect(back.accountsAffected).toEqual({ id: second.id, value: 33_700_000 });
    expect(back.estimates).toHaveLength(2);
    const ops = (await ok(HISTORY, { id: second.id }, ALICE)).history.edges.map((e: any) => e.node.operation);
    expect(ops).toEqual(['REVERT', 'RETRACT', 'ADD_ESTIMATE']);
  });

  it('sets properties back; a later change of the same property makes it CONFLICT (naming it); reverting the later one first works', async () => {
    const i = await incident('revert update');
    const one = (await ok(UPDATE, { id: i, v: 0, input: { title: `${RUN} title one`, sources: [{ id: source }] } }, ALICE)).updateIncident.change.id;
    const two = (await ok(UPDATE, { id: i, v: 1, input: { title: `${RUN} title two`, sources: [{ id: source }] } }, ALICE)).updateIncident.change.id;
    const refused = await api.run(REVERT, { id: one }, ADMIN);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', laterChanges: [two] });
    await ok(REVERT, { id: two }, ADMIN);
    expect((await ok(READ, { id: i }, ALICE)).incident.title).toBe(`${RUN} title one`);
    await ok(REVERT, { id: one }, ADMIN);
    expect((await ok(READ, { id: i }, ALICE)).incident.title).toBe(`${RUN} revert update`);
  });

  it('undoing an addition retracts what it added; a value changed outside the history is a CONFLICT and nothing is written', async () => {
    const i = await incident('revert add');
    const e = await estimate(i, 77, '2024');
    await ok(REVERT, { id: e.change }, ADMIN);
    expect((await ok(READ, { id: i }, ALICE)).incident.estimates).toEqual([]);

    const u = (await ok(UPDATE, { id: i, v: 0, input: { title: `${RUN} curated`, sources: [{ id: source }] } }, ALICE)).updateIncident.change.id;
    await cypher('MATCH (n:Incident {id: $id}) SET n.title = $t', { id: i, t: `${RUN} edited by hand` });
    const [before] = await cypher<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n');
    const drifted = await api.run(REVERT, { id: u }, ADMIN);
    expect(drifted.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const [after] = await cypher<{ n: number }>('MATCH (c:Change) WHERE c.revertOf = $u RETURN count(c) AS n', { u });
    expect(after!.n).toBe(0);
    expect(before!.n).toBeGreaterThan(0);
    expect((await api.run(REVERT, { id: `${RUN}-no-such-change` }, ADMIN)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('mergeEntities', () => {
  it('moves relationships to the kept node, answers the merged id with it, lists the merge in both histories; revert splits them again', async () => {
    const keep = await incident('merge keep');
    const merge = await incident('merge other');
    const k = await estimate(keep, 100, '2025-01');
    const m = await estimate(merge, 200, '2025-02');
    const byCurator = await api.run(MERGE, { keep, merge }, ALICE);
    expect(byCurator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notSameType = await api.run(MERGE, { keep, merge: source }, ADMIN);
    expect(notSameType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const merged = (await ok(MERGE, { keep, merge }, ADMIN)).mergeEntities;
    expect(merged.kept.id).toBe(keep);
    const read = (await ok(READ, { id: keep }, ALICE)).incident;
    expect(read.estimates.map((e: { id: string }) => e.id).sort()).toEqual([k.id, m.id].sort());
    expect(read.accountsAffected).toEqual({ id: m.id, value: 200 });
    expect((await ok(READ, { id: merge }, ALICE)).incident.id).toBe(keep);
    expect((await ok(`query($id: ID!) { node(id: $id) { id } }`, { id: merge }, ALICE)).node.id).toBe(keep);
    expect((await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [merge, keep] }, ALICE)).nodes).toEqual([{ id: keep }, { id: keep }]);
    expect((await ok(HISTORY, { id: merge }, ALICE)).history.edges[0].node.operation).toBe('MERGE_ENTITIES');

    await ok(REVERT, { id: merged.change.id }, ADMIN);
    expect((await ok(READ, { id: merge }, ALICE)).incident).toMatchObject({ id: merge, estimates: [{ id: m.id }] });
    expect((await ok(READ, { id: keep }, ALICE)).incident).toMatchObject({ estimates: [{ id: k.id }], accountsAffected: { id: k.id, value: 100 } });
  });
});

describe('Idempotency-Key', () => {
  it('the same mutation sent again with the same key returns the first result and writes once; other arguments with it are refused', async () => {
    const i = await incident('idempotent');
    const key = randomUUID();
    const input = { incident: i, metric: 'AFFECTED', value: 5, unit: 'accounts', sources: [{ id: source }] };
    const first = (await ok(ESTIMATE, { input }, ALICE, key)).addEstimate;
    const again = (await ok(ESTIMATE, { input }, ALICE, key)).addEstimate;
    expect(again).toEqual(first);
    expect((await ok(READ, { id: i }, ALICE)).incident.estimates).toHaveLength(1);
    const other = await api.run(ESTIMATE, { input: { ...input, value: 6 } }, ALICE, key);
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Another identity's key is its own.
    const bobs = (await ok(ESTIMATE, { input }, BOB, key)).addEstimate;
    expect(bobs.estimate.id).not.toBe(first.estimate.id);
    // Five sent at once with one key: one write, five equal answers.
    const key2 = randomUUID();
    const all = await Promise.all(Array.from({ length: 5 }, () => api.run(ESTIMATE, { input: { ...input, value: 9 } }, ALICE, key2)));
    for (const r of all) expect(r.errors).toBeUndefined();
    expect(new Set(all.map((r) => r.data!.addEstimate.change.id)).size).toBe(1);
    const [n] = await cypher<{ n: number }>('MATCH (:Incident {id: $i})-[:HAS_ESTIMATE]->(e) WHERE e.value = 9 RETURN count(e) AS n', { i });
    expect(n!.n).toBe(1);
  });
});
