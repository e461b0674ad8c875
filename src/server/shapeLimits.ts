import {
  getNamedType, isCompositeType, Kind, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema,
  type SelectionSetNode, type ValidationRule,
} from 'graphql';
import { limitExceeded, QueryLimit } from '../errors.js';

/**
 * Limits on the shape of an operation, for the work Neo4j does before it returns a row: each
 * related object a query asks for is one more pattern in the Cypher it compiles to, and a text
 * Neo4j has not seen is planned first (12 levels of `authority { parent { parent ... } } }` took
 * 4 s to plan at a cost of 82). Counted over the operation with its fragments expanded.
 */
export const SHAPE_LIMITS = {
  /** A field returning its own parent's type (Authority.parent) nested in itself. */
  recursion: 3,
  /** Selections of related objects (each is a pattern to plan and match); the heaviest IDE example has 25. */
  joins: 64,
  /** Introspection root fields (__schema, __type): one answer of the whole schema is enough for any tool. */
  introspection: 1,
} as const;

const MESSAGES = {
  RECURSION: `A field that returns its own type (such as parent) is nested in itself too often: at most ${SHAPE_LIMITS.recursion} levels are allowed.`,
  JOINS: `The query asks for too many related objects: at most ${SHAPE_LIMITS.joins} object selections (fields that return a type with fields, fragments expanded) are allowed.`,
  INTROSPECTION: `At most ${SHAPE_LIMITS.introspection} introspection field (__schema or __type) is allowed per operation: one __schema answers the whole schema.`,
};

/** Past this many selections visited the walk stops: graphql-query-complexity refuses such documents on its own. */
const MAX_VISITS = 20_000;

interface Counts { joins: number; introspection: number; recursion: number; visits: number }

function walk(
  schema: GraphQLSchema, fragments: Map<string, FragmentDefinitionNode>, type: GraphQLCompositeType, set: SelectionSetNode,
  counts: Counts, chain: Map<string, number>, inFragments: Set<string>, root: boolean,
): void {
  for (const s of set.selections) {
    if (++counts.visits > MAX_VISITS) return;
    if (s.kind === Kind.FIELD) {
      const name = s.name.value;
      if (root && (name === '__schema' || name === '__type')) counts.introspection += 1;
      if (name.startsWith('__') || !s.selectionSet) continue;
      const field = 'getFields' in type ? type.getFields()[name] : undefined;
      if (!field) continue;
      const target = getNamedType(field.type);
      if (!isCompositeType(target)) continue;
      counts.joins += 1;
      const key = target === type ? `${type.name}.${name}` : '';
      const depth = key ? (chain.get(key) ?? 0) + 1 : 0;
      if (key) {
        counts.recursion = Math.max(counts.recursion, depth);
        chain.set(key, depth);
      }
      walk(schema, fragments, target, s.selectionSet, counts, chain, inFragments, false);
      if (key) chain.set(key, depth - 1);
    } else {
      const condition = s.kind === Kind.INLINE_FRAGMENT ? s.typeCondition : fragments.get(s.name.value)?.typeCondition;
      const selections = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : fragments.get(s.name.value)?.selectionSet;
      if (!selections) continue;
      const spread = s.kind === Kind.FRAGMENT_SPREAD ? s.name.value : undefined;
      if (spread && inFragments.has(spread)) continue; // a cycle: NoFragmentCyclesRule reports it
      const narrowed = condition ? schema.getType(condition.name.value) : type;
      if (spread) inFragments.add(spread);
      walk(schema, fragments, isCompositeType(narrowed) ? narrowed : type, selections, counts, chain, inFragments, root);
      if (spread) inFragments.delete(spread);
    }
  }
}

/** Validation rule: each operation within SHAPE_LIMITS, else GRAPHQL_VALIDATION_FAILED with extensions.limit. */
export const shapeLimits: ValidationRule = (context) => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root = schema.getRootType(node.operation);
      if (!root) return;
      const counts: Counts = { joins: 0, introspection: 0, recursion: 0, visits: 0 };
      walk(schema, fragments, root, node.selectionSet, counts, new Map(), new Set(), true);
      if (counts.recursion > SHAPE_LIMITS.recursion) context.reportError(limitExceeded(QueryLimit.RECURSION, SHAPE_LIMITS.recursion, MESSAGES.RECURSION));
      if (counts.joins > SHAPE_LIMITS.joins) context.reportError(limitExceeded(QueryLimit.JOINS, SHAPE_LIMITS.joins, MESSAGES.JOINS));
      if (counts.introspection > SHAPE_LIMITS.introspection) context.reportError(limitExceeded(QueryLimit.INTROSPECTION, SHAPE_LIMITS.introspection, MESSAGES.INTROSPECTION));
    },
  };
};
