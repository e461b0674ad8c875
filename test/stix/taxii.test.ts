import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devSigningKey } from '../../src/auth/devKey.js';
import { DEV_AUDIENCE, DEV_ISSUER, devJwtOptions } from '../../src/auth/options.js';
import { INCIDENTS_COLLECTION, TAXII_MEDIA_TYPE } from '../../src/taxii/collection.js';
import { acceptsTaxii } from '../../src/server/taxii.js';
import { stixId } from '../../src/stix/ids.js';
import { baseUrl, gql, testDriver } from '../support/api.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';
import { requireInCi, runPython } from './python.js';

// GET /stix/incidents/{id} and the TAXII 2.1 server at /taxii2/ on the suite's server: a session
// of the OASIS client (taxii2-client, pinned in .ci/requirements.txt), the media type and Accept
// rules, bad filters, and the GraphQL API's read rule on a server with READ_ACCESS=authenticated.
const ready = requireInCi('taxii2client');
const TAXII = { accept: TAXII_MEDIA_TYPE };
const COLLECTION = `/taxii2/api/collections/${INCIDENTS_COLLECTION.id}/`;
const get = (path: string, headers: Record<string, string> = TAXII, base = baseUrl()) => fetch(`${base}${path}`, { headers });
let incidents: string[] = [];

beforeAll(async () => {
  const driver = testDriver();
  const { records } = await driver.executeQuery('MATCH (i:Incident) RETURN i.id AS id ORDER BY id', {}, { database: inject('database') });
  incidents = records.map((r) => r.get('id') as string);
  await driver.close();
});

