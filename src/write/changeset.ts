import neo4j from 'neo4j-driver';
import type { NodeLabel, RelationshipType } from './vocabulary.js';

/** A value a node or relationship property holds (null in a write: the property is removed). */
export type PropValue = string | number | boolean | string[] | number[] | null;
export type Props = Record<string, PropValue>;

/** One property a change set, before and after (null: it had no value). `_labels`: the node's labels. */
export interface PropertyWrite {
  entity: string;
  property: string;
  before: unknown;
  after: unknown;
}

/** One relationship a change added, updated or removed: its properties before and after (null: it was not there). */
export interface LinkWrite {
  from: string;
  type: string;
  to: string;
  before: Props | null;
  after: Props | null;
}

/** A relationship, by its ends' ids and its type. */
export interface Link {
  from: string;
  type: RelationshipType;
  to: string;
  /** Set on it (a null removes one); an existing relationship of the type between the two is kept and updated. */
  props?: Props;
}

/** A source a fact rests on, as a curator names it (checked by sourceRefs in src/write/validate.ts). */
export interface SourceRef {
  id: string;
  attribution: string | null;
  about: string[] | null;
}

/**
 * What one curated write does, stated as data: src/write/mutate.ts checks it, locks what it
 * changes, records the values before and after, applies it in one statement
 * (cypher/write/apply.cypher) with its Change, and chooses the derived values again. The inverse
 * of a changeset is a changeset (revertChange), so every write can be undone the same way.
 */
export interface ChangeSet {
  /** A ChangeOperation of schema/history.graphql. */
  operation: string;
  /** Live nodes the write needs (each of its label), reported as unknown ids of `argument` when missing. */
  require?: { id: string; label: NodeLabel; argument: string }[];
  /** Nodes it creates (live, of the label), with their properties. */
  create?: { id: string; label: NodeLabel; props: Props }[];
  /**
   * Properties it sets on live nodes; with `expectedVersion`, refused (CONFLICT) when the node's
   * version differs; with `expect`, when a property's current value is not the one given (revertChange).
   */
  set?: { id: string; props: Props; expectedVersion?: number; expect?: Props }[];
  /** Nodes whose labels it replaces (retract: a fact leaves reads; merge: a node becomes a redirect), with properties to set. */
  relabel?: { id: string; labels: string[]; props?: Props }[];
  /** Relationships it adds (or updates, when one of the type already joins the two). */
  link?: Link[];
  /** Relationships it removes. */
  unlink?: Omit<Link, 'props'>[];
  /** The sources it rests on: cited by the change, and linked SOURCED_FROM from each node of `sourced`. */
  sources?: SourceRef[];
  /** Sources the change cites without linking facts to them (a new source cites itself). */
  cite?: string[];
  /** The nodes the sources support (default: the nodes it creates, else those it sets). */
  sourced?: string[];
  /** More nodes its history belongs to (the incident an estimate is of), beyond those it writes. */
  touched?: string[];
  /** Why (a retraction's reason). */
  reason?: string | null;
  /** The change it undoes (revertChange). */
  revertOf?: string | null;
  /** Nodes whose records the payload needs back (default: created, then set). */
  returned?: string[];
}

/** Properties as Neo4j stores them: whole numbers as integers (as the seeds write them), the rest as given. */
export function storedProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = storedValue(v);
  return out;
}

function storedValue(v: PropValue | undefined): unknown {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return (v as unknown[]).map((x) => (typeof x === 'number' && Number.isSafeInteger(x) ? neo4j.int(x) : x));
  return v ?? null;
}
