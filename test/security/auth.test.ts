import { execFile } from 'node:child_process';
import { createHash, createHmac, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devSigningKey, type DevKey } from '../../src/auth/devKey.js';
import { JwtVerifier } from '../../src/auth/jwt.js';
import { DEV_AUDIENCE, DEV_ISSUER, devJwtOptions } from '../../src/auth/options.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { neo4jEnv, testDriver } from '../support/api.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';

// Identities end to end on servers of the test's own (the suite's Neo4j): development tokens
// signed with a key in a temporary folder, every kind of bad token, API keys made and revoked
// with `npm run keys`, `npm run token`, and what the logs keep of it all.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READ = '{ company(id: "coupang") { name } }';
const driver = testDriver();
const database = () => inject('database');

interface Answer { status: number; challenge: string | null; body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: any } }

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body: await res.json() as Answer['body'] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const now = () => Math.floor(Date.now() / 1000);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Log lines of a server, parsed. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) { raw.push(l); lines.push(JSON.parse(l)); } done(); } });
  return { sink, lines, raw };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

function expect401(a: Answer, message: RegExp) {
  expect(a.status).toBe(401);
  expect(a.challenge).toMatch(/^Bearer realm="incident-graph", error="invalid_token"$/);
  expect(a.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(a.body.errors?.[0]?.message).toMatch(message);
  expect(a.body.data).toBeUndefined();
}

interface Run { code: number; stdout: string; stderr: string }

/** A CLI of src/cli/ as `npm run` runs it, in a child process. */
async function cli(file: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const fullEnv: Record<string, string | undefined> = { ...process.env, ...neo4jEnv(), NEO4J_DATABASE: database(), LOG_LEVEL: 'warn', ...env };
  for (const [k, v] of Object.entries(fullEnv)) if (v === undefined) delete fullEnv[k];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, env: fullEnv });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? String(e) };
  }
}
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;

