import { ApolloServer } from '@apollo/server';
import { diff } from '@graphql-inspector/core';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema, printSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { roleFromClaims } from '../../src/auth/claims.js';
import { accessPlugin } from '../../src/auth/plugin.js';
import type { Role } from '../../src/auth/roles.js';
import { withRoleDirectives } from '../../src/auth/sdl.js';
import { loadConfig, ConfigError } from '../../src/config.js';
import { buildApiSchema, printApiSchema } from '../../src/server/executableSchema.js';
import { jitGateway } from '../../src/server/jit.js';

// A small schema with every kind of requirement: a field, a whole type, a mutation with and without
// its own directive. The directive and enum are declared as schema/common.graphql declares them.
const SDL = `
enum Role { reader curator admin }
directive @requires(role: Role!) on FIELD_DEFINITION | OBJECT
interface Node { id: ID! }
type Query {
  public: String
  incident: Incident
  node: Node
  secret: Secret
  "A field whose arguments print on several lines."
  audit(
    "why"
    reason: String
  ): String @requires(role: admin)
}
type Incident implements Node { id: ID! title: String internalNote: String @requires(role: curator) }
type Secret implements Node @requires(role: admin) { id: ID! value: String }
type Mutation {
  addSource(url: String!): String @requires(role: curator)
  plain: String
  purge: String @requires(role: admin)
}
`;

let resolved = 0;
const count = <T>(v: T) => () => { resolved += 1; return v; };
const schema = makeExecutableSchema({
  typeDefs: SDL,
  resolvers: {
    Query: { public: count('p'), incident: count({ id: 'i', title: 't', internalNote: 'n' }), node: count({ __kind: 'Secret', id: 's', value: 'v' }), secret: count({ id: 's', value: 'v' }), audit: count('a') },
    Node: { __resolveType: (o: { __kind: string }) => o.__kind },
    Mutation: { addSource: count('added'), plain: count('plain'), purge: count('purged') },
  },
});

const actor = (role: Role | undefined): Actor => ({ subject: `someone-${role ?? 'none'}`, role, via: 'jwt' });

async function serverFor(executor: 'jit' | 'graphql-js', readsNeedReader = false) {
  const server = new ApolloServer<{ actor?: Actor }>({
    ...(executor === 'jit' ? { gateway: jitGateway(schema) } : { schema }),
    plugins: [accessPlugin({ readsNeedReader })],
  });
  await server.start();
  return {
    async run(query: string, who?: Actor) {
      const before = resolved;
      const r = await server.executeOperation({ query }, { contextValue: { actor: who } });
      const body = r.body.kind === 'single' ? r.body.singleResult : undefined;
      return { status: r.http.status ?? 200, challenge: r.http.headers.get('www-authenticate'), errors: body?.errors, data: body?.data, resolvedNow: resolved - before };
    },
    stop: () => server.stop(),
  };
}

