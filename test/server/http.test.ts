import { describe, expect, it } from 'vitest';
import { baseUrl } from '../support/api.js';

describe('HTTP surface', () => {
  it('GET /health and /ready answer', async () => {
    expect(await (await fetch(`${baseUrl()}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${baseUrl()}/ready`);
    expect(ready.status).toBe(200);
  });

  it('GET /graphql runs a query (GraphQL over HTTP)', async () => {
    const res = await fetch(`${baseUrl()}/graphql?query=${encodeURIComponent('{ company(id: "coupang") { name } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual({ company: { name: 'Coupang' } });
  });

  it('GET /graphql from a browser serves the IDE, with scripts from this server only', async () => {
    const res = await fetch(`${baseUrl()}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    // GraphiQL and React at content-hashed names, the IDE's own script and styles beside them.
    expect(html).toMatch(/src="\/ide\/vendor\/graphiql\.[0-9a-f]{16}\.min\.js"/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="(\/ide\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(6);
    for (const asset of [...assets, '/ide/examples.json']) {
      expect((await fetch(`${baseUrl()}${asset}`)).status, asset).toBe(200);
    }
  });

  it('rejects an oversized body with a JSON error', async () => {
    const res = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(300_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