describe('bearer JWTs, READ_ACCESS=authenticated: every bad token is refused, none is taken for anonymous', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-test-'));
  const keyFile = join(dir, 'dev-signing-key.json');
  const logs = logSink();
  let own: OwnServer;
  let key: DevKey;
  /** A token of the development key: reader alice for 10 minutes, with `claims` over that (null: left out). */
  const token = (claims: Record<string, unknown>) => {
    const payload: JWTPayload = {
      roles: ['reader'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'alice', iat: now(), exp: now() + 600, jti: `jti-${Math.random().toString(36).slice(2)}`, ...claims,
    };
    for (const [k, v] of Object.entries(payload)) if (v === null) delete payload[k];
    return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: key.kid }).sign(key.privateKey);
  };
  const used: string[] = [];
  const send = (credential: Record<string, string>, query = READ) => {
    used.push(...Object.values(credential).map((v) => v.replace(/^Bearer /, '')).filter((v) => v.length >= 8));
    return post(own.url, query, credential);
  };

  beforeAll(async () => {
    own = await startOwnServer({ auth: { readAccess: 'authenticated', jwt: devJwtOptions('roles', 30, keyFile) } }, logs.sink);
    key = await devSigningKey(keyFile);
  });
  afterAll(async () => {
    await own?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the development key is made at first start: a private JWK, mode 0600, in a folder of mode 0700', () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('no identity where one is required: 401 UNAUTHENTICATED, WWW-Authenticate: Bearer, nothing read', async () => {
    const r = await post(own.url, READ);
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Bearer realm="incident-graph"');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.body.errors?.[0]?.message).toMatch(/Query.company needs an identity with the role reader/);
    expect(r.body.extensions?.neo4j?.queries ?? 0).toBe(0);
    // The schema stays readable, as /schema.graphql is: the IDE's docs work before a token is pasted.
    expect((await post(own.url, '{ __schema { queryType { name } } }')).body.data.__schema.queryType.name).toBe('Query');
  });

  it('a reader token reads; a token without a role of this API is 403 FORBIDDEN', async () => {
    const ok = await send(bearer(await token({})));
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual({ company: { name: 'Coupang' } });
    const noRole = await send(bearer(await token({ roles: ['offline_access'] })));
    expect(noRole.status).toBe(403);
    expect(noRole.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requiredRole: 'reader' });
    expect(noRole.challenge).toBe('Bearer realm="incident-graph", error="insufficient_scope"');
  });

  it('expired (beyond the clock tolerance) and not yet valid tokens are refused; a few seconds of skew are not', async () => {
    expect401(await send(bearer(await token({ exp: now() - 120 }))), /The token has expired/);
    expect((await send(bearer(await token({ exp: now() - 5 })))).status).toBe(200);
    expect401(await send(bearer(await token({ nbf: now() + 600 }))), /not valid yet/);
    expect401(await send(bearer(await token({ exp: null }))), /no expiry/);
    expect401(await send(bearer(await token({ sub: null }))), /no subject/);
    expect401(await send(bearer(await token({ sub: '' }))), /no subject/);
  });

  it('wrong issuer, wrong audience', async () => {
    expect401(await send(bearer(await token({ iss: 'https://evil.example' }))), /another issuer/);
    expect401(await send(bearer(await token({ aud: 'another-api' }))), /another audience/);
  });

  it('alg "none", and HS256 signed with the public key as the HMAC secret (as JWK and as PEM)', async () => {
    const claims = { sub: 'mallory', roles: ['admin'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now() + 600 };
    expect401(await send(bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)), /algorithm this server does not accept/);
    const pem = createPublicKey({ key: key.publicJwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
    for (const secret of [JSON.stringify(key.publicJwk), pem]) {
      const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64(claims)}`;
      const forged = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
      expect401(await send(bearer(forged)), /algorithm this server does not accept/);
    }
    // RS256 is asymmetric, but not what this server accepts (the development key is ES256).
    const { privateKey } = await generateKeyPair('RS256');
    const rs = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(privateKey);
    expect401(await send(bearer(rs)), /algorithm this server does not accept/);
  });

  it('a tampered token (claims changed, signature kept), an unknown kid, a known kid with another key', async () => {
    const [h, p, s] = (await token({})).split('.') as [string, string, string];
    const promoted = b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), roles: ['admin'] });
    expect401(await send(bearer(`${h}.${promoted}.${s}`)), /signature is not valid/);
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
    expect401(await send(bearer(`${h}.${p}.${flipped}`)), /signature is not valid/);
    const other = await generateKeyPair('ES256');
    const claims = { sub: 'mallory', roles: ['admin'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now() + 600 };
    expect401(await send(bearer(await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'someone-elses-key' }).sign(other.privateKey))), /its kid is unknown/);
    expect401(await send(bearer(await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid }).sign(other.privateKey))), /signature is not valid/);
  });

  it('not a token at all, another scheme, two credentials at once, an oversized header', async () => {
    expect401(await send(bearer('not-a-jwt')), /not a well-formed signed JWT/);
    expect401(await send({ authorization: 'Basic YWxpY2U6cGFzc3dvcmQ=' }), /must be "Bearer <token>"/);
    expect401(await send({ authorization: 'Bearer' }), /must be "Bearer <token>"/);
    expect401(await send({ ...bearer(await token({})), 'x-api-key': 'igk_0000000000000000_' + 'a'.repeat(43) }), /Send one credential/);
    expect401(await send({ 'x-api-key': await token({}) }), /X-API-Key carries an API key/);
    expect401(await send(bearer('a'.repeat(9000))), /longer than 8192/);
  });

  it('the request\'s log line names the actor (subject, role, token id), and no line holds a token', async () => {
    const t = await token({ jti: 'jti-for-the-log' });
    used.push(t);
    expect((await post(own.url, READ, { ...bearer(t), 'x-request-id': 'auth-log-1' })).status).toBe(200);
    expect401(await post(own.url, READ, { ...bearer(`${t}x`), 'x-request-id': 'auth-log-2' }), /signature/);
    await settle();
    const line = logs.lines.find((l) => l.reqId === 'auth-log-1' && l.msg === 'request');
    expect(line).toMatchObject({ status: 200, actor: 'alice', role: 'reader', tokenId: 'jti-for-the-log' });
    expect(logs.lines.find((l) => l.reqId === 'auth-log-2' && l.msg === 'request')).toMatchObject({ status: 401 });
    expect(logs.raw.length).toBeGreaterThan(10);
    expect(used.length).toBeGreaterThan(15);
    for (const secret of used) {
      const sig = secret.split('.').at(-1)!;
      for (const l of logs.raw) {
        expect(l).not.toContain(secret);
        if (sig.length > 20) expect(l).not.toContain(sig);
      }
    }
    expect(logs.raw.join('\n')).not.toMatch(/authorization|eyJ[A-Za-z0-9_-]{10}/i);
  });
});

describe('public reads (the default): a presented token must still be valid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-test-'));
  const keyFile = join(dir, 'dev-signing-key.json');
  let own: OwnServer;
  beforeAll(async () => { own = await startOwnServer({ auth: { readAccess: 'public', jwt: devJwtOptions('roles', 30, keyFile) } }); });
  afterAll(async () => {
    await own?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('anonymous reads are answered; an invalid token is 401, not anonymous; a valid one reads', async () => {
    expect((await post(own.url, READ)).body.data).toEqual({ company: { name: 'Coupang' } });
    expect401(await post(own.url, READ, bearer('eyJhbGciOiJFUzI1NiJ9.e30.AAAA')), /signature|well-formed/);
    const key = await devSigningKey(keyFile);
    const expired = await new SignJWT({ roles: ['curator'] }).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE).setSubject('bob').setExpirationTime(now() - 3600).sign(key.privateKey);
    expect401(await post(own.url, READ, bearer(expired)), /expired/);
    const valid = await new SignJWT({ roles: ['curator'] }).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE).setSubject('bob').setExpirationTime('1h').sign(key.privateKey);
    expect((await post(own.url, READ, bearer(valid))).body.data).toEqual({ company: { name: 'Coupang' } });
  });
});

describe('production without AUTH_*: no development key, bearer JWTs refused, reads public', () => {
  const logs = logSink();
  let own: OwnServer;
  beforeAll(async () => { own = await startOwnServer({ auth: loadConfig({ NODE_ENV: 'production', NEO4J_URI: 'bolt://127.0.0.1:7687' }).http.auth }, logs.sink); });
  afterAll(async () => { await own?.close(); });

  it('the start says identities (JWTs) are off; a token is 401; anonymous reads work', async () => {
    expect(logs.lines.map((l) => l.msg)).toContainEqual(expect.stringMatching(/^Identities: no JWT issuer is configured .*bearer JWTs are refused; API keys \(npm run keys\) work; reads are public$/));
    const { privateKey } = await generateKeyPair('ES256');
    const t = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'ES256' }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE)
      .setSubject('x').setExpirationTime('1h').sign(privateKey);
    expect401(await post(own.url, READ, bearer(t)), /accepts no bearer JWTs/);
    expect((await post(own.url, READ)).body.data).toEqual({ company: { name: 'Coupang' } });
  });
});

describe('API keys: npm run keys -- create / list / revoke, sent as Bearer or X-API-Key', () => {
  const logs = logSink();
  let own: OwnServer;
  const ids: string[] = [];
  beforeAll(async () => { own = await startOwnServer({ auth: { readAccess: 'authenticated' } }, logs.sink); });
  afterAll(async () => {
    await own?.close();
    await driver.executeQuery('MATCH (k:ApiKey) WHERE k.id IN $ids DETACH DELETE k', { ids }, { database: database() });
    await driver.close();
  });

  it('a key is printed once, alone on the last line; Neo4j keeps its SHA-256 only; it reads as Bearer and as X-API-Key; a wrong secret is refused', async () => {
    const made = await cli('src/cli/keys.ts', ['create', '--role', 'reader', '--name', 'auth-test-reader']);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const key = lastLine(made.stdout);
    const m = /^igk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(key);
    expect(m, key).not.toBeNull();
    const [, id, secret] = m as unknown as [string, string, string];
    ids.push(id);
    expect(made.stdout.split('\n')[0]).toContain(`API key ${id} for auth-test-reader (role reader) created`);
    const { records } = await driver.executeQuery('MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS p, labels(k) AS labels', { id }, { database: database() });
    const stored = records[0]!.get('p') as Record<string, unknown>;
    expect(records[0]!.get('labels')).toEqual(['ApiKey']);
    expect(stored).toMatchObject({ id, name: 'auth-test-reader', role: 'reader', hash: createHash('sha256').update(secret).digest('hex') });
    expect(Object.keys(stored).sort()).toEqual(['createdAt', 'hash', 'id', 'name', 'role']);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const asBearer = await post(own.url, READ, { ...bearer(key), 'x-request-id': 'auth-key-1' });
    expect(asBearer.body.data).toEqual({ company: { name: 'Coupang' } });
    expect((await post(own.url, READ, { 'x-api-key': key })).body.data).toEqual({ company: { name: 'Coupang' } });
    const wrong = `igk_${id}_${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect401(await post(own.url, READ, { 'x-api-key': wrong }), /API key is not valid/);
    expect401(await post(own.url, READ, bearer(`igk_${'0'.repeat(16)}_${secret}`)), /API key is not valid/);
    expect401(await post(own.url, READ, bearer('igk_short')), /not one this server issues/);

    await settle();
    expect(logs.lines.find((l) => l.reqId === 'auth-key-1' && l.msg === 'request')).toMatchObject({ status: 200, actor: 'auth-test-reader', role: 'reader', keyId: id });
    for (const l of logs.raw) expect(l).not.toContain(secret);
  });

  it('list shows id, name, role and dates, never the secret or the hash; revoke refuses the key from the very next request', async () => {
    const made = await cli('src/cli/keys.ts', ['create', '--role', 'curator', '--name', 'auth-test-curator']);
    const key = lastLine(made.stdout);
    const id = key.split('_')[1]!;
    ids.push(id);
    expect((await post(own.url, READ, bearer(key))).status).toBe(200);

    const listed = await cli('src/cli/keys.ts', ['list']);
    expect(listed.code).toBe(0);
    const row = listed.stdout.split('\n').find((l) => l.startsWith(id));
    expect(row).toMatch(new RegExp(`^${id}\\s+auth-test-curator\\s+curator\\s+\\d{4}-\\d\\d-\\d\\dT`));
    expect(listed.stdout).not.toContain(key.slice(21));
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);

    const revoked = await cli('src/cli/keys.ts', ['revoke', id]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`API key ${id} (auth-test-curator, role curator) revoked at`);
    expect401(await post(own.url, READ, bearer(key)), /API key is not valid/);
    expect401(await post(own.url, '{ __typename }', { 'x-api-key': key }), /API key is not valid/);
    expect((await cli('src/cli/keys.ts', ['revoke', id])).stdout).toContain('was revoked already');
    const unknown = await cli('src/cli/keys.ts', ['revoke', 'ffffffffffffffff']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No API key has the id ffffffffffffffff');
    expect((await cli('src/cli/keys.ts', ['revoke', 'not-an-id'])).code).toBe(1);
    const badRole = await cli('src/cli/keys.ts', ['create', '--role', 'root', '--name', 'x']);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/Allowed choices are reader, curator, admin/);
  });
});

