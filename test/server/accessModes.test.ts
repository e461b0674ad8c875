import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, type ExecutionResult } from 'graphql';
import neo4j, { type BookmarkManager, type Driver, type Session } from 'neo4j-driver';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { Graph } from '../../src/graph/graph.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/context.js';
import { buildApiSchema } from '../../src/server/executableSchema.js';
import { loadExamples } from '../../src/server/ide.js';
import { neo4jEnv } from '../support/api.js';
import { cleanUp, db, fixtures, RUN, testUrl } from '../curation/fixtures.js';

// The cluster path (docs/operators.md, "Neo4j cluster or Aura"): every read the API serves asks
// the driver for a READ session (a cluster routes it to a secondary), every mutation's
// transaction for a WRITE one (the leader), and both use the driver's executeQueryBookmarkManager,
// so a read after a write waits for a replica that has the write. One Neo4j here: what is proved
// is what the server asks the driver for, not how a cluster routes it.

/** One session or executeQuery the server asked the driver for. */
interface Call {
  kind: 'session' | 'executeQuery';
  /** The session's defaultAccessMode, or executeQuery's routing: 'READ' or 'WRITE'. */
  mode: string;
  /** The transaction metadata's query name (set when the session runs something). */
  name?: string;
  /** The bookmark manager it was given is the driver's executeQueryBookmarkManager. */
  sharedBookmarks: boolean;
  /** A write session's bookmarks after its transaction committed. */
  committed?: string[];
}

const CURATOR = { subject: `${RUN}-modes`, role: 'curator', tokenId: `${RUN}-modes-token` };

let database: Database;
let manager: BookmarkManager;
let calls: Call[] = [];
/** What the shared bookmark manager handed out, call by call (the bookmarks a session starts from). */
let handedOut: string[][] = [];
let run: (source: string, variables?: Record<string, unknown>, actor?: Record<string, unknown>) => Promise<ExecutionResult<any>>;
let incident: string;
let publisher: string;
/** The source the first mutation test adds, cited by the refused one. */
let source: string;

/** The driver as the Graph sees it, recording every session and executeQuery it is asked for. */
function recording(driver: Driver): Driver {
  const metadataName = (config: unknown) => (config as { metadata?: { query?: string } } | undefined)?.metadata?.query;
  const watch = (session: Session, call: Call): Session => new Proxy(session, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'run') return (text: string, params: unknown, config: unknown) => { call.name ??= metadataName(config); return value.call(target, text, params, config); };
      if (prop === 'executeWrite' || prop === 'executeRead' || prop === 'beginTransaction') {
        return async (...args: unknown[]) => {
          call.name ??= metadataName(prop === 'beginTransaction' ? args[0] : args[1]);
          const out = await value.apply(target, args);
          if (prop === 'executeWrite') call.committed = [...target.lastBookmarks()];
          return out;
        };
      }
      return value.bind(target);
    },
  });
  return new Proxy(driver, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'session') {
        return (config: Parameters<Driver['session']>[0] = {}) => {
          const call: Call = { kind: 'session', mode: String(config.defaultAccessMode), sharedBookmarks: config.bookmarkManager === target.executeQueryBookmarkManager };
          calls.push(call);
          return watch(target.session(config), call);
        };
      }
      if (prop === 'executeQuery') {
        return (text: string, params: unknown, config: { routing?: string; bookmarkManager?: unknown; transactionConfig?: unknown } = {}) => {
          calls.push({ kind: 'executeQuery', mode: String(config.routing ?? neo4j.routing.WRITE), name: metadataName(config.transactionConfig),
            // executeQuery uses the driver's manager unless given another one (or null).
            sharedBookmarks: config.bookmarkManager === undefined || config.bookmarkManager === target.executeQueryBookmarkManager });
          return (target.executeQuery as (...a: unknown[]) => unknown)(text, params, config);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  database = await openDatabase(loadConfig({ ...process.env, ...neo4jEnv(), NEO4J_DATABASE: db() }), createLogger('warn', 'json'));
  manager = database.driver.executeQueryBookmarkManager;
  const getBookmarks = manager.getBookmarks.bind(manager);
  manager.getBookmarks = async () => { const b = await getBookmarks(); handedOut.push([...b]); return b; };
  const { graph } = database;
  const recorded = new Graph(recording(database.driver), graph.queries, graph.options, graph.availability);
  const schema = buildApiSchema();
  run = (source, variableValues, actor) =>
    graphql({ schema, source, variableValues, contextValue: { ...createContext(recorded, undefined, undefined, undefined), actor } }) as Promise<ExecutionResult<any>>;
  ({ incident, publisher } = await fixtures('access-modes'));
});

afterAll(async () => {
  await cleanUp();
  await database?.close();
});

