import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';

// A real OpenID provider (oidc-provider, as an identity provider would run it) issues JWT access
// tokens with the client credentials grant and a resource indicator (the audience); the API is
// configured as an operator would (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_ROLES_CLAIM) and finds the
// provider's keys by OpenID discovery.
const AUDIENCE = 'https://incident-graph.test/api';
const OTHER_API = 'https://other-api.test/';
const SECRET = 'a-client-secret-of-this-test-only-0123456789';
const ROLES: Record<string, string[]> = { 'curator-app': ['curator', 'offline_access'], 'reader-app': ['reader'], 'norole-app': ['uma_authorization'] };
const READ = '{ company(id: "coupang") { name } }';

interface IdP { issuer: string; hits: Map<string, number>; close(): Promise<void> }

async function startProvider(): Promise<IdP> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => { res.statusCode = 503; res.end(); };
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: Object.keys(ROLES).map((client_id) => ({
      client_id, client_secret: SECRET, grant_types: ['client_credentials'], redirect_uris: [], response_types: [], token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' }] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        getResourceServerInfo: (_ctx: unknown, resource: string) => ({ scope: 'api', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 300 }),
      },
    },
    // Roles where Keycloak puts a realm's roles.
    extraTokenClaims: (_ctx: unknown, token: { clientId: string }) => ({ realm_access: { roles: ROLES[token.clientId] ?? [] } }),
    ttl: { ClientCredentials: 300 },
  });
  handler = provider.callback();
  return { issuer, hits, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** An access token from the provider's token endpoint: client credentials, for `resource`. */
async function accessToken(idp: IdP, client: string, resource = AUDIENCE): Promise<string> {
  const res = await fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client, client_secret: SECRET, resource, scope: 'api' }),
  });
  const body = await res.json() as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

async function post(url: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: JSON.stringify({ query: READ }) });
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body: await res.json() as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const claimsOf = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('tokens of a real OpenID provider, its keys found by discovery (AUTH_ISSUER)', () => {
  let idp: IdP;
  let own: OwnServer;
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) { raw.push(l); lines.push(JSON.parse(l)); } done(); } });

  beforeAll(async () => {
    idp = await startProvider();
    const { auth } = loadConfig({ AUTH_ISSUER: idp.issuer, AUTH_AUDIENCE: AUDIENCE, AUTH_ROLES_CLAIM: 'realm_access.roles', READ_ACCESS: 'authenticated' }).http;
    own = await startOwnServer({ auth }, sink);
  });
  afterAll(async () => {
    await own?.close();
    await idp?.close();
  });

  it('the start names the issuer and, after discovery, where its keys are', async () => {
    await expect.poll(() => lines.map((l) => l.msg), { timeout: 10_000 }).toContainEqual(`Identities: the keys of ${idp.issuer} are at ${idp.issuer}/jwks`);
    expect(lines.map((l) => l.msg)).toContainEqual(expect.stringMatching(new RegExp(`^Identities: JWTs signed by ${idp.issuer} \\(OpenID discovery\\), issuer ${idp.issuer}, audience ${AUDIENCE}, roles from the claim realm_access.roles`)));
    expect(idp.hits.get('/.well-known/openid-configuration')).toBe(1);
  });

  it('a curator client\'s token reads, and its request\'s log line names the client, its role and the token id', async () => {
    const token = await accessToken(idp, 'curator-app');
    const claims = claimsOf(token);
    expect(claims).toMatchObject({ iss: idp.issuer, aud: AUDIENCE, sub: 'curator-app', realm_access: { roles: ['curator', 'offline_access'] } });
    const r = await post(own.url, token, { 'x-request-id': 'oidc-1' });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ company: { name: 'Coupang' } });
    await new Promise((res) => setTimeout(res, 50));
    expect(lines.find((l) => l.reqId === 'oidc-1' && l.msg === 'request')).toMatchObject({ status: 200, actor: 'curator-app', role: 'curator', tokenId: claims.jti });
    for (const l of raw) expect(l).not.toContain(token.split('.')[2]!);
  });

  it('a reader reads; a client with no role of this API is FORBIDDEN; no token is UNAUTHENTICATED', async () => {
    expect((await post(own.url, await accessToken(idp, 'reader-app'))).status).toBe(200);
    const none = await post(own.url, await accessToken(idp, 'norole-app'));
    expect(none.status).toBe(403);
    expect(none.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requiredRole: 'reader' });
    const anon = await post(own.url);
    expect(anon.status).toBe(401);
    expect(anon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a token the same provider issued for another API (audience) is refused', async () => {
    const other = await accessToken(idp, 'curator-app', OTHER_API);
    expect(claimsOf(other).aud).toBe(OTHER_API);
    const r = await post(own.url, other);
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Bearer realm="incident-graph", error="invalid_token"');
    expect(r.body.errors?.[0]?.message).toMatch(/another audience/);
  });

  it('a token signed by a key the provider does not publish is refused; keys are fetched once, and again at most once per 30 s for an unknown kid', async () => {
    const jwksBefore = idp.hits.get('/jwks') ?? 0;
    expect(jwksBefore).toBe(1);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ realm_access: { roles: ['admin'] } }).setProtectedHeader({ alg: 'RS256', kid: 'rogue' })
      .setIssuer(idp.issuer).setAudience(AUDIENCE).setSubject('mallory').setExpirationTime('5m').sign(privateKey);
    for (let i = 0; i < 5; i++) {
      const r = await post(own.url, forged);
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0]?.message).toMatch(/its kid is unknown/);
    }
    for (let i = 0; i < 3; i++) expect((await post(own.url, await accessToken(idp, 'reader-app'))).status).toBe(200);
    // The five unknown kids fell within the 30 s cool-down of the first fetch: no refetch.
    expect(idp.hits.get('/jwks')).toBe(jwksBefore);
    expect(idp.hits.get('/.well-known/openid-configuration')).toBe(1);
  });

  it('with the provider down, a token issued before still verifies (its keys are cached)', async () => {
    const token = await accessToken(idp, 'curator-app');
    await idp.close();
    expect((await post(own.url, token)).status).toBe(200);
  });
});

describe('a wrong AUTH_ISSUER', () => {
  it('discovery that names another issuer is refused: tokens are UNAUTHENTICATED, the log says why', async () => {
    const idp = await startProvider();
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l)); done(); } });
    // A trailing slash is another issuer: the document names the issuer without one.
    const { auth } = loadConfig({ AUTH_ISSUER: `${idp.issuer}/`, AUTH_AUDIENCE: AUDIENCE }).http;
    const own = await startOwnServer({ auth }, sink);
    try {
      await expect.poll(() => lines.find((l) => String(l.msg).includes('discovery of'))?.reason, { timeout: 10_000 })
        .toMatch(/names the issuer ".*", not .*\//);
      const r = await post(own.url, await accessToken(idp, 'curator-app'));
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.body.errors?.[0]?.message).toMatch(/keys could not be fetched/);
    } finally {
      await own.close();
      await idp.close();
    }
  });
});
