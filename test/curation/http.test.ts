import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSigningKey, signDevToken } from '../../src/auth/devKey.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../src/auth/options.js';
import type { Role } from '../../src/auth/roles.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';
import { cleanUp, cypher, fixtures, RUN, testUrl } from './fixtures.js';

// A server of this file's own that trusts a development key of this file's own, as `npm run token` signs.
const dir = mkdtempSync(join(tmpdir(), 'curation-keys-'));
const keyFile = join(dir, 'dev-signing-key.json');
let server: OwnServer;
let incident: string;
let publisher: string;

beforeAll(async () => {
  server = await startOwnServer({
    auth: { readAccess: 'public', jwt: { issuer: DEV_ISSUER, audience: [DEV_AUDIENCE], keys: { kind: 'dev', file: keyFile }, algorithms: ['ES256'], rolesClaim: 'roles', clockToleranceS: 30 } },
  });
  ({ incident, publisher } = await fixtures('http'));
});

afterAll(async () => {
  await cleanUp();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function token(role: Role, subject: string): Promise<string> {
  return signDevToken(await devSigningKey(keyFile), { subject, role, rolesClaim: 'roles', ttlS: 600 });
}

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, requestId: res.headers.get('x-request-id'), ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
}

const ADD_SOURCE = 'mutation($input: AddSourceInput!) { addSource(input: $input) { created source { id url } change { id } } }';
const ADD_ESTIMATE = 'mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id value isBest } change { id } } }';

describe('curators write over HTTP with a token', () => {
  it('anonymous: UNAUTHENTICATED (401); a reader: FORBIDDEN (403); nothing written', async () => {
    const input = { url: testUrl('refused'), title: 'Refused', publisher };
    const anonymous = await post(ADD_SOURCE, { input });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await post(ADD_SOURCE, { input }, { authorization: `Bearer ${await token('reader', `${RUN}-reader`)}` });
    expect(reader.status).toBe(403);
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await cypher('MATCH (s:Source {url: $url}) RETURN s', { url: testUrl('refused') })).toEqual([]);
  });

  it('a curator adds a source and an estimate; each reads back through the API, and history names the curator, the request and the sources', async () => {
    const auth = { authorization: `Bearer ${await token('curator', `${RUN}-carol`)}` };
    const s = await post(ADD_SOURCE, { input: { url: testUrl('http-source'), title: 'An HTTP report', publisher, publishedOn: '2026-12-01' } }, { ...auth, 'x-request-id': `${RUN}-req-1` });
    expect(s.errors).toBeUndefined();
    expect(s.data.addSource).toMatchObject({ created: true, source: { url: testUrl('http-source') } });
    const source = await post('query($id: ID!) { source(id: $id) { title publisher { id } publishedOn { iso } } }', { id: s.data.addSource.source.id });
    expect(source.data.source).toEqual({ title: 'An HTTP report', publisher: { id: publisher }, publishedOn: { iso: '2026-12-01' } });

    const e = await post(ADD_ESTIMATE, { input: { incident, metric: 'AFFECTED', value: 4321, unit: 'accounts', sources: [{ id: s.data.addSource.source.id }] } }, { ...auth, 'x-request-id': `${RUN}-req-2` });
    expect(e.errors).toBeUndefined();
    expect(e.data.addEstimate.estimate).toMatchObject({ value: 4321, isBest: true });
    const read = await post('query($id: ID!) { incident(id: $id) { accountsAffected { id value sources { source { id } } } } }', { id: incident });
    expect(read.data.incident.accountsAffected).toEqual({ id: e.data.addEstimate.estimate.id, value: 4321, sources: [{ source: { id: s.data.addSource.source.id } }] });

    const history = await post(`query($id: ID!) { history(id: $id) { edges { node { id operation actor { subject role } requestId entities sources { id title } } } } }`, { id: incident });
    expect(history.data.history.edges).toEqual([{ node: {
      id: e.data.addEstimate.change.id, operation: 'ADD_ESTIMATE', actor: { subject: `${RUN}-carol`, role: 'curator' }, requestId: `${RUN}-req-2`,
      entities: [incident, e.data.addEstimate.estimate.id].sort(), sources: [{ id: s.data.addSource.source.id, title: 'An HTTP report' }],
    } }]);
    const [stored] = await cypher<{ tokenId: string | null }>('MATCH (c:Change {id: $id}) RETURN c.actorTokenId AS tokenId', { id: e.data.addEstimate.change.id });
    expect(stored!.tokenId).toMatch(/^[0-9a-f-]{36}$/); // the token's jti
  });

  it('an admin may write too; a write without a source and a javascript: URL are BAD_USER_INPUT (400)', async () => {
    const auth = { authorization: `Bearer ${await token('admin', `${RUN}-root`)}` };
    const r = await post(ADD_ESTIMATE, { input: { incident, metric: 'AFFECTED', value: 1, unit: 'accounts', sources: [] } }, auth);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const js = await post(ADD_SOURCE, { input: { url: 'javascript:alert(1)', title: 'x', publisher } }, auth);
    expect(js.status).toBe(400);
    expect(js.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await post(ADD_SOURCE, { input: { url: testUrl('admin-source'), title: 'By an admin', publisher } }, auth);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.addSource.created).toBe(true);
  });
});