/** The calls made while `work` ran. */
async function during(work: () => Promise<void>): Promise<Call[]> {
  calls = [];
  handedOut = [];
  await work();
  return calls;
}

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { created source { id publisher { id } } change { id } } }`;
const ADD_ESTIMATE = `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id value } change { id } } }`;
const INCIDENT_ESTIMATES = `query($id: ID!) { incident(id: $id) { accountsAffected { id value } } }`;

describe('every read the API serves runs in a READ session', () => {
  const examples = loadExamples();

  it('there are example queries to run', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((e) => [e.name, e] as const))('IDE example %s: only READ sessions, with the shared bookmark manager', async (_name, e) => {
    let r: ExecutionResult<any> | undefined;
    const made = await during(async () => { r = await run(e.query, e.variables); });
    expect(r!.errors).toBeUndefined();
    expect(made.length).toBeGreaterThan(0);
    for (const c of made) {
      expect(c, JSON.stringify(c)).toMatchObject({ kind: 'session', mode: neo4j.session.READ, sharedBookmarks: true });
      expect(c.name, JSON.stringify(c)).toEqual(expect.any(String));
    }
  });
});

describe('every mutation writes in a WRITE transaction, and a read after it starts from its bookmark', () => {
  /** Runs a mutation; checks what it asked for; returns its payload and the write's bookmarks. */
  async function mutation(source: string, input: Record<string, unknown>, field: string, transaction: string) {
    let r: ExecutionResult<any> | undefined;
    const made = await during(async () => { r = await run(source, { input }, CURATOR); });
    expect(r!.errors).toBeUndefined();
    const writes = made.filter((c) => c.mode !== neo4j.session.READ);
    // Exactly one write: the mutation's own managed transaction, in a WRITE session.
    expect(writes).toEqual([expect.objectContaining({ kind: 'session', mode: neo4j.session.WRITE, name: `mutation/${transaction}`, sharedBookmarks: true })]);
    expect(writes[0]!.committed!.length).toBeGreaterThan(0);
    // Anything else it asked for (the payload's fields, read after the commit) is a READ of committed data.
    for (const c of made.filter((x) => x !== writes[0])) {
      expect(c, JSON.stringify(c)).toMatchObject({ kind: 'session', mode: neo4j.session.READ, sharedBookmarks: true });
    }
    return { payload: r!.data![field], committed: writes[0]!.committed!, reads: made.filter((x) => x !== writes[0]).map((c) => c.name) };
  }

  /** A read right after a write: its READ session starts from (at least) the write's bookmarks. */
  async function readAfter(committed: string[]) {
    let r: ExecutionResult<any> | undefined;
    const made = await during(async () => { r = await run(INCIDENT_ESTIMATES, { id: incident }); });
    expect(r!.errors).toBeUndefined();
    expect(made.length).toBeGreaterThan(0);
    for (const c of made) expect(c).toMatchObject({ kind: 'session', mode: neo4j.session.READ, sharedBookmarks: true });
    // The driver asked the shared manager for the bookmarks to send, and got the write's.
    expect(handedOut.length).toBeGreaterThan(0);
    for (const b of handedOut) expect(b).toEqual(expect.arrayContaining(committed));
    return r!.data!.incident;
  }

  it('addSource, then addEstimate on the test\'s own incident; each read after sees the write', async () => {
    const s = await mutation(ADD_SOURCE, { url: testUrl('access-modes'), title: 'Access modes', publisher, publishedOn: '2026-12' }, 'addSource', 'addSource');
    expect(s.payload).toMatchObject({ created: true, source: { publisher: { id: publisher } } });
    // addSource finds the publisher first, outside its transaction: a READ of committed data.
    expect(s.reads).toContain('source/write/publishers');
    source = s.payload.source.id;
    expect(await readAfter(s.committed)).toMatchObject({ accountsAffected: null });

    const e = await mutation(ADD_ESTIMATE, { incident, metric: 'AFFECTED', value: 4321, unit: 'accounts', sources: [{ id: s.payload.source.id }] },
      'addEstimate', 'addEstimate');
    expect(e.committed).not.toEqual(s.committed);
    const read = await readAfter(e.committed);
    expect(read.accountsAffected).toMatchObject({ id: e.payload.estimate.id, value: 4321 });
  });

  it('a refused mutation (an unknown incident): the write rolls back, the suggestion is a READ of committed data', async () => {
    let r: ExecutionResult<any> | undefined;
    const made = await during(async () => {
      r = await run(ADD_ESTIMATE, { input: { incident: `${incident}x`, metric: 'AFFECTED', value: 1, unit: 'accounts', sources: [{ id: source }] } }, CURATOR);
    });
    expect(r!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const writes = made.filter((c) => c.mode !== neo4j.session.READ);
    expect(writes).toEqual([expect.objectContaining({ kind: 'session', mode: neo4j.session.WRITE, name: 'mutation/addEstimate', sharedBookmarks: true })]);
    expect(writes[0]!.committed).toBeUndefined(); // rolled back: executeWrite rejected
    const reads = made.filter((c) => c.mode === neo4j.session.READ);
    expect(reads.length).toBeGreaterThan(0);
    for (const c of reads) expect(c).toMatchObject({ kind: 'session', sharedBookmarks: true, name: expect.stringMatching(/^common\/suggest\//) });
    // Asked for after the write session (its rollback): the suggestion reads committed data only.
    expect(made.indexOf(reads[0]!)).toBeGreaterThan(made.indexOf(writes[0]!));
  });
});
