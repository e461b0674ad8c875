import type { Response } from 'express';
import { expect, it } from 'vitest';
import { DatabaseUnavailable, QueryDeadlineExceeded } from '../../src/graph/faults.js';
import { answerFault, type Refuse } from '../../src/server/readAccess.js';
import { buildBundle, type IncidentRow } from '../../src/stix/bundle.js';
import { stixId } from '../../src/stix/ids.js';
import { checkBundle } from '../../src/stix/parse.js';
import { planBundle } from '../../src/stix/plan.js';
import { GRAPH_EXTENSION, GRAPH_IDENTITY, UNKNOWN_TIME } from '../../src/stix/vocab.js';

// The mapping and the import's checks without a database: a small incident row as
// cypher/stix/incident.cypher returns it.
const T1 = '2025-12-01T10:00:00.000Z';
const T2 = '2025-12-02T11:30:00.000Z';
const node = (id: string, labels: string[], props: Record<string, unknown>, times: string[] = [], sourced: string[] = []) =>
  ({ id, labels: [...labels, 'Entity'], props: { id, ...props }, times, sourced: sourced.map((source) => ({ source, props: { claim: 'general' } })) });
const row: IncidentRow = {
  nodes: [
    node('i1', ['Incident'], { title: 'A breach', summary: 'What happened', accessStart: '2025-04', sortTitle: 'a breach', accountsAffected: 5 }, [T2, T1], ['s1']),
    node('c1', ['Company'], { name: 'Acme', sector: 'Telecommunications', aliases: [] }, [T1], ['s1']),
    node('a1', ['Authority'], { name: 'Regulator' }),
    node('v1', ['Investigation'], { title: 'Probe', status: 'OPEN' }, [T1], ['s1']),
    node('f1', ['Fine'], { kind: 'ADMINISTRATIVE_FINE', amount: '10', currency: 'EUR' }, [T1], ['s1']),
    node('r1', ['FineReport'], { amount: '10', currency: 'EUR', isBest: true }, [T1], ['s1']),
    node('e1', ['Estimate'], { metric: 'AFFECTED', value: 5, unit: 'accounts' }, [T1], ['s1']),
  ],
  links: [
    { type: 'AFFECTED', from: 'i1', to: 'c1', props: {} },
    { type: 'CONDUCTS', from: 'a1', to: 'v1', props: {} },
    { type: 'IMPOSED', from: 'a1', to: 'f1', props: {} },
    { type: 'AGAINST', from: 'f1', to: 'c1', props: {} },
    { type: 'RESULTED_IN', from: 'v1', to: 'f1', props: {} },
    { type: 'REPORTED_AS', from: 'f1', to: 'r1', props: {} },
  ],
  similar: [],
  countries: [{ node: 'i1', country: 'KR' }],
  categories: [],
  sources: [{ id: 's1', props: { id: 's1', url: 'https://example.org/a', publishedOn: '2025-12-01', title: 'An article' }, times: [T1], publisher: { id: 'p1', props: { name: 'Example' }, times: [] } }],
};

