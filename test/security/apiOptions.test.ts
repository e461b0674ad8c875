import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSigningKey, signDevToken } from '../../src/auth/devKey.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../src/auth/options.js';
import { loadExamples } from '../../src/server/ide.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';

const TOKEN = 'q'.repeat(40);

async function post(url: string, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...(await res.json() as { data?: any; errors?: any[]; extensions?: any }) };
}

describe('a production-like server: trusted documents only, no introspection, no query statistics for anonymous clients', () => {
  let own: OwnServer;
  // A development key of this file's own, as `npm run token` signs with.
  const dir = mkdtempSync(join(tmpdir(), 'trusted-keys-'));
  const keyFile = join(dir, 'dev-signing-key.json');
  beforeAll(async () => {
    own = await startOwnServer({
      trustedDocuments: true, introspection: false, queryStats: { always: false, token: TOKEN },
      auth: { readAccess: 'public', jwt: { issuer: DEV_ISSUER, audience: [DEV_AUDIENCE], keys: { kind: 'dev', file: keyFile }, algorithms: ['ES256'], rolesClaim: 'roles', clockToleranceS: 30 } },
    });
  });
  afterAll(async () => {
    await own?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an IDE example runs, in any layout', async () => {
    const example = loadExamples().find((e) => e.name === 'incidents')!;
    const r = await post(own.url, example.query);
    expect(r.errors).toBeUndefined();
    const relaid = await post(own.url, example.query.replace(/#[^\n]*/g, '').replace(/\s+/g, '  '));
    expect(relaid.errors).toBeUndefined();
  });

  it('any other text is refused with TRUSTED_DOCUMENT_REQUIRED before Neo4j', async () => {
    const r = await post(own.url, 'query Mine { company(id: "coupang") { name } }', { 'x-query-stats': TOKEN });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(r.errors?.[0]?.message).toMatch(/Mine is not one of them/);
    expect(r.extensions?.neo4j?.queries ?? 0).toBe(0);
  });

  it('a client with an identity (a reader token) sends free-form queries', async () => {
    const token = await signDevToken(await devSigningKey(keyFile), { subject: 'analyst', role: 'reader', rolesClaim: 'roles', ttlS: 600 });
    const r = await post(own.url, 'query Mine { company(id: "coupang") { name } }', { authorization: `Bearer ${token}` });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ company: { name: 'Coupang' } });
  });

  it('extensions.neo4j only for a client that sends the token (anonymous clients learned which shapes are slow)', async () => {
    const example = loadExamples().find((e) => e.name === 'incidents')!.query;
    expect((await post(own.url, example)).extensions?.neo4j).toBeUndefined();
    expect((await post(own.url, example, { 'x-query-stats': 'wrong'.padEnd(40, 'x') })).extensions?.neo4j).toBeUndefined();
    expect((await post(own.url, example, { 'x-query-stats': TOKEN })).extensions?.neo4j?.queries).toBe(1);
  });

  it('INTROSPECTION=false: __schema is refused', async () => {
    const r = await post(own.url, '{ __schema { queryType { name } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
