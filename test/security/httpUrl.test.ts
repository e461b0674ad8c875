import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLScalarType, Kind } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { urlProblem } from '../../src/modules/common/resolvers.js';
import { buildApiSchema } from '../../src/server/executableSchema.js';
import { baseUrl, gql, testDriver } from '../support/api.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';

/**
 * Issue 23: Source.url was a free String, so a stored `javascript:` URL reached clients, and the
 * explorer made it a link. The URL scalar sends only absolute http(s) URLs; a stored value that
 * is not one is null with an error at its path, whichever executor runs the query.
 */

const GOOD = ['https://www.example.com/news/1', 'http://example.com', 'https://example.com:8443/a/b?c=d&e=f#g',
  'https://例え.jp/パス', 'https://www.npr.org/2019/07/22/744050565/equifax-to-pay-up-to-700-million-in-data-breach-settlement'];
const BAD = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'javascript://example.com/%0aalert(1)',
  'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'mailto:someone@example.com', 'ftp://example.com/x',
  '//example.com/x', '/relative/path', 'example.com', '', 'https://user:secret@example.com/', 'https://user@example.com/',
  'https://example.com/a b', 'https://example.com/\n', 'https://exa\u0000mple.com/', 'https:'];

describe('the URL scalar', () => {
  it('accepts absolute http(s) URLs only, with no credentials, spaces or control characters', () => {
    for (const u of GOOD) expect(urlProblem(u), u).toBeNull();
    for (const u of BAD) expect(urlProblem(u), JSON.stringify(u)).toMatch(/is not a URL/);
  });

  it('is the type of Source.url, in the schema the server executes and in its SDL, specified by the WHATWG URL Standard', async () => {
    const schema = buildApiSchema();
    const url = schema.getType('URL');
    expect(url).toBeInstanceOf(GraphQLScalarType);
    expect((url as GraphQLScalarType).specifiedByURL).toBe('https://url.spec.whatwg.org/');
    expect(String((schema.getType('Source') as any).getFields().url.type)).toBe('URL');
    const sdl = await (await fetch(`${baseUrl()}/schema.graphql`)).text();
    expect(sdl).toContain('scalar URL @specifiedBy(url: "https://url.spec.whatwg.org/")');
    expect(sdl).toMatch(/^ {2}url: URL$/m);
  });

  it('refuses anything else as input and as output', () => {
    const url = buildApiSchema().getType('URL') as GraphQLScalarType;
    for (const u of GOOD) {
      expect(url.parseValue(u)).toBe(u);
      expect(url.parseLiteral({ kind: Kind.STRING, value: u })).toBe(u);
      expect(url.serialize(u)).toBe(u);
    }
    for (const u of BAD) {
      expect(() => url.parseValue(u), JSON.stringify(u)).toThrow(/is not a URL/);
      expect(() => url.parseLiteral({ kind: Kind.STRING, value: u }), JSON.stringify(u)).toThrow(/is not a URL/);
      expect(() => url.serialize(u), JSON.stringify(u)).toThrow(/^A stored value is not an absolute http\(s\) URL, so it is not sent\.$/);
    }
    expect(() => url.parseValue(42)).toThrow(/given as a string/);
    expect(() => url.serialize(42)).toThrow();
  });

  it('every seeded source\'s URL is one: none is refused', async () => {
    let after: string | null = null;
    let seen = 0;
    for (;;) {
      const r: any = await gql('query ($after: String) { sources(first: 100, after: $after) { edges { node { id url } } pageInfo { hasNextPage endCursor } } }', { after });
      expect(r.errors).toBeUndefined();
      seen += r.data.sources.edges.filter((e: any) => e.node.url !== null).length;
      if (!r.data.sources.pageInfo.hasNextPage) break;
      after = r.data.sources.pageInfo.endCursor;
    }
    expect(seen).toBeGreaterThan(10);
  });
});

describe('a stored URL that is not http(s) never reaches a client', () => {
  const ID = 'issue-23-script-url';
  let driver: Driver;
  let jsExecutor: OwnServer;

  beforeAll(async () => {
    driver = testDriver();
    await driver.executeQuery('MERGE (s:Source:Entity {id: $id}) SET s.kind = "OTHER", s.title = "A stored script URL", s.url = "javascript:alert(document.domain)"', { id: ID });
    jsExecutor = await startOwnServer({ executor: 'graphql-js' });
  });
  afterAll(async () => {
    await driver?.executeQuery('MATCH (s:Source {id: $id}) DETACH DELETE s', { id: ID });
    await driver?.close();
    await jsExecutor?.close();
  });

  const QUERY = `query ($id: ID!) {
    source(id: $id) { id title url }
    node(id: $id) { ... on Source { url } }
  }`;

  for (const executor of ['jit', 'graphql-js'] as const) {
    it(`the field is null with INTERNAL_SERVER_ERROR at its path, the value is not in the answer (${executor})`, async () => {
      const url = executor === 'jit' ? `${baseUrl()}/graphql` : jsExecutor.url;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { id: ID } }) });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).not.toContain('javascript');
      const body = JSON.parse(text);
      expect(body.data).toEqual({ source: { id: ID, title: 'A stored script URL', url: null }, node: { url: null } });
      expect(body.errors.map((e: any) => ({ path: e.path, code: e.extensions.code }))).toEqual([
        { path: ['source', 'url'], code: 'INTERNAL_SERVER_ERROR' },
        { path: ['node', 'url'], code: 'INTERNAL_SERVER_ERROR' },
      ]);
      // graphql-js's errors are masked by formatError; graphql-jit passes the serializer's message, which names nothing of the value.
      for (const e of body.errors) expect(e.message).toMatch(/^(Internal server error|A stored value is not an absolute http\(s\) URL, so it is not sent\.)$/);
    });
  }
});
