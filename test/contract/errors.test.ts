import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { formatError } from '../../src/server/apollo.js';
import { gql } from '../support/api.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The error table of docs/apps.md: one row per code (BAD_USER_INPUT has two), with the test that proves it. */
function errorTable(): { code: string; http: string; test: string }[] {
  const readme = readFileSync(join(ROOT, 'docs', 'apps.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Errors'), readme.indexOf('### Partial results'));
  return section.split('\n').filter((l) => /^\| `[A-Z_]+` \|/.test(l)).map((l) => {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    return { code: cells[0]!.replace(/`/g, ''), http: cells[1]!, test: cells[4]!.replace(/`/g, '') };
  });
}

/** A raw POST, for bodies gql() cannot send. */
async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(inject('apiUrl'), { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('the error table (docs/apps.md "Errors")', () => {
  it('has a row for every code of src/errors.ts (and Apollo\'s PERSISTED_QUERY_NOT_FOUND), each naming a test that asserts its code', () => {
    const rows = errorTable();
    const codes = new Set(rows.map((r) => r.code));
    for (const code of [...Object.values(ErrorCode), 'PERSISTED_QUERY_NOT_FOUND']) expect(codes, code).toContain(code);
    for (const row of rows) {
      const file = join(ROOT, row.test);
      expect(existsSync(file), `${row.code}: ${row.test}`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${row.test} asserts ${row.code}`).toContain(`'${row.code}'`);
    }
  });
});

describe('one code per mistake, each with its HTTP status', () => {
  it('BAD_USER_INPUT (400): a value invalid for its type, the same in a literal and in a variable, naming the argument', async () => {
    const pairs: [string, string, Record<string, unknown>][] = [
      ['{ fines(filter: { minAmount: { amount: "1e5", currency: "KRW" } }) { totalCount } }',
        'query($a: Decimal!) { fines(filter: { minAmount: { amount: $a, currency: "KRW" } }) { totalCount } }', { a: '1e5' }],
      ['{ incidents(filter: { disclosedBetween: { to: "2025-13" } }) { totalCount } }',
        'query($to: PartialDateString) { incidents(filter: { disclosedBetween: { to: $to } }) { totalCount } }', { to: '2025-13' }],
      ['{ incidents(filter: { kind: NOPE }) { totalCount } }',
        'query($k: IncidentKind) { incidents(filter: { kind: $k }) { totalCount } }', { k: 'NOPE' }],
      ['{ fines(filter: { minAmount: { amount: "5" } }) { totalCount } }',
        'query($m: MoneyInput) { fines(filter: { minAmount: $m }) { totalCount } }', { m: { amount: '5' } }],
    ];
    for (const [literal, query, variables] of pairs) {
      for (const r of [await gql(literal), await gql(query, variables)]) {
        expect(r.status, literal).toBe(400);
        expect(r.data, literal).toBeUndefined();
        // An unknown enum value also lists the enum's values; every other mistake has just these two.
        const allowed = literal.includes('NOPE') ? { allowed: ['DATA_BREACH', 'RANSOMWARE', 'OTHER'] } : {};
        expect(r.errors?.[0]?.extensions, literal).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'filter', ...allowed });
        expect(r.extensions?.neo4j?.queries ?? 0, literal).toBe(0);
      }
    }
  });

  it('GRAPHQL_PARSE_FAILED (400): a syntax error; too many tokens, with limit and allowed', async () => {
    const broken = await gql('{ incident(id: ');
    expect(broken.status).toBe(400);
    expect(broken.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const long = await gql(`{ ${'__typename '.repeat(6000)} }`);
    expect(long.status).toBe(400);
    expect(long.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED', limit: 'TOKENS', allowed: 5000 });
  });

  it('GRAPHQL_VALIDATION_FAILED (400): the document\'s mistakes, mutation, and each query limit by name', async () => {
    for (const q of ['{ nope }', '{ incidents(kind: DATA_BREACH) { totalCount } }', 'query($f: Int) { incidents(filter: $f) { totalCount } }', 'mutation { x }', 'subscription { x }']) {
      const r = await gql(q);
      expect(r.status, q).toBe(400);
      expect(r.errors?.[0]?.extensions?.code, q).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.errors?.[0]?.extensions?.argumentName, q).toBeUndefined();
    }
    expect((await gql('subscription { x }')).errors?.[0]?.message).toBe('This API has no subscriptions: send a query, or a mutation with POST.');
    let deep = 'id';
    for (let i = 0; i < 10; i++) deep = `relatedIncidents { incident { ${deep} } }`;
    const depth = await gql(`{ incident(id: "coupang-breach-2025") { ${deep} } }`);
    expect(depth.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'DEPTH', allowed: 14 });
    expect(depth.errors?.[0]?.message).not.toMatch(/^Syntax Error/);
    const aliases = await gql(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(aliases.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'ALIASES', allowed: 30 });
    const cost = await gql(`{ ${Array.from({ length: 6 }, (_, i) => `n${i}: neighbourhood(id: "KR", depth: 3, limit: 1000) { nodes { id } relationships { type from to } }`).join(' ')} }`);
    expect(cost.status).toBe(400);
    expect(cost.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'COST', allowed: 250000 });
    expect(cost.errors?.[0]?.message).not.toMatch(/\d{7}/);
  });

  it('BAD_REQUEST (400): bad JSON, no query, a batch, a request CSRF prevention refuses', async () => {
    const cases: [string, Record<string, string> | undefined][] = [
      ['{"query": ', undefined],
      ['{}', undefined],
      ['[{"query":"{ __typename }"},{"query":"{ __typename }"}]', undefined],
      ['{"query":"{ __typename }"}', { 'content-type': 'text/plain' }],
    ];
    for (const [body, headers] of cases) {
      const r = await post(body, headers);
      expect(r.status, body).toBe(400);
      expect(r.body.errors?.[0]?.extensions?.code, body).toBe('BAD_REQUEST');
    }
    const get = await fetch(`${inject('apiUrl')}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const body = (await get.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toContain('apollo-require-preflight');
    const withHeader = await fetch(`${inject('apiUrl')}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
  });

  it('PERSISTED_QUERY_NOT_FOUND (200): a hash the server has not seen', async () => {
    const r = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }));
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('PAYLOAD_TOO_LARGE (413): a body over 256 kB', async () => {
    const r = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(300_000)}` }));
    expect(r.status).toBe(413);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('INTERNAL_SERVER_ERROR: a fault of the server says only that; the details stay in the log', () => {
    const lines: string[] = [];
    const log = createLogger('error', 'json', { write: (l: string) => lines.push(l) });
    const secret = new Error('Cypher MATCH (n:Secret) failed at /srv/app.ts:12');
    const f = formatError({ message: secret.message, path: ['incidents'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, secret, log);
    expect(f).toEqual({ message: 'Internal server error', path: ['incidents'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines.join('')).toContain('MATCH (n:Secret)');
  });
});
