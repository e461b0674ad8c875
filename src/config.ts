import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, port, str, num, makeValidator, EnvError } from 'envalid';
import { ASYMMETRIC_ALGORITHMS, DEFAULT_ALGORITHMS, DEFAULT_ROLES_CLAIM, devJwtOptions, type AuthOptions } from './auth/options.js';
import { providerUrlProblem } from './auth/urls.js';
import { TRACING_ENV, tracingSettings } from './telemetry/settings.js';

const neo4jUri = makeValidator<string>((input) => {
  if (input === '') return input;
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(input)) {
    throw new EnvError('must be a bolt://, neo4j://, bolt+s:// or neo4j+s:// URI, e.g. bolt://localhost:7687');
  }
  return input;
});

/** True when a plain (unencrypted) Bolt URI leaves this machine: its password and data would cross the network in clear. */
export function plainRemote(uri: string): boolean {
  const m = /^(bolt|neo4j)(\+s|\+ssc)?:\/\/(\[[^\]]+\]|[^\s/:]+)/.exec(uri);
  if (!m || m[2]) return false;
  const host = m[3]!.replace(/^\[|\]$/g, '').toLowerCase();
  return !(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

/**
 * Every setting the process reads, validated once at start-up. envalid prints one clear message
 * naming each bad or missing variable and exits, instead of failing later on first use.
 */
const secret = makeValidator<string>((input) => {
  if (input !== '' && input.length < 32) throw new EnvError('must be at least 32 characters (or empty to generate one)');
  return input;
});

const portOrZero = makeValidator<number>((input) => {
  const n = Number(input);
  if (!/^\d+$/.test(input) || n > 65535) throw new EnvError('must be a port number from 0 to 65535');
  return n;
});

const wholeNumber = makeValidator<number>((input) => {
  if (!/^\d+$/.test(input)) throw new EnvError('must be a whole number (0 or more)');
  return Number(input);
});

/**
 * An origin as a browser sends it: scheme, host and port, nothing else ("https://app.example.com",
 * "http://localhost:5173"). Returns what is wrong with `value`, or null.
 */
function originProblem(value: string): string | null {
  if (value === '*' || value === 'null') return `"${value}" is not allowed: list the origins that may call the API`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an origin such as https://app.example.com`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${value}": an origin is http:// or https://`;
  if (url.origin !== value) return `"${value}" is not an origin as browsers send it: write ${url.origin}`;
  return null;
}

/** CORS_ORIGINS: a comma-separated allowlist of origins ("https://app.example.com,http://localhost:5173"). */
const origins = makeValidator<string[]>((input) => {
  const list = input.split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of list) {
    const problem = originProblem(o);
    if (problem) throw new EnvError(problem);
  }
  return list;
});

/**
 * Express's 'trust proxy' as a hop count or the proxies' addresses, never `true`: trusting every
 * X-Forwarded-For lets any client name the address its limits are counted by.
 */
const trustProxy = makeValidator<false | number | string>((input) => {
  const value = input.trim();
  if (value === 'false' || value === '' || value === '0') return false;
  if (value === 'true') throw new EnvError('"true" trusts any X-Forwarded-For, so a client could pick the address its limits count: give the number of proxies in front (1) or their addresses (loopback, 10.0.0.0/8, ...)');
  if (/^\d+$/.test(value)) return Number(value);
  for (const part of value.split(',').map((p) => p.trim())) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(part)) {
      throw new EnvError(`"${part}" is not a proxy address: give a hop count, or addresses/CIDR ranges and the names loopback, linklocal, uniquelocal, comma-separated`);
    }
  }
  return value;
});

const token = makeValidator<string>((input) => {
  if (input !== '' && input.length < 32) throw new EnvError('must be at least 32 characters (or empty: none)');
  return input;
});

/** AUTH_ISSUER, AUTH_JWKS_URL: https, or http to this machine only (keys fetched in clear could be swapped). */
const providerUrl = makeValidator<string>((input) => {
  const problem = input === '' ? null : providerUrlProblem(input);
  if (problem) throw new EnvError(problem);
  return input;
});

