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

  constructor(private readonly maxTotalSize = MAX_TOTAL_SIZE, private readonly maxPerAnchor = MAX_PER_DOCUMENT) {}

  get(anchor: A, key: string): V | undefined {
    return this.byNode.get(anchor)?.get(key);
  }

  has(anchor: A, key: string): boolean {
    return this.byNode.get(anchor)?.has(key) ?? false;
  }

  /** `size`: what the entry holds, in characters (its key and compiled text), counted against the total bound. */
  set(anchor: A, key: string, value: V, size = 0): void {
    this.total += key.length + size;
    if (this.total > this.maxTotalSize) {
      this.byNode = new WeakMap();
      this.total = key.length + size;
    }
    let entries = this.byNode.get(anchor);
    if (!entries) this.byNode.set(anchor, (entries = new Map()));
    if (entries.size >= this.maxPerAnchor) entries.clear();
    entries.set(key, value);
  }
}