describe.each(['jit', 'graphql-js'] as const)('the role check before execution (%s executor)', (executor) => {
  it('a field\'s @requires: anonymous 401 UNAUTHENTICATED with WWW-Authenticate, a lower role 403 FORBIDDEN, the role itself runs; nothing resolves when refused', async () => {
    const s = await serverFor(executor);
    const q = '{ incident { title internalNote } }';
    const anon = await s.run(q);
    expect(anon.status).toBe(401);
    expect(anon.challenge).toMatch(/^Bearer /);
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anon.errors?.[0]?.message).toContain('Incident.internalNote needs an identity with the role curator');
    expect(anon.data).toBeUndefined();
    expect(anon.resolvedNow).toBe(0);
    const reader = await s.run(q, actor('reader'));
    expect(reader.status).toBe(403);
    expect(reader.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'curator' });
    expect(reader.errors?.[0]?.message).toBe('Incident.internalNote needs the role curator; this identity has the role reader.');
    expect(reader.resolvedNow).toBe(0);
    expect((await s.run(q, actor(undefined))).errors?.[0]?.message).toMatch(/has no role of this API/);
    for (const role of ['curator', 'admin'] as const) {
      const ok = await s.run(q, actor(role));
      expect(ok.errors, role).toBeUndefined();
      expect(ok.data).toEqual({ incident: { title: 't', internalNote: 'n' } });
    }
    // Public fields stay public.
    expect((await s.run('{ public incident { title } }')).data).toEqual({ public: 'p', incident: { title: 't' } });
    await s.stop();
  });

  it('fragments are expanded (named, nested, inline on an interface), a field under @skip still counts, interfaces count their types', async () => {
    const s = await serverFor(executor);
    const queries = [
      'query { incident { ...F } } fragment F on Incident { internalNote }',
      'query { ...A } fragment A on Query { incident { ...B } } fragment B on Incident { id internalNote }',
      '{ node { id ... on Incident { internalNote } } }',
      '{ incident { internalNote @skip(if: true) } }',
    ];
    for (const q of queries) {
      const r = await s.run(q, actor('reader'));
      expect(r.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
      expect(r.resolvedNow, q).toBe(0);
    }
    // A type's @requires covers every field selected on it, __typename too.
    for (const q of ['{ secret { id } }', '{ secret { __typename } }', '{ node { id ... on Secret { value } } }', '{ audit }']) {
      const r = await s.run(q, actor('curator'));
      expect(r.errors?.[0]?.extensions, q).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'admin' });
      expect((await s.run(q, actor('admin'))).errors, q).toBeUndefined();
    }
    // Through an interface, a field may be any of its types': the highest requirement counts (fail closed).
    const viaInterface = await s.run('{ node { id } }');
    expect(viaInterface.status).toBe(401);
    expect(viaInterface.errors?.[0]?.message).toContain('Secret.id needs an identity with the role admin');
    expect((await s.run('{ node { __typename } }', actor('curator'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A fragment on a public type of the interface needs nothing.
    expect((await s.run('{ node { ... on Incident { title } } }')).errors).toBeUndefined();
    await s.stop();
  });

  it('mutations: @requires as declared, and curator when a mutation declares none (writes always need an identity)', async () => {
    const s = await serverFor(executor);
    const plain = await s.run('mutation { plain }');
    expect(plain.status).toBe(401);
    expect(plain.errors?.[0]?.message).toContain('Mutation.plain needs an identity with the role curator');
    expect((await s.run('mutation { plain }', actor('reader'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run('mutation { plain }', actor('curator'))).data).toEqual({ plain: 'plain' });
    expect((await s.run('mutation { addSource(url: "https://x.example") }', actor('curator'))).data).toEqual({ addSource: 'added' });
    const purge = await s.run('mutation { addSource(url: "https://x.example") purge }', actor('curator'));
    expect(purge.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'admin' });
    expect(purge.resolvedNow).toBe(0);
    expect((await s.run('mutation { purge }', actor('admin'))).data).toEqual({ purge: 'purged' });
    await s.stop();
  });

  it('READ_ACCESS=authenticated: every query needs reader; introspection and __typename do not (the SDL is public)', async () => {
    const s = await serverFor(executor, true);
    const anon = await s.run('{ public }');
    expect(anon.status).toBe(401);
    expect(anon.errors?.[0]?.message).toContain('Query.public needs an identity with the role reader');
    expect((await s.run('{ public }', actor(undefined))).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'reader' });
    expect((await s.run('{ public }', actor('reader'))).data).toEqual({ public: 'p' });
    expect((await s.run('{ __typename }')).errors).toBeUndefined();
    expect((await s.run('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    expect((await s.run('{ __type(name: "Incident") { name } }')).errors).toBeUndefined();
    await s.stop();
  });
});

describe('roles in a token', () => {
  it('from a string (one name, or several separated by spaces or commas) or an array; the highest known role; unknown names ignored', () => {
    expect(roleFromClaims({ roles: 'curator' }, 'roles')).toBe('curator');
    expect(roleFromClaims({ roles: 'reader admin' }, 'roles')).toBe('admin');
    expect(roleFromClaims({ roles: 'reader,curator' }, 'roles')).toBe('curator');
    expect(roleFromClaims({ roles: ['offline_access', 'reader'] }, 'roles')).toBe('reader');
    expect(roleFromClaims({ roles: ['uma_authorization'] }, 'roles')).toBeUndefined();
    expect(roleFromClaims({ roles: { admin: true } }, 'roles')).toBeUndefined();
    expect(roleFromClaims({ roles: ['ADMIN', 'toString', '__proto__'] }, 'roles')).toBeUndefined();
    expect(roleFromClaims({}, 'roles')).toBeUndefined();
  });

  it('from a dotted path (realm_access.roles), and from a claim whose own name has dots (a namespaced claim)', () => {
    expect(roleFromClaims({ realm_access: { roles: ['curator'] } }, 'realm_access.roles')).toBe('curator');
    expect(roleFromClaims({ realm_access: ['curator'] }, 'realm_access.roles')).toBeUndefined();
    expect(roleFromClaims({ 'https://incidents.example/roles': ['admin'] }, 'https://incidents.example/roles')).toBe('admin');
  });
});

describe('identity settings (AUTH_*, READ_ACCESS) are validated at start', () => {
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return undefined;
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
  };
  const idp = { AUTH_ISSUER: 'https://idp.example.com/realms/incidents', AUTH_AUDIENCE: 'incident-graph' };

  it('AUTH_ALGORITHMS: asymmetric only; none and HS* are refused, whatever else is listed', () => {
    expect(problem({ ...idp, AUTH_ALGORITHMS: 'none' })).toMatch(/AUTH_ALGORITHMS: "none" would accept unsigned tokens/);
    expect(problem({ ...idp, AUTH_ALGORITHMS: 'RS256,HS256' })).toMatch(/AUTH_ALGORITHMS: HS256 is symmetric/);
    expect(problem({ ...idp, AUTH_ALGORITHMS: 'hs512' })).toMatch(/AUTH_ALGORITHMS: hs512 is symmetric/);
    expect(problem({ ...idp, AUTH_ALGORITHMS: 'RS255' })).toMatch(/AUTH_ALGORITHMS: "RS255" is not one of/);
    expect(loadConfig({ ...idp }).http.auth.jwt?.algorithms).toEqual(['RS256', 'ES256', 'EdDSA']);
    expect(loadConfig({ ...idp, AUTH_ALGORITHMS: 'PS256, ES384' }).http.auth.jwt?.algorithms).toEqual(['PS256', 'ES384']);
  });

  it('the provider\'s URLs are https (http only to this machine), and an audience is required with any source of keys', () => {
    expect(problem({ AUTH_ISSUER: 'http://idp.example.com', AUTH_AUDIENCE: 'a' })).toMatch(/AUTH_ISSUER: must be an https:\/\/ URL/);
    expect(problem({ AUTH_JWKS_URL: 'http://10.0.0.5/jwks', AUTH_AUDIENCE: 'a' })).toMatch(/AUTH_JWKS_URL: must be an https:\/\/ URL/);
    expect(problem({ AUTH_ISSUER: 'https://user:pw@idp.example.com', AUTH_AUDIENCE: 'a' })).toMatch(/AUTH_ISSUER: must not carry a user name/);
    expect(problem({ AUTH_ISSUER: 'http://127.0.0.1:8080/realms/x', AUTH_AUDIENCE: 'a' })).toBeUndefined();
    expect(problem({ AUTH_ISSUER: idp.AUTH_ISSUER })).toMatch(/AUTH_AUDIENCE: required with AUTH_ISSUER/);
    expect(problem({ AUTH_JWKS_URL: 'https://idp.example.com/jwks' })).toMatch(/AUTH_AUDIENCE: required/);
    expect(problem({ AUTH_AUDIENCE: 'a' })).toMatch(/AUTH_AUDIENCE: set, but not whose tokens to trust/);
    expect(problem({ AUTH_JWKS_URL: 'https://idp.example.com/jwks', AUTH_KEY_FILE: 'package.json', AUTH_AUDIENCE: 'a' })).toMatch(/give one source of keys/);
    expect(problem({ AUTH_KEY_FILE: 'no/such/file.pem', AUTH_AUDIENCE: 'a' })).toMatch(/AUTH_KEY_FILE: .* does not exist/);
    expect(problem({ READ_ACCESS: 'everyone' })).toMatch(/READ_ACCESS/);
    expect(problem({ AUTH_ROLES_CLAIM: 'realm_access..roles' })).toMatch(/AUTH_ROLES_CLAIM/);
  });

  it('which keys: discovery with AUTH_ISSUER alone; the JWKS URL or key file when given; the development key on the local path; none in a deployment', () => {
    expect(loadConfig(idp).http.auth).toEqual({
      readAccess: 'public',
      jwt: { issuer: idp.AUTH_ISSUER, audience: ['incident-graph'], keys: { kind: 'discovery' }, algorithms: ['RS256', 'ES256', 'EdDSA'], rolesClaim: 'roles', clockToleranceS: 30 },
    });
    const jwks = loadConfig({ AUTH_JWKS_URL: 'https://idp.example.com/jwks', AUTH_AUDIENCE: 'a,b', AUTH_ROLES_CLAIM: 'realm_access.roles', AUTH_CLOCK_TOLERANCE_MS: '5000', READ_ACCESS: 'authenticated' }).http.auth;
    expect(jwks).toMatchObject({ readAccess: 'authenticated', jwt: { issuer: undefined, audience: ['a', 'b'], keys: { kind: 'jwks', url: 'https://idp.example.com/jwks' }, rolesClaim: 'realm_access.roles', clockToleranceS: 5 } });
    const dev = loadConfig({}).http.auth.jwt;
    expect(dev).toMatchObject({ issuer: 'urn:incident-graph:dev', audience: ['urn:incident-graph:api'], algorithms: ['ES256'], keys: { kind: 'dev' } });
    expect((dev?.keys as { file: string }).file).toMatch(/\.neo4j\/dev-signing-key\.json$/);
    // A deployment (production, a NEO4J_URI) trusts no development key; the local path (npm start: no NEO4J_URI) does.
    expect(loadConfig({ NODE_ENV: 'production', NEO4J_URI: 'bolt://127.0.0.1:7687' }).http.auth).toEqual({ readAccess: 'public', jwt: undefined });
    expect(loadConfig({ NODE_ENV: 'production' }).http.auth.jwt?.keys.kind).toBe('dev');
    expect(loadConfig({ NODE_ENV: 'production', ...idp }).http.auth.jwt?.keys).toEqual({ kind: 'discovery' });
  });
});

describe('the directive in the schema and in the SDL served at /schema.graphql', () => {
  it('schema/common.graphql declares @requires(role: Role!) on fields and types, and Role is reader < curator < admin', () => {
    const api = buildApiSchema();
    const directive = api.getDirective('requires');
    expect(directive?.locations).toEqual(['FIELD_DEFINITION', 'OBJECT']);
    expect(String(directive?.args[0]?.type)).toBe('Role!');
    expect((api.getType('Role') as GraphQLEnumType).getValues().map((v) => v.name)).toEqual(['reader', 'curator', 'admin']);
    const sdl = withRoleDirectives(api, printApiSchema(api));
    // Its argument has a description, so graphql-js prints it on lines of its own.
    expect(sdl).toMatch(/\ndirective @requires\(\n {2}"""[^"\n]+"""\n {2}role: Role!\n\) on FIELD_DEFINITION \| OBJECT\n/);
    expect(sdl).toContain('enum Role {');
  });

  it('the printed SDL keeps every use of @requires (graphql-js prints only the definition), and nothing else changes', async () => {
    const printed = printSchema(schema);
    expect(printed).not.toContain('@requires(role: curator)');
    const sdl = withRoleDirectives(schema, printed);
    expect(sdl).toContain('  internalNote: String @requires(role: curator)');
    expect(sdl).toContain('type Secret implements Node @requires(role: admin) {');
    expect(sdl).toContain('  ): String @requires(role: admin)');
    expect(sdl).toContain('  addSource(url: String!): String @requires(role: curator)');
    expect(sdl.replace(/ @requires\(role: \w+\)/g, '')).toBe(printed);
    // The same schema as the source, directive uses included.
    expect(await diff(buildSchema(SDL), buildSchema(sdl))).toEqual([]);
    expect((await diff(buildSchema(SDL), buildSchema(printed))).map((c) => c.type)).toContain('DIRECTIVE_USAGE_FIELD_DEFINITION_REMOVED');
  });
});