/** AUTH_ALGORITHMS: asymmetric signatures only; never none, never an HMAC (HS*), whose "secret" could be the public key. */
const jwsAlgorithms = makeValidator<string[]>((input) => {
  const list = input.split(',').map((a) => a.trim()).filter(Boolean);
  if (list.length === 0) throw new EnvError('name at least one algorithm (RS256, ES256, EdDSA...)');
  for (const a of list) {
    if (a.toLowerCase() === 'none') throw new EnvError('"none" would accept unsigned tokens: never');
    if (/^HS\d+$/i.test(a)) throw new EnvError(`${a} is symmetric (an HMAC): whoever can verify can sign, and a public key used as its secret forges tokens; use RS256, ES256 or EdDSA`);
    if (!(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(a)) throw new EnvError(`"${a}" is not one of ${ASYMMETRIC_ALGORITHMS.join(', ')}`);
  }
  return list;
});

/** AUTH_ROLES_CLAIM: a claim name, or a dotted path into the token (realm_access.roles). */
const claimPath = makeValidator<string>((input) => {
  if (!/^[^\s.]+(\.[^\s.]+)*$/.test(input)) throw new EnvError('must be a claim name or a dotted path such as realm_access.roles');
  return input;
});

/** AUTH_AUDIENCE: one audience or several, comma-separated; a token must carry one of them. */
const audiences = makeValidator<string[]>((input) => input.split(',').map((a) => a.trim()).filter(Boolean));

/** Whole milliseconds within [min, max]: every wait has a ceiling. */
const ms = (min: number, max: number) => makeValidator<number>((input) => {
  const n = Number(input);
  if (!/^\d+$/.test(input) || n < min || n > max) throw new EnvError(`must be a whole number of milliseconds from ${min} to ${max}`);
  return n;
});

const positiveInt = (max: number) => makeValidator<number>((input) => {
  const n = Number(input);
  if (!/^\d+$/.test(input) || n < 1 || n > max) throw new EnvError(`must be a whole number from 1 to ${max}`);
  return n;
});

/** One request per core Neo4j can use; at least 2 so one client never takes them all. */
function defaultDbSlots(): number {
  return Math.max(2, availableParallelism());
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Defaults of the database boundary's bounds, in one place: the environment's defaults below and
 * the driver and Graph options a caller leaves out (a test, a tool) are these.
 */
export const NEO4J_DEFAULTS = {
  poolSize: 50,
  connectionTimeoutMs: 3000,
  acquisitionTimeoutMs: 5000,
  maxRetryTimeMs: 3000,
  deadlineMarginMs: 2000,
} as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const c = cleanEnv(env, {
    PORT: port({ default: 4000, desc: 'HTTP port of the GraphQL server' }),
    HOST: str({ default: '127.0.0.1', desc: 'interface the HTTP server binds to (0.0.0.0 in a container)' }),
    NEO4J_URI: neo4jUri({ default: '', desc: 'Neo4j to use; empty: start the local Neo4j under .neo4j/' }),
    NEO4J_USER: str({ default: 'neo4j' }),
    NEO4J_PASSWORD: str({ default: '' }),
    NEO4J_DATABASE: str({ default: 'neo4j' }),
    NEO4J_LOCAL_PORT: portOrZero({ default: 0, desc: 'Bolt port of the local Neo4j the project starts (0, the default: a free port at each start, written to <NEO4J_LOCAL_HOME>/bolt-uri while it runs)' }),
    NEO4J_LOCAL_PAGECACHE_MB: num({ default: 512 }),
    NEO4J_LOCAL_HOME: str({ default: '.neo4j/data', desc: 'store of the local Neo4j (relative to the project)' }),
    NEO4J_LOCAL_STOP_TIMEOUT_MS: ms(500, 300_000)({ default: 20_000, desc: 'how long the local Neo4j may take to stop cleanly before it is killed (at once when it is stopped by a signal)' }),
    NEO4J_POOL_SIZE: positiveInt(1000)({ default: NEO4J_DEFAULTS.poolSize, desc: 'most connections the driver opens' }),
    NEO4J_CONNECTION_TIMEOUT_MS: ms(100, 120_000)({ default: NEO4J_DEFAULTS.connectionTimeoutMs, desc: 'TCP connect to Neo4j' }),
    NEO4J_ACQUISITION_TIMEOUT_MS: ms(100, 120_000)({ default: NEO4J_DEFAULTS.acquisitionTimeoutMs, desc: 'wait for a free connection; past it the request is OVERLOADED' }),
    NEO4J_MAX_RETRY_TIME_MS: ms(0, 120_000)({ default: NEO4J_DEFAULTS.maxRetryTimeMs, desc: 'how long the driver retries transient failures' }),
    NEO4J_PROBE_INTERVAL_MS: ms(100, 60_000)({ default: 1000, desc: 'how often a background query checks that Neo4j answers' }),
    NEO4J_PROBE_TIMEOUT_MS: ms(100, 60_000)({ default: 3000, desc: 'a probe slower than this marks Neo4j unavailable' }),
    QUERY_DEADLINE_MARGIN_MS: ms(100, 60_000)({ default: NEO4J_DEFAULTS.deadlineMarginMs, desc: 'client-side grace past a query budget before the API gives up on Neo4j' }),
    READY_TIMEOUT_MS: ms(100, 60_000)({ default: 1000, desc: 'how long /ready waits for Neo4j' }),
    SHUTDOWN_DRAIN_MS: ms(0, 300_000)({ default: 10_000, desc: 'how long SIGTERM lets requests in flight finish' }),
    QUERY_TIMEOUT_MS: num({ default: 15000, desc: 'per-transaction budget the driver gives Neo4j' }),
    SEARCH_TIMEOUT_MS: num({ default: 5000, desc: 'budget of path and neighbourhood searches' }),
    RECORDED_AS_OF_MAX_CHANGES: positiveInt(100_000)({ default: 1000, desc: 'most changes a read as recorded at an instant (recordedAsOf) undoes in its transaction; an instant further back is BAD_USER_INPUT' }),
    LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
    CURSOR_SECRET: secret({ default: '', desc: 'key that signs pagination cursors (32+ characters); empty: generated once into .neo4j/cursor-secret' }),
    SEED_ON_EMPTY: str({ default: 'true', choices: ['true', 'false'], desc: 'load seeds/ when the database holds no data' }),
    GRAPHQL_EXECUTOR: str({ default: 'jit', choices: ['jit', 'graphql-js'], desc: 'jit: operations compiled once by graphql-jit; graphql-js: the reference executor' }),
    SOURCE_MAPPED_STACKS: str({ default: 'auto', choices: ['auto', 'true', 'false'], desc: 'stack traces with TypeScript positions; auto: off when NODE_ENV=production (the driver formats a stack for every query)' }),
    WARM_UP: str({ default: 'true', choices: ['true', 'false'], desc: 'run the IDE examples once at start-up so their plans are ready (false: to measure a cold first use)' }),
    LOG_FORMAT: str({ default: 'auto', choices: ['auto', 'pretty', 'json'], desc: 'auto: readable in a terminal, JSON otherwise' }),
    CLIENT_MAX_CONCURRENT: positiveInt(10_000)({ default: 8, desc: 'GraphQL requests one client (IP) has running at once' }),
    CLIENT_MAX_QUEUED: wholeNumber({ default: 64, desc: 'requests one client has waiting for a slot; more are answered 429' }),
    CORS_ORIGINS: origins({ default: [], desc: 'origins (scheme://host[:port]) whose pages may call the API from a browser, comma-separated; none by default' }),
    TRUST_PROXY: trustProxy({ default: false, desc: "which X-Forwarded-For hops to believe: false (none, the default), the number of proxies in front, or their addresses (loopback, CIDR ranges); never true" }),
    NEO4J_ALLOW_PLAIN_REMOTE: str({ default: 'false', choices: ['true', 'false'], desc: 'accept a bolt:// or neo4j:// NEO4J_URI to another machine (unencrypted); only on a private network such as compose\'s' }),
    INTROSPECTION: str({ default: 'true', choices: ['true', 'false'], desc: 'answer __schema/__type queries (the IDE needs them); the SDL is public at /schema.graphql either way' }),
    TRUSTED_DOCUMENTS: str({ default: 'off', choices: ['off', 'require'], desc: 'require: run only the trusted documents (IDE examples, explorer, example app), any other query text is refused' }),
    QUERY_STATS: str({ default: 'auto', choices: ['auto', 'always', 'never'], desc: 'extensions.neo4j (queries, plans, dbMs) in responses; auto: outside production, or to requests that send QUERY_STATS_TOKEN in x-query-stats' }),
    QUERY_STATS_TOKEN: token({ default: '', desc: 'a client sending this in the x-query-stats header gets extensions.neo4j in production too (32+ characters)' }),
    METRICS_HOST: str({ default: '127.0.0.1', desc: 'interface of the internal listener that serves /metrics' }),
    METRICS_PORT: portOrZero({ default: 9464, desc: 'port of the internal /metrics listener (0: any free port)' }),
    METRICS_TOKEN: token({ default: '', desc: 'when set, /metrics is served on the API port too, to requests with Authorization: Bearer <token>' }),
    DB_MAX_CONCURRENT: positiveInt(1000)({ default: defaultDbSlots(), desc: 'GraphQL requests executing at once across all clients (about the cores Neo4j has); more wait their turn, client by client' }),
    CLIENT_DB_MS_PER_SECOND: wholeNumber({ default: 1000, desc: 'Neo4j time (ms) a client earns per second; 0: no budget' }),
    CLIENT_DB_BURST_MS: wholeNumber({ default: 30_000, desc: 'Neo4j time (ms) a client may spend at once before its requests are answered RATE_LIMITED' }),
    READ_ACCESS: str({ default: 'public', choices: ['public', 'authenticated'], desc: 'public: reads need no identity; authenticated: every query needs the role reader (a token or an API key)' }),
    AUTH_ISSUER: providerUrl({ default: '', desc: 'the issuer (iss) whose bearer JWTs are accepted; alone, its keys are found by OpenID discovery (<issuer>/.well-known/openid-configuration)' }),
    AUTH_AUDIENCE: audiences({ default: [], desc: 'the audience (aud) a token must be for: this API\'s identifier at the identity provider (comma-separated for several); required with AUTH_ISSUER, AUTH_JWKS_URL or AUTH_KEY_FILE' }),
    AUTH_JWKS_URL: providerUrl({ default: '', desc: 'the identity provider\'s JWKS endpoint (instead of discovery)' }),
    AUTH_KEY_FILE: str({ default: '', desc: 'a file of public keys that verify tokens (a JWKS, a JWK or a PEM public key), instead of fetching them' }),
    AUTH_ALGORITHMS: jwsAlgorithms({ default: DEFAULT_ALGORITHMS, desc: 'the signature algorithms a token may use, comma-separated: asymmetric only (never none or HS*)' }),
    AUTH_ROLES_CLAIM: claimPath({ default: DEFAULT_ROLES_CLAIM, desc: 'the claim that holds the roles (a string or an array), or a dotted path such as realm_access.roles' }),
    AUTH_CLOCK_TOLERANCE_MS: ms(0, 300_000)({ default: 30_000, desc: 'leeway for a token\'s exp and nbf against this machine\'s clock' }),
    // OpenTelemetry's standard variables (src/telemetry/settings.ts): traces are off unless they ask.
    ...TRACING_ENV,
  }, {
    reporter: ({ errors }) => {
      const bad = Object.entries(errors);
      if (bad.length === 0) return;
      const lines = bad.map(([k, e]) => `  ${k}: ${(e as Error).message}`);
      throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    },
  });
  if (c.NEO4J_URI && plainRemote(c.NEO4J_URI) && c.NEO4J_ALLOW_PLAIN_REMOTE !== 'true') {
    throw new ConfigError(`Invalid configuration:\n  NEO4J_URI: ${c.NEO4J_URI} is unencrypted and leaves this machine: use bolt+s:// or neo4j+s://, or set NEO4J_ALLOW_PLAIN_REMOTE=true on a private network`);
  }
  const production = env.NODE_ENV === 'production';
  // The development key is trusted on the local path only (no NEO4J_URI: the project's own Neo4j,
  // `npm start` included) or outside production: a deployment that names its database never trusts it.
  const auth = authOptions(c, production && !!c.NEO4J_URI);
  return {
    port: c.PORT,
    host: c.HOST,
    neo4j: {
      uri: c.NEO4J_URI || undefined,
      user: c.NEO4J_USER,
      password: c.NEO4J_PASSWORD,
      database: c.NEO4J_DATABASE,
      localPort: c.NEO4J_LOCAL_PORT,
      localPageCacheMb: c.NEO4J_LOCAL_PAGECACHE_MB,
      localHome: isAbsolute(c.NEO4J_LOCAL_HOME) ? c.NEO4J_LOCAL_HOME : resolve(PROJECT_ROOT, c.NEO4J_LOCAL_HOME),
      localStopTimeoutMs: c.NEO4J_LOCAL_STOP_TIMEOUT_MS,
      poolSize: c.NEO4J_POOL_SIZE,
      connectionTimeoutMs: c.NEO4J_CONNECTION_TIMEOUT_MS,
      acquisitionTimeoutMs: c.NEO4J_ACQUISITION_TIMEOUT_MS,
      maxRetryTimeMs: c.NEO4J_MAX_RETRY_TIME_MS,
      probeIntervalMs: c.NEO4J_PROBE_INTERVAL_MS,
      probeTimeoutMs: c.NEO4J_PROBE_TIMEOUT_MS,
    },
    deadlineMarginMs: c.QUERY_DEADLINE_MARGIN_MS,
    readyTimeoutMs: c.READY_TIMEOUT_MS,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS,
    queryTimeoutMs: c.QUERY_TIMEOUT_MS,
    searchTimeoutMs: c.SEARCH_TIMEOUT_MS,
    recordedMaxChanges: c.RECORDED_AS_OF_MAX_CHANGES,
    logLevel: c.LOG_LEVEL,
    seedOnEmpty: c.SEED_ON_EMPTY === 'true',
    warmUp: c.WARM_UP === 'true',
    sourceMappedStacks: c.SOURCE_MAPPED_STACKS === 'auto' ? env.NODE_ENV !== 'production' : c.SOURCE_MAPPED_STACKS === 'true',
    cursorSecret: c.CURSOR_SECRET || undefined,
    logFormat: c.LOG_FORMAT as 'auto' | 'pretty' | 'json',
    http: {
      clientLimit: {
        concurrency: c.CLIENT_MAX_CONCURRENT, queue: c.CLIENT_MAX_QUEUED,
        slots: c.DB_MAX_CONCURRENT, dbMsPerSecond: c.CLIENT_DB_MS_PER_SECOND, burstMs: c.CLIENT_DB_BURST_MS,
      },
      trustProxy: c.TRUST_PROXY,
      corsOrigins: c.CORS_ORIGINS,
      executor: c.GRAPHQL_EXECUTOR as 'jit' | 'graphql-js',
      introspection: c.INTROSPECTION === 'true',
      trustedDocuments: c.TRUSTED_DOCUMENTS === 'require',
      queryStats: { always: c.QUERY_STATS === 'always' || (c.QUERY_STATS === 'auto' && !production), token: c.QUERY_STATS === 'never' ? undefined : c.QUERY_STATS_TOKEN || undefined },
      metrics: { host: c.METRICS_HOST, port: c.METRICS_PORT, token: c.METRICS_TOKEN || undefined },
      auth,
    },
    tracing: tracingSettings(c),
  };
}

/**
 * Whose identities the server accepts (src/auth/): bearer JWTs of the identity provider that
 * AUTH_ISSUER, AUTH_JWKS_URL or AUTH_KEY_FILE names, with AUTH_AUDIENCE; without them, on the
 * local path (no NEO4J_URI) or outside production, the development key's (npm run token); in
 * production with a NEO4J_URI and none of them, no JWTs. API keys always work.
 */
function authOptions(c: { READ_ACCESS: string; AUTH_ISSUER: string; AUTH_AUDIENCE: string[]; AUTH_JWKS_URL: string; AUTH_KEY_FILE: string;
  AUTH_ALGORITHMS: string[]; AUTH_ROLES_CLAIM: string; AUTH_CLOCK_TOLERANCE_MS: number }, production: boolean): AuthOptions {
  const problems: string[] = [];
  const keyFile = c.AUTH_KEY_FILE && (isAbsolute(c.AUTH_KEY_FILE) ? c.AUTH_KEY_FILE : resolve(PROJECT_ROOT, c.AUTH_KEY_FILE));
  const configured = !!(c.AUTH_ISSUER || c.AUTH_JWKS_URL || keyFile);
  if (c.AUTH_JWKS_URL && keyFile) problems.push('AUTH_JWKS_URL, AUTH_KEY_FILE: give one source of keys, not both');
  if (keyFile && !existsSync(keyFile)) problems.push(`AUTH_KEY_FILE: ${keyFile} does not exist`);
  if (configured && c.AUTH_AUDIENCE.length === 0) {
    problems.push('AUTH_AUDIENCE: required with AUTH_ISSUER, AUTH_JWKS_URL or AUTH_KEY_FILE (this API\'s identifier at the identity provider); without it a token the provider issued for any other application would be accepted');
  }
  if (!configured && c.AUTH_AUDIENCE.length > 0) problems.push('AUTH_AUDIENCE: set, but not whose tokens to trust: set AUTH_ISSUER (OpenID discovery), AUTH_JWKS_URL or AUTH_KEY_FILE');
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const readAccess = c.READ_ACCESS as AuthOptions['readAccess'];
  const clockToleranceS = c.AUTH_CLOCK_TOLERANCE_MS / 1000;
  if (!configured) return { readAccess, jwt: production ? undefined : devJwtOptions(c.AUTH_ROLES_CLAIM, clockToleranceS) };
  return {
    readAccess,
    jwt: {
      issuer: c.AUTH_ISSUER || undefined,
      audience: c.AUTH_AUDIENCE,
      keys: keyFile ? { kind: 'file', path: keyFile } : c.AUTH_JWKS_URL ? { kind: 'jwks', url: c.AUTH_JWKS_URL } : { kind: 'discovery' },
      algorithms: c.AUTH_ALGORITHMS,
      rolesClaim: c.AUTH_ROLES_CLAIM,
      clockToleranceS,
    },
  };
}

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}
