import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import neo4j from 'neo4j-driver';
import type { Role } from '../auth/roles.js';
import { ErrorCode, badInput } from '../errors.js';
import type { ChangeRecord } from '../modules/history/records.js';
import type { SourceRecord } from '../modules/source/records.js';
import type { Context } from '../read/context.js';
import { echoed, unknownError, type KnownKind } from '../read/knownIds.js';
import { curatorOf, type Curator } from './actor.js';
import { newChange, type LinkWrite, type PropertyWrite } from './change.js';
import { storedProps, type ChangeSet, type Link, type Props } from './changeset.js';
import { checkLabel, checkType } from './vocabulary.js';

/** A node as cypher/write/*.cypher return it: its properties and labels. */
export type NodeRecord = { id: string; _labels: string[]; version?: number } & Record<string, unknown>;

/** What a write did, for its payload: the change and the records of the nodes it wrote. */
export interface Applied {
  change: ChangeRecord;
  /** By id: the nodes of the changeset's `returned` (default: created, then set), as committed. */
  nodes: Map<string, NodeRecord>;
  /**
   * The same nodes in the changeset's `returned` order. A payload takes a node it created from
   * here, not by the id it made: a retry with the same Idempotency-Key made another id, and gets
   * the first write's nodes in the same places.
   */
  returned: (NodeRecord | undefined)[];
}

/** A write in progress: Cypher of the registry in its transaction, and the changeset that ends it. */
export interface WriteTx {
  readonly curator: Curator;
  run<R extends Record<string, unknown> = Record<string, unknown>>(query: string, params?: Record<string, unknown>): Promise<R[]>;
  /** Checks, locks, records and applies the changeset, then chooses the derived values again. Once per write. */
  apply(changes: ChangeSet): Promise<Applied>;
}

/** Ids a write named that name nothing: found inside its transaction, reported after the rollback. */
export class Unknown extends Error {
  constructor(readonly ids: { argument: string; kind: KnownKind; value: string }[]) { super('unknown ids'); }
}

/** A write based on a version that is no longer current: found under the lock, reported after the rollback. */
export class Stale extends Error {
  constructor(readonly id: string, readonly current: number, readonly expected: number) { super('stale version'); }
}

/** A property whose current value is not the one the write expected (set outside the history, or since). */
export class Drifted extends Error {
  constructor(readonly id: string, readonly property: string) { super('drifted'); }
}

/** How long an Idempotency-Key answers a retry with the first result. */
const IDEMPOTENCY_HOURS = 24;
const MAX_IDEMPOTENCY_KEY = 255;

/**
 * One curated write: `role` checked (the schema's @requires has already refused anyone below it
 * before anything ran; this holds a resolver run some other way to the same rule), then `work` in
 * ONE managed write transaction, which ends with tx.apply(changeset). An `Idempotency-Key` the
 * request sent (ctx.idempotencyKey) makes a retry of the same mutation with the same arguments, by
 * the same identity, within 24 hours return the first result (`replay` builds it from what the
 * first one wrote) instead of writing again; the same key with other arguments is BAD_USER_INPUT.
 */