it('maps an incident\'s subgraph to STIX objects with UUIDv5 ids, the recorded times, and the facts in the extension without derived values', () => {
  const b = buildBundle('i1', row);
  const byType = (t: string) => b.objects.filter((o) => o.type === t);
  const incident = byType('incident')[0]!;
  expect(incident).toMatchObject({ id: stixId('incident', 'i1'), name: 'A breach', description: 'What happened', created: T1, modified: T2, created_by_ref: GRAPH_IDENTITY });
  const ext = (incident.extensions as Record<string, any>)[GRAPH_EXTENSION];
  expect(ext.properties).toEqual({ access_start: '2025-04', summary: 'What happened', title: 'A breach' });
  expect(ext.fines[0]).toMatchObject({ graph_id: 'f1', properties: { kind: 'ADMINISTRATIVE_FINE' }, authority_refs: [stixId('identity', 'a1')], company_refs: [stixId('identity', 'c1')], investigation_ids: ['v1'] });
  expect(ext.fines[0].reports[0].properties).toEqual({ amount: '10', currency: 'EUR' });
  expect(byType('identity').find((o) => o.id === stixId('identity', 'c1'))).toMatchObject({ sectors: ['telecommunications'], identity_class: 'organization' });
  // A node no change wrote: the unknown time, not another node's.
  expect(byType('identity').find((o) => o.id === stixId('identity', 'a1'))).toMatchObject({ created: UNKNOWN_TIME, modified: UNKNOWN_TIME });
  expect(byType('report')[0]).toMatchObject({ name: 'An article', published: '2025-12-01T00:00:00.000Z', external_references: [{ source_name: 'Example', url: 'https://example.org/a' }] });
  expect(byType('relationship').map((r) => r.relationship_type).sort()).toEqual(['investigates', 'targets']);
  expect(b.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
  expect(JSON.stringify(b)).not.toContain('[]');
});

it('the import\'s plan of an exported bundle gives back the nodes, their facts and their links', () => {
  const plan = planBundle(buildBundle('i1', row));
  expect(plan.nodes.map((n) => `${n.label}:${n.id}`).sort()).toEqual(
    ['Authority:a1', 'Company:c1', 'Estimate:e1', 'Fine:f1', 'FineReport:r1', 'Incident:i1', 'Investigation:v1', 'Publisher:p1', 'Source:s1']);
  expect(plan.nodes.find((n) => n.id === 'i1')!.props).toEqual({ accessStart: '2025-04', summary: 'What happened', title: 'A breach' });
  const links = plan.links.map((l) => `${l.from}-${l.type}->${l.to}`);
  expect(links).toEqual(expect.arrayContaining(['i1-AFFECTED->c1', 'a1-CONDUCTS->v1', 'v1-INTO->i1', 'a1-IMPOSED->f1', 'f1-AGAINST->c1',
    'v1-RESULTED_IN->f1', 'f1-REPORTED_AS->r1', 'i1-HAS_ESTIMATE->e1', 'f1-FOR_INCIDENT->i1', 's1-PUBLISHED_BY->p1', 'i1-SOURCED_FROM->s1']));
  expect(plan.references).toEqual([{ type: 'IN_COUNTRY', from: 'i1', to: 'KR' }]);
});

it('checks a bundle whole: each problem names the object\'s index and id', () => {
  const ok = buildBundle('i1', row);
  expect(checkBundle(ok).problems).toEqual([]);
  const bad = structuredClone(ok);
  const k = bad.objects.findIndex((o) => o.type === 'incident');
  bad.objects[k]!.spec_version = '2.0';
  bad.objects.push({ type: 'indicator', id: 'indicator--11111111-1111-4111-8111-111111111111', spec_version: '2.1' });
  const rel = bad.objects.findIndex((o) => o.type === 'relationship');
  bad.objects[rel]!.source_ref = 'identity--33333333-3333-4333-8333-333333333333';
  const { bundle, problems } = checkBundle(bad);
  expect(bundle).toBeNull();
  expect(problems).toEqual([
    { index: k, id: bad.objects[k]!.id, message: 'spec_version must be "2.1", not "2.0"' },
    { index: bad.objects.length - 1, id: 'indicator--11111111-1111-4111-8111-111111111111', message: expect.stringMatching(/^type "indicator" is not one this graph imports/) },
    { index: rel, id: bad.objects[rel]!.id, message: 'source_ref names identity--33333333-3333-4333-8333-333333333333, which is not in the bundle' },
  ]);
  expect(checkBundle({ type: 'bundle', id: 'bundle--x', objects: [] }).problems.map((p) => p.message)).toEqual([
    'the bundle\'s id must be bundle--<UUID>, not "bundle--x"', 'the bundle has no objects']);
  expect(checkBundle([1, 2]).problems[0]!.message).toBe('not a STIX bundle (its type must be "bundle")');
});

it('a database fault of /stix or /taxii2 is a 503 or 504 in the route\'s own error form, not a 500', () => {
  const sent: { status?: number; code?: string; headers: Record<string, string> } = { headers: {} };
  const res = { set: (k: string, v: string) => { sent.headers[k] = v; return res; } } as unknown as Response;
  const refuse: Refuse = (_res, status, title) => { sent.status = status; sent.code = title; };
  expect(answerFault(res, refuse, new DatabaseUnavailable('unreachable'))).toBe(true);
  expect([sent.status, sent.code, sent.headers['Retry-After']]).toEqual([503, 'SERVICE_UNAVAILABLE', '5']);
  expect(answerFault(res, refuse, new QueryDeadlineExceeded(1000))).toBe(true);
  expect([sent.status, sent.code]).toEqual([504, 'QUERY_TIMEOUT']);
  expect(answerFault(res, refuse, new Error('a bug'))).toBe(false);
});