describe('npm run token: a development token for the local path, alone on the last line', () => {
  let own: OwnServer;
  beforeAll(async () => {
    // The server a newcomer starts: no AUTH_*, not production, the development key of .neo4j/.
    own = await startOwnServer({ auth: { ...loadConfig({}).http.auth, readAccess: 'authenticated' } });
  });
  afterAll(async () => { await own?.close(); });

  it('prints a short explanation, then the token; the local server takes it with its role', async () => {
    const r = await cli('src/cli/token.ts', ['--role', 'curator', '--subject', 'newcomer'], { NODE_ENV: undefined, AUTH_ISSUER: undefined, AUTH_JWKS_URL: undefined, AUTH_KEY_FILE: undefined, AUTH_AUDIENCE: undefined });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^A development token for newcomer \(role curator\), valid 12 h/);
    const token = lines[1]!;
    expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'newcomer', roles: ['curator'], iss: DEV_ISSUER, aud: DEV_AUDIENCE });
    expect((claims.exp as number) - (claims.iat as number)).toBe(12 * 3600);
    expect((await post(own.url, READ, bearer(token))).body.data).toEqual({ company: { name: 'Coupang' } });
  });

  it('refuses in production and when the API trusts an identity provider: no token printed', async () => {
    const prod = await cli('src/cli/token.ts', ['--role', 'admin', '--subject', 'x'], { NODE_ENV: 'production', NEO4J_URI: 'bolt://127.0.0.1:7687' });
    expect(prod.code).toBe(1);
    expect(prod.stderr).toMatch(/no development key for a deployment/);
    expect(prod.stdout).not.toMatch(/eyJ/);
    const idp = await cli('src/cli/token.ts', ['--role', 'admin', '--subject', 'x'], { AUTH_ISSUER: 'https://idp.example.com', AUTH_AUDIENCE: 'api' });
    expect(idp.code).toBe(1);
    expect(idp.stderr).toMatch(/not development tokens/);
    expect((await cli('src/cli/token.ts', ['--role', 'root', '--subject', 'x'])).code).toBe(1);
    expect((await cli('src/cli/token.ts', ['--role', 'reader', '--subject', 'x', '--ttl', '90d'])).stderr).toMatch(/at most 30d/);
  });
});

