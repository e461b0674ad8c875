import { availableParallelism } from 'node:os';
import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { getNullableType, isListType } from 'graphql';
import type { Graph, QueryStats } from '../graph/graph.js';
import { rootAsOf } from './asOf.js';
import { readAsRecorded } from './recordedAsOf.js';
import { decoded, single, type Builder, type Compiler, type RootBlock } from './compile.js';
import { fieldKey } from './keys.js';
import { Memo, nodeId, shortKey } from './memo.js';
import type { Request } from './selection.js';

export const requestOf = (info: GraphQLResolveInfo): Request => ({
  schema: info.schema, fragments: info.fragments, variableValues: info.variableValues, asOf: rootAsOf(info),
});

/**
 * Compiled query texts this process has had Neo4j plan. Planning a large query for the first time
 * can take seconds on a busy machine, and Neo4j counts it against the transaction's timeout: a
 * new text is planned first (EXPLAIN, which fills Neo4j's plan cache) under PLAN_BUDGET_MS, so a
 * request's budget bounds running it, not planning it. Bounded by count and by characters: a
 * client cannot grow it without end (a compiled text can be tens of kilobytes).
 *
 * Planning is also the cheapest way to keep Neo4j busy (a 632-character query took 4 s to plan
 * and 9 ms to run again): at most PLANNING_AT_ONCE texts are planned at once in the process, so
 * new shapes, however many clients send them, hold that many of Neo4j's cores and no more. The
 * fair scheduler (src/server/clientLimit.ts) charges the planning time to the client that asked.
 */
const planned = new Set<string>();
const MAX_PLANNED = 5000;
const MAX_PLANNED_CHARS = 16 * 1024 * 1024;
let plannedChars = 0;
export const PLAN_BUDGET_MS = 60_000;
const PLANNING_AT_ONCE = Math.max(1, Math.floor(availableParallelism() / 2));
const planning = pLimit(PLANNING_AT_ONCE);

/** A request's query as compiled: its text and parameters, and each root field's part of the answer (by position). */
interface Compiled {
  name: string;
  text: string;
  params: Record<string, unknown>;
  parts: number;
  blocks: { block: RootBlock; first: number }[];
}

const compiled = new Memo<Compiled>();

export interface BlockOptions {
  /** Time budget of the query; blocks with another budget go as a query of their own. */
  timeoutMs?: number | undefined;
  /**
   * The root field's node, when what build() makes depends on nothing but that node (its
   * arguments, its selection) and the request's variables: the compiled query is then kept for
   * the next request that asks the same (src/read/memo.ts). Not for a build that uses what an
   * earlier query read.
   */
  memo?: FieldNode;
}

