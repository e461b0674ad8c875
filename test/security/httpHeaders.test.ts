import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl } from '../support/api.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';

/**
 * Issue 23: the headers of every response. Each `it` fails on the code before the issue: only
 * the pages sent a CSP, nothing sent X-Content-Type-Options, Referrer-Policy, COOP or CORP,
 * /explore/static/index.html was a second explorer without a CSP, /graphql answers had no
 * Cache-Control, and the vendored libraries were `immutable` at names that do not change.
 */

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

interface Seen { status: number; headers: Headers; body: string }

async function get(path: string, init: RequestInit = {}): Promise<Seen> {
  const res = await fetch(`${baseUrl()}${path}`, init);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

const post = (body: string, headers: Record<string, string> = {}) => get('/graphql', {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body,
});

/** What every response must carry, whatever answered it. */
function expectBaseHeaders(r: Seen, what: string): void {
  expect(r.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(r.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(r.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(r.headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
  expect(r.headers.get('x-frame-options'), what).toBe('DENY');
  expect(r.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  expect(r.headers.get('x-powered-by'), what).toBeNull();
}

/** The links of a page to this server's files. */
const refs = (html: string) => [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);

describe('security headers on every response', () => {
  it('the pages (/ , GET /graphql from a browser, /explore): a strict CSP of their own, revalidated', async () => {
    for (const [path, init] of [['/', {}], ['/graphql', { headers: { accept: 'text/html' } }], ['/explore', {}]] as const) {
      const r = await get(path, init);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toContain('text/html');
      expectBaseHeaders(r, path);
      const csp = r.headers.get('content-security-policy')!;
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
      expect(directives.get('default-src'), path).toEqual(["'none'"]);
      expect(directives.get('script-src'), path).toEqual(["'self'"]);
      expect(directives.get('object-src'), path).toEqual(["'none'"]);
      expect(directives.get('base-uri'), path).toEqual(["'none'"]);
      expect(directives.get('form-action'), path).toEqual(["'none'"]);
      expect(directives.get('connect-src'), path).toEqual(["'self'"]);
      expect(csp, path).not.toContain('unsafe-eval');
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('API, JSON and text answers: CSP default-src \'none\' and no framing', async () => {
    const answers: [string, Seen][] = [
      ['POST /graphql', await post(JSON.stringify({ query: '{ company(id: "coupang") { name } }' }))],
      ['POST /graphql, a validation error', await post(JSON.stringify({ query: '{ nope }' }))],
      ['GET /graphql?query=', await get(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } })],
      ['GET /graphql without the preflight header', await get(`/graphql?query=${encodeURIComponent('{ __typename }')}`)],
      ['POST /graphql, bad JSON', await post('{"query":')],
      ['POST /graphql, 300 kB', await post(JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(300_000) }))],
      ['/schema.graphql', await get('/schema.graphql')],
      ['/health', await get('/health')],
      ['/ready', await get('/ready')],
      ['/ide/examples.json', await get('/ide/examples.json')],
      ['a path that does not exist', await get('/no/such/thing')],
    ];
    for (const [what, r] of answers) {
      expectBaseHeaders(r, what);
      expect(r.headers.get('content-security-policy'), what).toBe(API_CSP);
    }
    expect(answers.map(([what, r]) => `${what}: ${r.status}`)).toEqual([
      'POST /graphql: 200', 'POST /graphql, a validation error: 400', 'GET /graphql?query=: 200',
      'GET /graphql without the preflight header: 400', 'POST /graphql, bad JSON: 400', 'POST /graphql, 300 kB: 413',
      '/schema.graphql: 200', '/health: 200', '/ready: 200', '/ide/examples.json: 200', 'a path that does not exist: 404',
    ]);
  });

  it('the pages\' scripts, styles and vendored libraries carry them too', async () => {
    for (const page of ['/', '/explore']) {
      const files = refs((await get(page)).body).filter((f) => /\/(static|vendor)\//.test(f));
      expect(files.length, page).toBeGreaterThan(4);
      for (const f of files) {
        const r = await get(f);
        expect(r.status, f).toBe(200);
        expectBaseHeaders(r, f);
        expect(r.headers.get('content-security-policy'), f).toBe(API_CSP);
      }
    }
  });
});

describe('one copy of each page, under its headers', () => {
  it('no second explorer or IDE under the static routes', async () => {
    for (const path of ['/explore/static/index.html', '/explore/static/', '/explore/static', '/explore/static/%2e%2e/index.html',
      '/explore/static/..%2findex.html', '/ide/static/index.html', '/ide/static/', '/ide/index.html', '/explore/index.html',
      '/explore/static/explore.css.map', '/explore/static/.hidden.js']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain('<html');
      expectBaseHeaders(r, path);
    }
  });

  it('a page cannot be framed: frame-ancestors \'none\' and X-Frame-Options DENY', async () => {
    for (const path of ['/', '/explore', '/graphql']) {
      const r = await get(path, { headers: { accept: 'text/html' } });
      expect(r.headers.get('content-security-policy'), path).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});

describe('caching', () => {
  it('GraphQL answers are never stored (success by POST, errors, bad JSON, too large); a GET query\'s answer is revalidated (docs/apps.md "Caching")', async () => {
    const answers = [
      await post(JSON.stringify({ query: '{ company(id: "coupang") { name } }' })),
      await post(JSON.stringify({ query: '{ company(id: "coupang") { name } }' }), { accept: 'application/json' }),
      await post(JSON.stringify({ query: '{ nope }' })),
      await post(JSON.stringify({ query: '{ incidents(first: 1000) { totalCount } }' })),
      await get(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } }),
      await get(`/graphql?query=${encodeURIComponent('{ __typename }')}`),
      await post('{"query":'),
      await post(JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(300_000) })),
      await get('/graphql', { headers: { accept: 'application/json' } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 400, 200, 200, 400, 400, 413, 400]);
    // test/server/caching.test.ts has the GET query's ETag, 304 and the credentialed case.
    expect(answers.map((r) => r.headers.get('cache-control'))).toEqual(['no-store', 'no-store', 'no-store', 'no-store', 'no-cache', 'no-store', 'no-store', 'no-store', 'no-store']);
    expect(answers[4]!.headers.get('etag')).toMatch(/^W\//);
    // GET /graphql answers a page or GraphQL by Accept.
    expect(answers[4]!.headers.get('vary')).toMatch(/accept/i);
  });

  it('vendored libraries at content-hashed names, immutable; the old fixed names are gone', async () => {
    const ide = refs((await get('/')).body);
    const explorer = refs((await get('/explore')).body);
    const vendored = [...ide, ...explorer].filter((f) => f.includes('/vendor/'));
    expect(vendored).toHaveLength(8);
    for (const f of vendored) {
      expect(f).toMatch(/^\/(ide|explore)\/vendor\/[a-z-]+\.[0-9a-f]{16}\.[a-z.]+$/);
      const r = await get(f);
      expect(r.status, f).toBe(200);
      expect(r.headers.get('cache-control'), f).toBe('public, max-age=31536000, immutable');
    }
    for (const old of ['/ide/graphiql.min.js', '/ide/graphiql.min.css', '/ide/react.production.min.js', '/ide/react-dom.production.min.js',
      '/explore/vendor/cytoscape.min.js', '/explore/vendor/cytoscape-fcose.js', '/ide/vendor/graphiql.min.js', '/ide/vendor/graphiql.0000000000000000.min.js']) {
      const r = await get(old);
      expect(r.status, old).toBe(404);
      expect(r.headers.get('cache-control'), old).toBe('no-store');
    }
  });

  it('the pages\' own scripts and styles are revalidated (no-cache with an ETag), never immutable', async () => {
    const own = [...refs((await get('/')).body), ...refs((await get('/explore')).body)].filter((f) => f.includes('/static/'));
    expect(own).toEqual(expect.arrayContaining(['/ide/static/init.js', '/ide/static/ide.css', '/explore/static/main.js', '/explore/static/explore.css']));
    for (const f of [...own, '/explore/static/panel.js', '/explore/static/dom.js']) {
      const r = await get(f);
      expect(r.status, f).toBe(200);
      expect(r.headers.get('cache-control'), f).toBe('no-cache');
      const etag = r.headers.get('etag');
      expect(etag, f).toBeTruthy();
      // (fetch adds Cache-Control: no-cache to a conditional request unless it has one.)
      expect((await fetch(`${baseUrl()}${f}`, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } })).status, f).toBe(304);
    }
  });
});

describe('the per-client limit\'s 429', () => {
  let own: OwnServer;
  beforeAll(async () => { own = await startOwnServer({ clientLimit: { concurrency: 1, queue: 0 } }); });
  afterAll(async () => { await own?.close(); });

  /** A POST whose body is held back: it keeps its client's slot until released. */
  function held(url: string) {
    const body = JSON.stringify({ query: '{ __typename }' });
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const answer = new Promise<number>((resolve, reject) => { req.on('response', (r) => { r.resume(); resolve(r.statusCode!); }).on('error', reject); });
    req.write(body.slice(0, 5));
    return { answer, release: () => req.end(body.slice(5)) };
  }

  it('carries the same headers and Cache-Control: no-store', async () => {
    const first = held(own.url);
    let refused: Response | undefined;
    for (let i = 0; i < 100 && !refused; i++) {
      const r = await fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      if (r.status === 429) refused = r;
      else await new Promise((res) => setTimeout(res, 20));
    }
    first.release();
    expect(await first.answer).toBe(200);
    expect(refused?.status).toBe(429);
    const seen: Seen = { status: refused!.status, headers: refused!.headers, body: await refused!.text() };
    expectBaseHeaders(seen, '429');
    expect(seen.headers.get('content-security-policy')).toBe(API_CSP);
    expect(seen.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(seen.body).errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