describe('GET /stix/incidents/{id}', () => {
  it('answers the incident\'s bundle as application/stix+json;version=2.1', async () => {
    const res = await get('/stix/incidents/skt-breach-2025', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/stix+json;version=2.1');
    const bundle = await res.json() as { type: string; id: string; objects: { type: string; id: string; name?: string }[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.find((o) => o.type === 'incident')).toMatchObject({ id: stixId('incident', 'skt-breach-2025'), name: 'SK Telecom data breach (2025)' });
    expect(bundle.objects.filter((o) => o.type === 'identity').map((o) => o.name)).toEqual(expect.arrayContaining(['SK Telecom', 'Personal Information Protection Commission']));
  });

  it('application/json when that is all the client takes; 406 for neither; 404 for an unknown incident', async () => {
    expect((await get('/stix/incidents/skt-breach-2025', { accept: 'application/json' })).headers.get('content-type')).toMatch(/^application\/json(;|$)/);
    expect((await get('/stix/incidents/skt-breach-2025', { accept: 'text/html' })).status).toBe(406);
    const missing = await get('/stix/incidents/no-such-incident', {});
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
  });
});

describe('Query.stixBundle', () => {
  it('is the document GET /stix/incidents/{id} answers, as a string', async () => {
    const r = await gql('query($id: ID!) { stixBundle(incidentId: $id) }', { id: 'coupang-breach-2025' });
    expect(r.errors).toBeUndefined();
    const rest = await (await get('/stix/incidents/coupang-breach-2025', {})).json();
    expect(JSON.parse(r.data.stixBundle)).toEqual(rest);
  });

  it('an id that names no incident is BAD_USER_INPUT naming the argument', async () => {
    const r = await gql('{ stixBundle(incidentId: "coupang-breach-2052") }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/incidentId: no incident has the id "coupang-breach-2052"/);
  });
});

describe('TAXII 2.1 rules', () => {
  it('every answer is application/taxii+json;version=2.1; a request that does not accept it gets 406', async () => {
    for (const path of ['/taxii2/', '/taxii2/api/', '/taxii2/api/collections/', COLLECTION, `${COLLECTION}objects/`, `${COLLECTION}manifest/`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(TAXII_MEDIA_TYPE);
      for (const accept of [undefined, 'application/json', '*/*', 'application/taxii+json;version=2.0']) {
        const refused = await get(path, accept === undefined ? {} : { accept });
        expect(refused.status, `${path} ${accept}`).toBe(406);
        expect(await refused.json()).toMatchObject({ http_status: '406' });
      }
    }
  });

  it('the Accept header is read as TAXII says', () => {
    expect(acceptsTaxii('application/taxii+json;version=2.1')).toBe(true);
    expect(acceptsTaxii('application/taxii+json')).toBe(true);
    expect(acceptsTaxii('application/json, application/taxii+json; version=2.1; q=0.5')).toBe(true);
    expect(acceptsTaxii('application/taxii+json;version=2.1;q=0')).toBe(false);
    expect(acceptsTaxii('application/stix+json;version=2.1')).toBe(false);
  });

  it('bad filters are a 400 with a TAXII error; an unknown object a 404; writing a 405', async () => {
    for (const q of ['added_after=yesterday', 'limit=0', 'limit=x', 'next=garbage', 'match[version]=newest']) {
      const res = await get(`${COLLECTION}objects/?${q}`);
      expect(res.status, q).toBe(400);
      expect(await res.json(), q).toMatchObject({ http_status: '400', title: 'Bad request' });
    }
    expect((await get(`${COLLECTION}objects/incident--00000000-0000-4000-8000-000000000000/`)).status).toBe(404);
    expect((await get('/taxii2/api/collections/no-such-collection/')).status).toBe(404);
    expect((await fetch(`${baseUrl()}${COLLECTION}objects/`, { method: 'POST', headers: { ...TAXII, 'content-type': TAXII_MEDIA_TYPE }, body: '{}' })).status).toBe(405);
  });

  it('paging: limit cuts, next continues where the page ended, and the pages together are the collection once', async () => {
    const whole = await (await get(`${COLLECTION}objects/`)).json() as { more: boolean; objects: { id: string }[] };
    expect(whole.more).toBe(false);
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const res = await get(`${COLLECTION}objects/?limit=10${next ? `&next=${next}` : ''}`);
      const page = await res.json() as { more: boolean; next?: string; objects: { id: string }[] };
      expect(page.objects.length).toBeLessThanOrEqual(10);
      expect(res.headers.get('x-taxii-date-added-first')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      seen.push(...page.objects.map((o) => o.id));
      next = page.more ? page.next : undefined;
      pages += 1;
    } while (next);
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(whole.objects.map((o) => o.id));
  });
});

describe.skipIf(!ready)('a taxii2-client session', () => {
  it('discovery, the API root, the collection, its objects (whole, by pages, after a date, by type, by id) and its manifest', () => {
    const s = JSON.parse(runPython('taxii_session.py', [baseUrl()])) as Record<string, any>;
    expect(s.title).toBe('Incident knowledge graph');
    expect(s.api_roots).toEqual([`${baseUrl()}/taxii2/api/`]);
    expect(s.versions).toEqual([TAXII_MEDIA_TYPE]);
    expect(s.collections).toEqual([{ id: INCIDENTS_COLLECTION.id, title: 'Incidents', can_read: true, can_write: false }]);
    // Every incident, each object once; the pages of 7 are the same objects in the same order.
    expect(s.more).toBe(false);
    expect(new Set(s.objects).size).toBe(s.objects.length);
    expect(s.incidents.sort()).toEqual(incidents.map((id) => stixId('incident', id)).sort());
    expect(s.types).toEqual(['extension-definition', 'identity', 'incident', 'relationship', 'report']);
    expect(s.pages).toBe(Math.ceil(s.objects.length / 7));
    expect(s.paged).toEqual(s.objects);
    // The manifest lists the same objects, each version with its date added.
    const manifest = s.manifest as { id: string; date_added: string; version: string; media_type: string }[];
    expect(manifest.map((m) => m.id)).toEqual(s.objects);
    expect(manifest.every((m) => m.media_type === 'application/stix+json;version=2.1')).toBe(true);
    // added_after: exactly the objects added later than the date.
    expect(s.after).toEqual(manifest.filter((m) => m.date_added > s.added_after).map((m) => m.id));
    expect(s.after.length).toBeLessThan(s.objects.length);
    expect(s.by_id).toEqual([s.objects[0]]);
    expect(s.one).toEqual([s.objects[0]]);
  }, 300_000);
});

describe('READ_ACCESS=authenticated: the GraphQL API\'s read rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taxii-auth-'));
  const keyFile = join(dir, 'dev-signing-key.json');
  let own: OwnServer;
  const token = async (roles: string[]) => {
    const key = await devSigningKey(keyFile);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles, iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'taxii-reader', iat: now, exp: now + 600 })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid }).sign(key.privateKey);
  };
  beforeAll(async () => { own = await startOwnServer({ auth: { readAccess: 'authenticated', jwt: devJwtOptions('roles', 30, keyFile) } }); });
  afterAll(async () => {
    await own?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('no identity: 401 with the Bearer challenge; no role: 403; a reader reads; a bad token: 401', async () => {
    const base = own.url.replace(/\/graphql$/, '');
    for (const [path, accept] of [['/taxii2/', TAXII_MEDIA_TYPE], ['/stix/incidents/skt-breach-2025', 'application/stix+json;version=2.1']] as const) {
      const anon = await get(path, { accept }, base);
      expect(anon.status, path).toBe(401);
      expect(anon.headers.get('www-authenticate'), path).toMatch(/^Bearer realm="incident-graph"/);
      expect((await get(path, { accept, authorization: `Bearer ${await token([])}` }, base)).status, path).toBe(403);
      expect((await get(path, { accept, authorization: `Bearer ${await token(['reader'])}` }, base)).status, path).toBe(200);
      expect((await get(path, { accept, authorization: 'Bearer not-a-token' }, base)).status, path).toBe(401);
    }
    const body = await (await get('/taxii2/', { accept: TAXII_MEDIA_TYPE }, base)).json();
    expect(body).toMatchObject({ http_status: '401', title: 'UNAUTHENTICATED' });
  });
});