interface Pending {
  name: string;
  req: Request;
  build: (b: Builder) => RootBlock;
  timeoutMs: number | undefined;
  /** The root field's node when build() depends on nothing but it and the variables: its query is memoised. */
  memo: FieldNode | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The read side of one request. Root fields run as one query: each root field is compiled with
 * everything selected under it into a subquery, and the root fields graphql-js starts together
 * (all of a query's) are sent together. A relationship field whose parent record did not come with
 * its value (a node reached through a path, a search hit) is batched: one query per field node
 * for all its parents, with that field's whole subtree compiled in. Across requests only compiled
 * root queries are kept (src/read/memo.ts), never what Neo4j answered.
 */
export class Reader {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();
  private pending: Pending[] = [];

  /**
   * One Neo4j query of the request at a time (five aliased neighbourhoods are five walks of
   * queries): Neo4j Community runs a query on one core, so a request holding one of the fair
   * scheduler's slots (src/server/clientLimit.ts) holds one core, not as many as it has aliases.
   */
  readonly #one = pLimit(1);

  /** `after`: bookmarks of writes the request's reads must see (its Graph-Bookmark header; src/graph/bookmarks.ts). */
  constructor(private readonly graph: Graph, readonly compiler: Compiler, readonly stats: QueryStats, private readonly after: readonly string[] = []) {}

  /**
   * The instant the request reads the graph as recorded at (recordedAsOf, src/read/recordedAsOf.ts),
   * set by the root fields' check before any read: every read of the request, compiled or named,
   * then runs in a transaction that puts that state back and is rolled back.
   */
  recordedAt: string | null = null;

  /** A read of this request's, after the ones before it. */
  #read<T extends Record<string, unknown>>(name: Parameters<Graph['read']>[0], params: Record<string, unknown>, stats: QueryStats, timeoutMs?: number): Promise<T[]> {
    const at = this.recordedAt;
    if (at !== null) {
      const query = typeof name === 'string' ? this.graph.queries.statement(name) : name;
      return this.#one(() => readAsRecorded<T>(this.graph, at, query, params, stats, timeoutMs, this.after));
    }
    return this.#one(() => this.graph.read<T>(name, params, stats, timeoutMs, this.after));
  }

  /** A root field compiled with its whole selection; its value once the request's query has run. */
  root<T>(info: GraphQLResolveInfo, params: Record<string, unknown>, timeoutMs?: number): Promise<T> {
    const req = requestOf(info);
    return this.block(`${info.parentType.name}.${info.fieldName}`, req,
      (b) => single(this.compiler.root(b, info.parentType, info.fieldNodes, params, req)), { timeoutMs, memo: info.fieldNodes[0] });
  }

  /**
   * Adds a subquery to the request's query. Root fields are started one after another in the
   * same tick, so the query goes out once they all have had their turn. Subqueries with another
   * time budget (searches) go as a query of their own.
   */
  block<T>(name: string, req: Request, build: (b: Builder) => RootBlock, opts: BlockOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) void Promise.resolve().then(() => process.nextTick(() => this.flush()));
      this.pending.push({ name, req, build, timeoutMs: opts.timeoutMs, memo: opts.memo, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const byBudget = new Map<number | undefined, Pending[]>();
    for (const p of batch) byBudget.set(p.timeoutMs, [...(byBudget.get(p.timeoutMs) ?? []), p]);
    for (const [timeoutMs, group] of byBudget) void this.send(group, timeoutMs);
  }

  private async send(group: Pending[], timeoutMs: number | undefined): Promise<void> {
    const key = memoKey(group, timeoutMs);
    let q = key ? compiled.get(group[0]!.memo!, key) : undefined;
    if (!q) {
      const b = this.compiler.builder(group[0]!.req);
      const built: { p: Pending; block: RootBlock; first: number }[] = [];
      let parts = 0;
      for (const p of group) {
        try {
          const block = p.build(b);
          built.push({ p, block, first: parts });
          parts += block.parts.length;
        } catch (e) {
          p.reject(e);
        }
      }
      if (built.length === 0) return;
      // Each part's rows, tagged with the part's number: UNION ALL streams them one part after another.
      const text = built.flatMap((x) => x.block.parts.map((part, j) => `${part.call}\nRETURN ${x.first + j} AS k, ${part.out} AS v`)).join('\nUNION ALL\n');
      q = { name: built.map((x) => x.p.name).join(' + '), text, params: b.params, parts, blocks: built.map(({ block, first }) => ({ block, first })) };
      // A query made without the blocks that failed to build is this request's only.
      if (built.length < group.length) group = built.map((x) => x.p);
      else if (key) compiled.set(group[0]!.memo!, key, q, text.length);
    }
    try {
      const rows: unknown[][] = Array.from({ length: q.parts }, () => []);
      if (q.parts > 0) {
        await this.plan(q.name, q.text, q.params);
        for (const r of await this.#read<{ k: number; v: unknown }>({ name: q.name, text: q.text }, q.params, this.stats, timeoutMs)) rows[r.k]!.push(r.v);
      }
      q.blocks.forEach(({ block, first }, i) => group[i]!.resolve(block.assemble(rows.slice(first, first + block.parts.length))));
    } catch (e) {
      for (const p of group) p.reject(e);
    }
  }

  private async plan(name: string, text: string, params: Record<string, unknown>): Promise<void> {
    if (planned.has(text)) return;
    await planning(async () => {
      // Planned meanwhile by another request that waited for the same text.
      if (planned.has(text)) return;
      const started = performance.now();
      try {
        await this.graph.read({ name: `plan ${name}`, text: `EXPLAIN ${text}` }, params, undefined, PLAN_BUDGET_MS);
      } finally {
        this.stats.plans = (this.stats.plans ?? 0) + 1;
        this.stats.dbMs += performance.now() - started;
      }
      if (planned.size >= MAX_PLANNED || plannedChars + text.length > MAX_PLANNED_CHARS) {
        planned.clear();
        plannedChars = 0;
      }
      planned.add(text);
      plannedChars += text.length;
    });
  }

  /**
   * A read on behalf of the process rather than this request (a cache refreshed in the
   * background, src/read/asOfCheck.ts): not counted in the request's stats, not queued behind its reads.
   */
  background<T extends Record<string, unknown>>(name: string, params: Record<string, unknown>): Promise<T[]> {
    return this.graph.read<T>(name, params, { queries: 0, dbMs: 0 }, undefined, this.after);
  }

  /** Runs a registered query as is (cypher/<name>.cypher). */
  named<T extends Record<string, unknown>>(name: string, params: Record<string, unknown>, timeoutMs?: number): Promise<T[]> {
    return this.#read<T>(name, params, this.stats, timeoutMs);
  }

  get queries(): Graph['queries'] {
    return this.graph.queries;
  }

  get searchTimeoutMs(): number | undefined {
    return this.graph.options.searchTimeoutMs;
  }

  field(info: GraphQLResolveInfo, parentId: string, params: Record<string, unknown>): Promise<unknown> {
    const req = requestOf(info);
    // One field node can sit under root fields with different asOf days (a shared fragment).
    const id = `${info.parentType.name}|${fieldKey(info.fieldNodes[0]!)}|${req.asOf ?? ''}`;
    let loader = this.loaders.get(id);
    if (!loader) {
      const q = this.compiler.batch(req, info.parentType, info.fieldNodes, params);
      const empty = isListType(getNullableType(info.returnType)) ? [] : null;
      loader = new DataLoader<string, unknown>(async (keys) => {
        const name = `${info.parentType.name}.${info.fieldName} (batched)`;
        await this.plan(name, q.text, { ...q.params, keys: [...keys] });
        const rows = await this.#read<{ key: string; value: unknown }>({ name, text: q.text }, { ...q.params, keys: [...keys] }, this.stats);
        const byKey = new Map(rows.map((r) => [r.key, decoded(q.decode, r.value)]));
        return keys.map((k) => (byKey.has(k) ? byKey.get(k) : empty));
      // One query per field node even when a level fans out to tens of thousands of parents.
      }, { maxBatchSize: 50_000 });
      this.loaders.set(id, loader);
    }
    return loader.load(parentId);
  }
}

/** What a group's compiled query depends on, when every block in it says so; null when it cannot be kept. */
function memoKey(group: readonly Pending[], timeoutMs: number | undefined): string | null {
  if (!group.every((p) => p.memo)) return null;
  try {
    return `${timeoutMs ?? ''}|${group.map((p) => nodeId(p.memo!)).join(',')}|${shortKey(JSON.stringify(group[0]!.req.variableValues))}`;
  } catch {
    return null; // variables JSON cannot hold
  }
}
