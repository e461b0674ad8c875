import { parse, buildSchema, GraphQLError, type OperationDefinitionNode } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, plainRemote } from '../../src/config.js';
import { formatError } from '../../src/server/apollo.js';
import { jsonDepth } from '../../src/server/jsonBody.js';
import { variablesKey } from '../../src/server/limits.js';

const env = (vars: Record<string, string>) => ({ PATH: process.env.PATH, ...vars });

describe('settings that close doors (issue 23)', () => {
  it('TRUST_PROXY=true is refused: it lets any client pick the address its limits count', () => {
    expect(() => loadConfig(env({ TRUST_PROXY: 'true' }))).toThrow(/TRUST_PROXY: "true" trusts any X-Forwarded-For/);
    expect(loadConfig(env({ TRUST_PROXY: '1' })).http.trustProxy).toBe(1);
    expect(loadConfig(env({ TRUST_PROXY: 'loopback, 10.0.0.0/8' })).http.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig(env({})).http.trustProxy).toBe(false);
    expect(() => loadConfig(env({ TRUST_PROXY: 'everyone' }))).toThrow(ConfigError);
  });

  it('a plain bolt:// to another machine is refused unless NEO4J_ALLOW_PLAIN_REMOTE=true', () => {
    expect(() => loadConfig(env({ NEO4J_URI: 'bolt://db.example:7687' }))).toThrow(/unencrypted and leaves this machine/);
    expect(loadConfig(env({ NEO4J_URI: 'bolt://db.example:7687', NEO4J_ALLOW_PLAIN_REMOTE: 'true' })).neo4j.uri).toBe('bolt://db.example:7687');
    expect(loadConfig(env({ NEO4J_URI: 'neo4j+s://db.example:7687' })).neo4j.uri).toBe('neo4j+s://db.example:7687');
    expect(loadConfig(env({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).neo4j.uri).toBe('bolt://127.0.0.1:7687');
    expect(plainRemote('bolt://localhost:1')).toBe(false);
    expect(plainRemote('bolt://[::1]:1')).toBe(false);
    expect(plainRemote('neo4j://10.0.0.5')).toBe(true);
  });

  it('query statistics: on outside production, off in production unless a token is sent', () => {
    expect(loadConfig(env({})).http.queryStats).toEqual({ always: true, token: undefined });
    expect(loadConfig(env({ NODE_ENV: 'production' })).http.queryStats).toEqual({ always: false, token: undefined });
    const token = 'z'.repeat(32);
    expect(loadConfig(env({ NODE_ENV: 'production', QUERY_STATS_TOKEN: token })).http.queryStats).toEqual({ always: false, token });
    expect(loadConfig(env({ QUERY_STATS: 'never', QUERY_STATS_TOKEN: token })).http.queryStats).toEqual({ always: false, token: undefined });
    expect(() => loadConfig(env({ QUERY_STATS_TOKEN: 'short' }))).toThrow(/QUERY_STATS_TOKEN: must be at least 32 characters/);
  });

  it('the local Neo4j takes a free port unless told otherwise', () => {
    expect(loadConfig(env({})).neo4j.localPort).toBe(0);
  });
});

describe('bounded work on hostile bodies', () => {
  it('jsonDepth counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[{{{{"}]}')).toBe(3);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
    expect(jsonDepth('['.repeat(5000), 32)).toBe(33);
  });

  it('the cost cache key is a digest of the declared variables only: unused and huge ones cost nothing', () => {
    const schema = buildSchema('type Query { a(x: String): String }');
    const op = parse('query Q($x: String) { a(x: $x) }').definitions[0] as OperationDefinitionNode;
    const small = variablesKey(schema, op, { x: 'k' });
    expect(variablesKey(schema, op, { x: 'k', unused: 'u'.repeat(250_000) })).toBe(small);
    const huge = variablesKey(schema, op, { x: 'h'.repeat(250_000) })!;
    expect(huge.length).toBeLessThan(64);
    expect(huge).not.toBe(small);
  });
});

describe('unexpected errors', () => {
  it('a plugin\'s crash wrapped by Apollo is logged at error level and answered with a generic message', () => {
    const lines: any[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l)) });
    const wrapped = new GraphQLError('Maximum call stack size exceeded', { originalError: new RangeError('Maximum call stack size exceeded') });
    const out = formatError({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped, log as any);
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines.some((l) => l.level === 50 && l.msg === 'unexpected error' && /call stack/.test(l.err.message))).toBe(true);
  });
});

describe('one memory budget for every memo', () => {
  it('entries of one memo make room in all of them past the shared budget', async () => {
    const { Memo } = await import('../../src/read/memo.js');
    const a = new Memo<number, object>(64 * 1024 * 1024);
    const b = new Memo<number, object>(64 * 1024 * 1024);
    const anchorA = {};
    const anchorB = {};
    a.set(anchorA, 'k', 1, 20 * 1024 * 1024);
    expect(a.get(anchorA, 'k')).toBe(1);
    b.set(anchorB, 'k', 2, 20 * 1024 * 1024);
    expect(b.get(anchorB, 'k')).toBe(2);
    expect(a.get(anchorA, 'k')).toBeUndefined();
  });
});

describe('trusted documents', () => {
  it('are the IDE examples, every explorer query and the example app\'s operations, and each passes every shape limit', async () => {
    const { loadTrustedDocuments } = await import('../../src/server/trustedDocuments.js');
    const { queryLimits } = await import('../../src/server/limits.js');
    const { buildApiSchema } = await import('../../src/server/executableSchema.js');
    const { loadExamples } = await import('../../src/server/ide.js');
    const { validate, specifiedRules } = await import('graphql');
    const trusted = await loadTrustedDocuments();
    for (const name of ['ExploreNeighbourhood', 'ExplorePaths', 'ExploreSearch', 'ExploreNodeAsOf', 'ExploreDetails', 'ExploreSources', 'IncidentPage', 'FinesPage', 'MissionTrace']) {
      expect(trusted.operationNames, name).toContain(name);
    }
    expect(trusted.digests.size).toBeGreaterThan(loadExamples().length + 20);
    // Every trusted text validates under the server's rules (limits included).
    const explorer = await import('../../src/server/explore/static/queries.js' as string) as { detailsQuery(t: string): string; DETAILS: Record<string, string> };
    const schema = buildApiSchema();
    const { validationRules } = queryLimits();
    for (const type of Object.keys(explorer.DETAILS)) {
      expect(validate(schema, parse(explorer.detailsQuery(type)), [...specifiedRules, ...validationRules]), type).toEqual([]);
    }
  });
});