export async function mutate<T>(ctx: Context, spec: { coordinate: string; role?: Role; args: unknown },
  work: (tx: WriteTx) => Promise<T>, replay: (applied: Applied) => T): Promise<T> {
  const curator = curatorOf(ctx, spec.coordinate, spec.role ?? 'curator');
  const idempotency = ctx.idempotencyKey ? keyOf(curator, spec.coordinate, ctx.idempotencyKey, spec.args) : null;
  const attempt = () => ctx.write.transaction(`mutation/${spec.coordinate.split('.')[1]}`, async (run) => {
    if (idempotency) {
      const [first] = await run<{ request: string; change: string; nodes: string[] }>('write/idempotencyKey',
        { id: idempotency.id, since: new Date(Date.now() - IDEMPOTENCY_HOURS * 3_600_000).toISOString() });
      if (first) {
        if (first.request !== idempotency.request) {
          throw badInput(`The Idempotency-Key "${echoed(ctx.idempotencyKey!)}" was sent before with other arguments of ${spec.coordinate}: use a new key for a new write.`, 'Idempotency-Key');
        }
        const [row] = await run<{ change: ChangeRecord; nodes: (NodeRecord | null)[] }>('write/replay', { change: first.change, ids: first.nodes });
        return replay({ change: row!.change, nodes: byId(row!.nodes), returned: row!.nodes.map((n) => n ?? undefined) });
      }
    }
    let applied = false;
    const tx: WriteTx = {
      curator,
      run: (query, params = {}) => run(query, params),
      apply: async (changes) => {
        if (applied) throw new Error(`${spec.coordinate} applied two changesets in one write`);
        applied = true;
        return apply(run, curator, changes, idempotency);
      },
    };
    return work(tx);
  }, ctx.stats, {}, ctx.consistency);
  try {
    try {
      return await attempt();
    } catch (e) {
      // Another write committed the same unique id meanwhile (two curators adding one URL, or a
      // retry racing its first send with the same Idempotency-Key): run again, and see theirs.
      if (e instanceof neo4j.Neo4jError && e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return await attempt();
      throw e;
    }
  } catch (e) {
    if (e instanceof Unknown) throw await unknownError(ctx, e.ids);
    if (e instanceof Stale) {
      throw new GraphQLError(`"${echoed(e.id)}" is at version ${e.current}, not ${e.expected}: another change was made since it was read. Read it again, then retry with expectedVersion: ${e.current}.`,
        { extensions: { code: ErrorCode.CONFLICT, currentVersion: e.current, expectedVersion: e.expected } });
    }
    if (e instanceof Drifted) {
      throw new GraphQLError(`"${echoed(e.id)}".${e.property} is no longer the value the change set: it was changed since, outside this change. Nothing was written.`,
        { extensions: { code: ErrorCode.CONFLICT, entity: e.id, property: e.property } });
    }
    throw e;
  }
}

/** What cypher/write/prepare.cypher returns. */
type Prepared = { missing: { id: string; label: string; argument: string }[]; nodes: NodeRecord[]; links: { from: string; type: string; to: string; props: Props | null }[] };

type Run = <R extends Record<string, unknown> = Record<string, unknown>>(query: string, params?: Record<string, unknown>) => Promise<R[]>;

const PROVENANCE = new Set(['SOURCED_FROM', 'PUBLISHED_BY']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function apply(run: Run, curator: Curator, cs: ChangeSet, idempotency: { id: string; request: string } | null): Promise<Applied> {
  const create = cs.create ?? [];
  const set = cs.set ?? [];
  const relabel = cs.relabel ?? [];
  const sources = cs.sources ?? [];
  for (const c of create) checkLabel(c.label);
  for (const r of relabel) r.labels.forEach(checkLabel);
  const sourced = cs.sourced ?? (create.length ? create.map((c) => c.id) : set.map((s) => s.id));
  const sourceLinks: Link[] = sourced.flatMap((node) => sources.map((s): Link => ({ from: node, type: 'SOURCED_FROM', to: s.id, props: { claim: 'general', attribution: s.attribution, about: s.about } })));
  const links = [...(cs.link ?? []), ...sourceLinks];
  const unlink = cs.unlink ?? [];
  for (const l of [...links, ...unlink]) checkType(l.type);
  const require = [
    ...(cs.require ?? []),
    ...sources.map((s) => ({ id: s.id, label: 'Source' as const, argument: 'input.sources.id' })),
  ];

  const prepareParams = {
    require, lock: [...set.map((s) => s.id), ...relabel.map((r) => r.id)], links: [...links, ...unlink].map(({ from, type, to }) => ({ from, type, to })),
  };
  const prepare = async () => (await run<Prepared>('write/prepare', prepareParams))[0]!;
  // A write that only adds (new nodes, and links each touching one of them) has nothing to lock,
  // no value before and no link that was there already: its existence checks are made by the
  // write's own statement (apply.cypher's $require), one round trip less. Only when that statement
  // finds an id missing, and so writes nothing, is prepare run, to name what is missing.
  const createdIds = new Set(create.map((c) => c.id));
  const addsOnly = set.length === 0 && relabel.length === 0 && unlink.length === 0
    && links.every((l) => createdIds.has(l.from) || createdIds.has(l.to));
  const prepared: Prepared = addsOnly ? { missing: [], nodes: [], links: [] } : await prepare();
  const current = byId(prepared!.nodes);
  const unknown = prepared!.missing.map((m) => ({ argument: m.argument, kind: kindOf(m.label), value: m.id }));
  for (const s of set) {
    if (!current.get(s.id)?._labels.includes('Entity')) unknown.push({ argument: 'id', kind: 'Entity', value: s.id });
  }
  if (unknown.length) throw new Unknown(unknown);
  for (const s of set) {
    const node = current.get(s.id)!;
    const version = Number(node.version ?? 0);
    if (s.expectedVersion !== undefined && version !== s.expectedVersion) throw new Stale(s.id, version, s.expectedVersion);
    for (const [property, value] of Object.entries(s.expect ?? {})) {
      if (!same(node[property], value)) throw new Drifted(s.id, property);
    }
  }
  const existing = new Map(prepared!.links.map((l) => [linkKey(l), l.props]));

  const properties: PropertyWrite[] = [
    ...create.flatMap((c) => Object.entries(c.props).filter(([, v]) => v !== null && v !== undefined)
      .map(([property, after]) => ({ entity: c.id, property, before: null, after }))),
    ...set.flatMap((s) => {
      const node = current.get(s.id)!;
      const version = Number(node.version ?? 0);
      return Object.entries(s.props).map(([property, after]) => ({ entity: s.id, property, before: node[property] ?? null, after }))
        .filter((p) => !same(p.before, p.after))
        // Every write to a node counts one version (what expectedVersion names).
        .concat([{ entity: s.id, property: 'version', before: version, after: version + 1 }]);
    }),
    ...relabel.flatMap((r) => {
      const node = current.get(r.id)!;
      return [
        { entity: r.id, property: '_labels', before: node._labels, after: r.labels },
        ...Object.entries(r.props ?? {}).map(([property, after]) => ({ entity: r.id, property, before: node[property] ?? null, after }))
          .filter((p) => !same(p.before, p.after)),
      ];
    }),
  ];
  // A link given again keeps what it had where the write says nothing (an attribution not repeated).
  const linkWrites: LinkWrite[] = [];
  const linkParams = links.map((l) => {
    const before = existing.get(linkKey(l)) ?? null;
    const given = Object.fromEntries(Object.entries(l.props ?? {}).filter(([, v]) => v !== null && v !== undefined));
    const after = { ...(before ?? {}), ...given } as Props;
    if (l.type === 'SOURCED_FROM' && after.about === undefined) after.about = [];
    if (!same(before, after)) linkWrites.push({ from: l.from, type: l.type, to: l.to, before, after });
    return { from: l.from, type: l.type, to: l.to, props: storedProps(after) };
  });
  for (const u of unlink) {
    const before = existing.get(linkKey(u));
    if (before !== undefined && before !== null) linkWrites.push({ from: u.from, type: u.type, to: u.to, before, after: null });
  }

  const sourceIds = new Set(sources.map((s) => s.id));
  // A fact's provenance (its sources, a source's publisher) is not part of their history: the
  // change cites its sources instead.
  const endpoints = [...links, ...unlink].flatMap((l) => [l.from, ...(PROVENANCE.has(l.type) ? [] : [l.to])]);
  const changed = [...new Set([...create.map((c) => c.id), ...set.map((s) => s.id), ...relabel.map((r) => r.id), ...endpoints, ...(cs.touched ?? [])])].sort();
  const change = newChange(curator, cs.operation, properties, { links: linkWrites, created: create.map((c) => c.id), reason: cs.reason, revertOf: cs.revertOf });
  const returned = cs.returned ?? [...create.map((c) => c.id), ...set.map((s) => s.id)];

  // The write, its Change, the derived values chosen again and the payload's records read after
  // them: one statement (cypher/write/apply.cypher, then refresh.cypher).
  const [row] = await run<{ change: string; sources: SourceRecord[]; nodes: (NodeRecord | null)[] }>('write/apply+write/refresh', {
    require: addsOnly ? require.map(({ id, label }) => ({ id, label })) : [],
    unlink: unlink.map(({ from, type, to }) => ({ from, type, to })),
    create: create.map((c) => ({ id: c.id, labels: [c.label, 'Entity'], props: storedProps(c.props) })),
    set: set.map((s) => ({ id: s.id, props: storedProps(s.props) })),
    relabel: relabel.map((r) => {
      const before = current.get(r.id)!._labels;
      return { id: r.id, remove: before.filter((l) => !r.labels.includes(l)), add: r.labels, props: storedProps(r.props ?? {}) };
    }),
    link: linkParams,
    change,
    changed,
    cited: [...new Set([...sourceIds, ...(cs.cite ?? [])])],
    idempotency: idempotency ? { ...idempotency, nodes: returned } : null,
    ids: [...new Set([...changed, ...endpoints, ...links.map((l) => l.to)])],
    returned,
  });
  if (!row) {
    // apply.cypher found a required node missing and wrote nothing: name it.
    const missing = addsOnly ? (await prepare()).missing : [];
    if (missing.length) throw new Unknown(missing.map((m) => ({ argument: m.argument, kind: kindOf(m.label), value: m.id })));
    throw new Error(`${cs.operation} wrote nothing`);
  }
  const records = row.nodes;
  return {
    change: { ...change, entities: changed, sources: row.sources },
    nodes: byId(records),
    returned: records.map((n) => n ?? undefined),
  };
}

function byId(nodes: readonly (NodeRecord | null)[]): Map<string, NodeRecord> {
  return new Map(nodes.filter((n): n is NodeRecord => n !== null).map((n) => [n.id, n]));
}

const linkKey = (l: { from: string; type: string; to: string }) => `${l.from}\u0000${l.type}\u0000${l.to}`;

/** What an unknown id of a label is called in the error (src/read/knownIds.ts). */
function kindOf(label: string): KnownKind {
  return (['Country', 'Company', 'Authority', 'DataCategory', 'Publisher', 'Incident', 'Source'] as const).find((k) => k === label) ?? 'Entity';
}

/** The key's node id (per identity and mutation) and the digest of the arguments it was first sent with. */
function keyOf(curator: Curator, coordinate: string, key: string, args: unknown): { id: string; request: string } {
  if (key.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(key)) {
    throw badInput(`Idempotency-Key: at most ${MAX_IDEMPOTENCY_KEY} visible ASCII characters (a UUID is a good key).`, 'Idempotency-Key');
  }
  const digest = (s: string) => createHash('sha256').update(s).digest('hex');
  return { id: digest(`${curator.subject}\u0000${coordinate}\u0000${key}`), request: digest(canonical(args)) };
}

/** JSON with keys sorted, so the same arguments always give the same digest. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}
