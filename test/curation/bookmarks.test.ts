import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSigningKey, signDevToken } from '../../src/auth/devKey.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../src/auth/options.js';
import { BookmarkTokens } from '../../src/graph/bookmarks.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';
import { post } from './http-support.js';
import { cleanUp, fixtures, RUN, testUrl } from './fixtures.js';

// Read-your-writes across replicas (src/graph/bookmarks.ts): three API servers on the suite's
// Neo4j, each with its own driver and bookmark manager, as three processes would have. A and B
// share a CURSOR_SECRET, as replicas behind a proxy do; C has another.
const dir = mkdtempSync(join(tmpdir(), 'curation-bookmarks-'));
const keyFile = join(dir, 'dev-signing-key.json');
const shared = randomBytes(32).toString('base64');
let a: OwnServer;
let b: OwnServer;
let c: OwnServer;
let publisher: string;

beforeAll(async () => {
  const auth = { readAccess: 'public' as const, jwt: { issuer: DEV_ISSUER, audience: [DEV_AUDIENCE], keys: { kind: 'dev' as const, file: keyFile }, algorithms: ['ES256'], rolesClaim: 'roles', clockToleranceS: 30 } };
  [a, b, c] = await Promise.all([
    startOwnServer({ auth, cursorSecret: shared, corsOrigins: ['https://app.example'] }),
    startOwnServer({ cursorSecret: shared }),
    startOwnServer({ cursorSecret: randomBytes(32).toString('base64') }),
  ]);
  ({ publisher } = await fixtures('bookmarks'));
});

afterAll(async () => {
  await cleanUp();
  await Promise.all([a, b, c].map((s) => s?.close()));
  rmSync(dir, { recursive: true, force: true });
});

const ADD_SOURCE = 'mutation($input: AddSourceInput!) { addSource(input: $input) { source { id url } } }';
const READ_SOURCE = 'query($id: ID!) { source(id: $id) { id title } }';

async function curator(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signDevToken(await devSigningKey(keyFile), { subject: `${RUN}-bea`, role: 'curator', rolesClaim: 'roles', ttlS: 600 })}` };
}

describe('Graph-Bookmark: a client reads its own write on another replica', () => {
  let token: string;
  let source: string;

  it('a committed mutation answers with a bookmark; a read does not', async () => {
    const w = await post(a.url, ADD_SOURCE, { input: { url: testUrl('bookmark'), title: 'Bookmarked', publisher } }, await curator());
    expect(w.errors).toBeUndefined();
    source = w.data.addSource.source.id;
    token = w.headers.get('graph-bookmark')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    // The transaction's own bookmark, as Neo4j gave it to the driver.
    expect(new BookmarkTokens(Buffer.from(shared, 'utf8')).read(token)).toHaveLength(1);
    const r = await post(a.url, READ_SOURCE, { id: source });
    expect(r.headers.get('graph-bookmark')).toBeNull();
  });

  it('a refused mutation writes nothing and answers no bookmark', async () => {
    const w = await post(a.url, ADD_SOURCE, { input: { url: 'not a url', title: 'Refused', publisher } }, await curator());
    expect(w.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(w.headers.get('graph-bookmark')).toBeNull();
  });

  it('another replica with the same secret takes the bookmark and reads the write after it', async () => {
    const r = await post(b.url, READ_SOURCE, { id: source }, { 'graph-bookmark': token });
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data.source).toEqual({ id: source, title: 'Bookmarked' });
  });

  it('a replica with another secret, an edited token or garbage: 400 BAD_REQUEST, nothing run', async () => {
    const [body, sig] = token.split('.');
    const edited = `${Buffer.from(JSON.stringify(['FB:edited'])).toString('base64url')}.${sig}`;
    for (const [server, header] of [[c, token], [b, edited], [b, `${body}.x${sig}`], [b, 'garbage']] as const) {
      const r = await post(server.url, READ_SOURCE, { id: source }, { 'graph-bookmark': header });
      expect(r.status, header).toBe(400);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(r.errors?.[0]?.message).toContain('Graph-Bookmark');
      expect(r.data).toBeUndefined();
    }
  });

  it('a signed token whose bookmark this database does not know reaches Neo4j and is refused with a clear code', async () => {
    // What a token issued against another database (a restored backup, another deployment with the same secret) carries.
    const foreign = new BookmarkTokens(Buffer.from(shared, 'utf8')).issue(['FB:kcwQnotabookmarkofthisdb'])!;
    const r = await post(b.url, READ_SOURCE, { id: source }, { 'graph-bookmark': foreign });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors?.[0]?.message).toContain('Graph-Bookmark');
    expect(JSON.stringify(r)).not.toContain('kcwQ');
  });

  it('the header is allowed and exposed to browser apps (CORS)', async () => {
    const pre = await fetch(a.url, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, graph-bookmark' } });
    expect(pre.headers.get('access-control-allow-headers')?.split(',').map((h) => h.trim())).toContain('graph-bookmark');
    const w = await post(a.url, ADD_SOURCE, { input: { url: testUrl('bookmark-cors'), title: 'From a browser app', publisher } }, { ...await curator(), origin: 'https://app.example' });
    expect(w.headers.get('graph-bookmark')).toBeTruthy();
    expect(w.headers.get('access-control-expose-headers')?.split(',').map((h) => h.trim())).toContain('graph-bookmark');
  });
});
