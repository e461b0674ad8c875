import { createHash } from 'node:crypto';
import type { FieldNode } from 'graphql';

/**
 * Compiled request queries, kept for the next request that asks the same thing. A root field's
 * query is a function of its field node in the parsed document (Apollo keeps one parsed document
 * per query text, so the same question brings the same nodes) and of the request's variables:
 * compiling it again is pure cost (~0.5 ms of CPU a request in a profile of a small query,
 * most of what the API spends outside Apollo and the driver).
 *
 * Entries hang off the field node, so they go when Apollo drops the document. Bounded, so that a
 * client sending new documents or new variables every time cannot grow it: at most
 * MAX_PER_DOCUMENT variable sets per document, and MAX_TOTAL_SIZE characters of compiled text in
 * all (then it starts afresh: Apollo's own document cache holds far more documents than this).
 */
const MAX_PER_DOCUMENT = 64;
const MAX_TOTAL_SIZE = 16 * 1024 * 1024;
/** Characters all memos together may hold (JavaScript strings take 1 or 2 bytes a character). */
const MAX_SHARED_SIZE = 32 * 1024 * 1024;

/** One budget for every memo in the process: past it, all start afresh. */
const shared = { size: 0, memos: new Set<{ clear(): void }>() };

/**
 * A key for `text` that holds no more than a digest of it once it is long: variables can be up to
 * the request body's size, and the key is kept as long as its entry.
 */
export function shortKey(text: string): string {
  return text.length <= 128 ? text : `#${createHash('sha256').update(text).digest('base64url')}`;
}

const ids = new WeakMap<FieldNode, number>();
let nextId = 0;

/** A number for a field node, the same for as long as its document lives. */
export function nodeId(node: FieldNode): number {
  let id = ids.get(node);
  if (id === undefined) ids.set(node, (id = nextId++));
  return id;
}

/**
 * Values kept per parsed-document object (a field node, a whole document) and a key within it:
 * the one cache for what is worked out once per document (compiled queries here, query costs in
 * src/server/limits.ts, graphql-jit's compiled operations in src/server/jit.ts).
 */
export class Memo<V, A extends object = FieldNode> {
  private byNode = new WeakMap<A, Map<string, V>>();
  private total = 0;

  constructor(private readonly maxTotalSize = MAX_TOTAL_SIZE, private readonly maxPerAnchor = MAX_PER_DOCUMENT) {
    shared.memos.add(this);
  }

  /** Drops every entry. */
  clear(): void {
    this.byNode = new WeakMap();
    this.total = 0;
  }

  get(anchor: A, key: string): V | undefined {
    return this.byNode.get(anchor)?.get(key);
  }

  has(anchor: A, key: string): boolean {
    return this.byNode.get(anchor)?.has(key) ?? false;
  }

  /** `size`: what the entry holds, in characters (its key and compiled text), counted against the total bound. */
  set(anchor: A, key: string, value: V, size = 0): void {
    this.total += key.length + size;
    shared.size += key.length + size;
    if (shared.size > MAX_SHARED_SIZE) {
      for (const m of shared.memos) m.clear();
      shared.size = key.length + size;
      this.total = key.length + size;
    } else if (this.total > this.maxTotalSize) {
      this.clear();
      this.total = key.length + size;
    }
    let entries = this.byNode.get(anchor);
    if (!entries) this.byNode.set(anchor, (entries = new Map()));
    if (entries.size >= this.maxPerAnchor) entries.clear();
    entries.set(key, value);
  }
}
