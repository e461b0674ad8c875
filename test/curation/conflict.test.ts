import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, cypher, fixtures, inProcess, RUN, testUrl } from './fixtures.js';

let api: Awaited<ReturnType<typeof inProcess>>;
let incident: string;
let source: string;
const curator = (n: number) => ({ subject: `${RUN}-curator-${n}`, role: 'curator', tokenId: `${RUN}-token-${n}` });

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateIncidentInput!) { updateIncident(id: $id, expectedVersion: $v, input: $input) {
  incident { id title summary version } change { id operation properties { property before after } } } }`;

beforeAll(async () => {
  api = await inProcess();
  let publisher: string;
  ({ incident, publisher } = await fixtures('conflict'));
  const s = await api.run('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
    { input: { url: testUrl('conflict'), title: 'Conflict source', publisher } }, curator(0));
  source = s.data.addSource.source.id;
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

describe('updateIncident and its version', () => {
  it('sets the title, records before and after, and counts the version', async () => {
    const { incident: own } = await fixtures('versioned');
    const r = await api.run(UPDATE, { id: own, v: 0, input: { title: 'A better title', sources: [{ id: source }] } }, curator(0));
    expect(r.errors).toBeUndefined();
    expect(r.data.updateIncident.incident).toMatchObject({ title: 'A better title', version: 1 });
    expect(r.data.updateIncident.change.properties).toEqual([
      { property: 'title', before: JSON.stringify(own), after: JSON.stringify('A better title') },
      { property: 'version', before: '0', after: '1' },
    ]);
    const read = await api.run('query($id: ID!) { incident(id: $id) { title version sources { source { id } } } }', { id: own });
    expect(read.data.incident).toEqual({ title: 'A better title', version: 1, sources: [{ source: { id: source } }] });
    const stale = await api.run(UPDATE, { id: own, v: 0, input: { summary: 'x', sources: [{ id: source }] } }, curator(1));
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1, expectedVersion: 0 });
    const [n] = await cypher<{ summary: string | null; version: number }>('MATCH (i:Incident {id: $id}) RETURN i.summary AS summary, i.version AS version', { id: own });
    expect(n).toEqual({ summary: null, version: 1 });
    const noSource = await api.run(UPDATE, { id: own, v: 1, input: { summary: 'x', sources: [] } }, curator(1));
    expect(noSource.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('20 curators updating one incident at once: one wins each version, stale writers get CONFLICT, and no update is lost', async () => {
    const curators = Array.from({ length: 20 }, (_, n) => n + 1);
    // All read version 0 and write at once: exactly one commits.
    const first = await Promise.all(curators.map((n) => api.run(UPDATE, { id: incident, v: 0, input: { summary: `by ${n}`, sources: [{ id: source }] } }, curator(n))));
    const won = first.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    for (const r of first.filter((x) => x.errors)) expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    // The losers read again and retry until each has committed: every update lands, one version each.
    const losers = curators.filter((_, i) => first[i]!.errors);
    await Promise.all(losers.map(async (n) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const [{ version }] = await cypher<{ version: number }>('MATCH (i:Incident {id: $id}) RETURN i.version AS version', { id: incident }) as [{ version: number }];
        const r = await api.run(UPDATE, { id: incident, v: version, input: { summary: `by ${n}`, sources: [{ id: source }] } }, curator(n));
        if (!r.errors) return;
        expect(r.errors[0]!.extensions?.code, r.errors[0]!.message).toBe('CONFLICT');
      }
      throw new Error(`curator ${n} never got its update in`);
    }));
    const [final] = await cypher<{ version: number }>('MATCH (i:Incident {id: $id}) RETURN i.version AS version', { id: incident });
    expect(final!.version).toBe(20);
    // The history is a chain: each change's "before" is the previous one's "after", versions 0 to 20.
    const h = await api.run('query($id: ID!) { history(id: $id, first: 100) { edges { node { actor { subject } properties { property before after } } } } }', { id: incident });
    const nodes = [...h.data.history.edges].reverse().map((e: any) => e.node);
    expect(nodes).toHaveLength(20);
    expect(new Set(nodes.map((c: any) => c.actor.subject)).size).toBe(20);
    nodes.forEach((c: any, i: number) => {
      expect(c.properties.find((p: any) => p.property === 'version')).toEqual({ property: 'version', before: String(i), after: String(i + 1) });
      if (i > 0) expect(c.properties.find((p: any) => p.property === 'summary').before).toBe(nodes[i - 1].properties.find((p: any) => p.property === 'summary').after);
    });
  }, 120_000);

  it('10 estimates added at once to one incident: the best value is the latest of them all, none left out', async () => {
    const { incident: own } = await fixtures('concurrent-estimates');
    const days = Array.from({ length: 10 }, (_, n) => n + 1);
    const results = await Promise.all(days.map((d) => api.run('mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id } } }', { input: {
      incident: own, metric: 'AFFECTED', value: d * 100, unit: 'accounts', asOf: `2026-11-${String(d).padStart(2, '0')}`, sources: [{ id: source }],
    } }, curator(d))));
    for (const r of results) expect(r.errors).toBeUndefined();
    const read = await api.run('query($id: ID!) { incident(id: $id) { accountsAffected { value } accountsAffectedBasis { rule compared } estimates { isBest } } }', { id: own });
    expect(read.data.incident.accountsAffected).toEqual({ value: 1000 });
    expect(read.data.incident.accountsAffectedBasis).toEqual({ rule: 'LATEST_AS_OF', compared: 9 });
    expect(read.data.incident.estimates.filter((e: any) => e.isBest)).toHaveLength(1);
  });
});
