import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { loadConfig } from '../../src/config.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';


/** An OPTIONS or GET with the headers a browser sends, which fetch() would not let a test set (Origin). */
function send(url: string, method: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => { body += c; }).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

// An app's page on another origin calls the API from a real browser: allowed by CORS_ORIGINS, or
// not. The page is served on 127.0.0.1 (in the allowlist) and on localhost (another origin, not).
describe('CORS: a page on another origin calls the API from headless Chromium', () => {
  let browser: Browser;
  let pages: Server;
  let api: OwnServer;
  let allowed: string;
  let other: string;

  beforeAll(async () => {
    pages = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'));
    await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
    const port = (pages.address() as AddressInfo).port;
    allowed = `http://127.0.0.1:${port}`;
    other = `http://localhost:${port}`;
    api = await startOwnServer({ corsOrigins: [allowed] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await new Promise((r) => pages?.close(r));
  });

  /** Runs fetch() calls in a page of `origin` and returns what the page could read. */
  async function fromPage(origin: string) {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const result = await page.evaluate(async (apiUrl) => {
      const read = async (p: Promise<Response>) => {
        try {
          const r = await p;
          return { status: r.status, requestId: r.headers.get('x-request-id'), body: await r.json() };
        } catch (e) {
          return { failed: String(e) };
        }
      };
      const q = encodeURIComponent('{ incident(id: "coupang-breach-2025") { displayName } }');
      return {
        // JSON POST: not a "simple" request, so the browser sends a preflight first.
        post: await read(fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ incident(id: "coupang-breach-2025") { id displayName } }' }) })),
        // GET with the preflight header, as docs/apps.md says.
        get: await read(fetch(`${apiUrl}/graphql?query=${q}`, { headers: { 'apollo-require-preflight': 'true' } })),
        // GET without it: CSRF prevention refuses it (and lets the allowed page read why).
        bareGet: await read(fetch(`${apiUrl}/graphql?query=${q}`)),
        schema: await (async () => { try { return (await (await fetch(`${apiUrl}/schema.graphql`)).text()).slice(0, 2000); } catch (e) { return `failed: ${e}`; } })(),
      };
    }, api.url.replace(/\/graphql$/, ''));
    await page.close();
    return result as any;
  }

  it('the allowed origin: POST and GET with apollo-require-preflight answered, headers readable, the SDL downloadable', async () => {
    const r = await fromPage(allowed);
    expect(r.post.status).toBe(200);
    expect(r.post.body.data).toEqual({ incident: { id: 'coupang-breach-2025', displayName: 'Coupang data breach (2025)' } });
    expect(r.post.requestId).toMatch(/^[0-9a-f-]{36}$/); // an exposed header
    expect(r.get.status).toBe(200);
    expect(r.get.body.data.incident.displayName).toBe('Coupang data breach (2025)');
    expect(r.bareGet.status).toBe(400);
    expect(r.bareGet.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(r.bareGet.body.errors[0].message).toContain('apollo-require-preflight');
    expect(r.schema).toContain('scalar Decimal');
  });

  it('Cross-Origin-Resource-Policy: same-origin on what the allowed page reads: browsers check it for no-cors loads only, never for CORS fetches', async () => {
    const q = encodeURIComponent('{ __typename }');
    for (const path of [`/graphql?query=${q}`, '/schema.graphql']) {
      const r = await send(`${api.url.replace(/\/graphql$/, '')}${path}`, 'GET', { origin: allowed, 'apollo-require-preflight': 'true' });
      expect(r.status, path).toBe(200);
      expect(r.headers['cross-origin-resource-policy'], path).toBe('same-origin');
      expect(r.headers['access-control-allow-origin'], path).toBe(allowed);
    }
    // The same responses the first test read from the allowed page, in Chromium. A no-cors load
    // by that page (a <script> tag, as a page would try to read JSON across origins) is refused.
    const page = await browser.newPage();
    await page.goto(`${allowed}/`);
    const noCors = await page.evaluate(async (apiUrl) => {
      try {
        const r = await fetch(`${apiUrl}/schema.graphql`, { mode: 'no-cors' });
        return `opaque ${r.type}`;
      } catch (e) {
        return `failed: ${e}`;
      }
    }, api.url.replace(/\/graphql$/, ''));
    await page.close();
    expect(noCors).toMatch(/^failed: .*Failed to fetch/);
  });

  it('an origin not in CORS_ORIGINS: the browser blocks every call', async () => {
    const r = await fromPage(other);
    expect(r.post.failed).toMatch(/Failed to fetch/);
    expect(r.get.failed).toMatch(/Failed to fetch/);
    expect(r.bareGet.failed).toMatch(/Failed to fetch/);
    expect(r.schema).toMatch(/^failed: .*Failed to fetch/);
  });

  it('the preflight: 204 with the Access-Control-* headers for the allowed origin; CSRF prevention (400, no CORS headers) for others', async () => {
    const ask = (origin: string) => send(api.url, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,apollo-require-preflight' });
    const yes = await ask(allowed);
    expect(yes.status).toBe(204);
    expect(yes.headers['access-control-allow-origin']).toBe(allowed);
    expect(yes.headers['access-control-allow-methods']).toBe('GET,POST');
    expect(String(yes.headers['access-control-allow-headers']).split(',')).toEqual(expect.arrayContaining(['content-type', 'apollo-require-preflight']));
    expect(yes.headers['access-control-max-age']).toBe('600');
    expect(yes.headers['access-control-allow-credentials']).toBeUndefined();
    expect(yes.headers.vary).toContain('Origin');
    const no = await ask(other);
    expect(no.status).toBe(400);
    expect(Object.keys(no.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(JSON.parse(no.body).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('with no CORS_ORIGINS (the default), no origin gets CORS headers', async () => {
    const plain = await startOwnServer();
    try {
      const r = await send(plain.url, 'OPTIONS', { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
      expect(r.status).toBe(400);
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('CORS_ORIGINS takes origins as browsers send them, and refuses a wildcard', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).http.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(loadConfig({}).http.corsOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS: "\*" is not allowed/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/' })).toThrow(/write https:\/\/app\.example\.com/);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(/is not an origin/);
  });
});