describe('a key file (AUTH_KEY_FILE) holds public keys only', () => {
  it('an RSA public key as PEM verifies RS256 tokens; a private or a symmetric key stops the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'auth-test-'));
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const env = { AUTH_ISSUER: 'https://idp.example.com', AUTH_AUDIENCE: 'incident-graph', READ_ACCESS: 'authenticated' };
    const jwtOf = (file: string) => loadConfig({ ...env, AUTH_KEY_FILE: file }).http.auth.jwt!;
    await expect(JwtVerifier.create(jwtOf(join(dir, 'private.pem')), createLogger('silent'))).rejects.toThrow(/holds a private key/);
    writeFileSync(join(dir, 'secret.json'), JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }));
    await expect(JwtVerifier.create(jwtOf(join(dir, 'secret.json')), createLogger('silent'))).rejects.toThrow(/symmetric key/);
    const own = await startOwnServer({ auth: loadConfig({ ...env, AUTH_KEY_FILE: join(dir, 'public.pem') }).http.auth });
    try {
      const t = await new SignJWT({ roles: 'reader' }).setProtectedHeader({ alg: 'RS256', kid: 'any' }).setIssuer(env.AUTH_ISSUER)
        .setAudience('incident-graph').setSubject('svc').setExpirationTime('5m').sign(privateKey);
      expect((await post(own.url, READ, bearer(t))).body.data).toEqual({ company: { name: 'Coupang' } });
      const wrongIssuer = await new SignJWT({ roles: 'reader' }).setProtectedHeader({ alg: 'RS256' }).setIssuer('https://other.example.com')
        .setAudience('incident-graph').setSubject('svc').setExpirationTime('5m').sign(privateKey);
      expect401(await post(own.url, READ, bearer(wrongIssuer)), /another issuer/);
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
