import {
  Kind, getNamedType, isAbstractType, isObjectType, isInterfaceType,
  type DirectiveNode, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType,
  type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { higher, isRole, type Role } from './roles.js';

/** The directive of schema/common.graphql: `directive @requires(role: Role!) on FIELD_DEFINITION | OBJECT`. */
export const REQUIRES = 'requires';

/** What an operation needs: the least role, and the first field (in document order) that needs it. */
export interface Requirement {
  role: Role;
  /** "Query.incidents", "Mutation.addSource": named in the error. */
  coordinate: string;
}

/** Every @requires of a schema, read once: by type ("Change") and by field ("Mutation.addSource"). */
export class SchemaRoles {
  private readonly byType = new Map<string, Role>();
  private readonly byField = new Map<string, Role>();

  constructor(readonly schema: GraphQLSchema) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const typeRole = roleIn([type.astNode, ...(type.extensionASTNodes ?? [])].flatMap((n) => n?.directives ?? []));
      if (typeRole) this.byType.set(type.name, typeRole);
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        const fieldRole = roleIn(field.astNode?.directives ?? []);
        if (fieldRole) this.byField.set(`${type.name}.${field.name}`, fieldRole);
      }
    }
  }

  typeRole(name: string): Role | undefined { return this.byType.get(name); }
  fieldRole(type: string, field: string): Role | undefined { return this.byField.get(`${type}.${field}`); }
  /** Whether the schema declares any requirement at all. */
  get any(): boolean { return this.byType.size + this.byField.size > 0; }
}

function roleIn(directives: readonly DirectiveNode[]): Role | undefined {
  let role: Role | undefined;
  for (const d of directives) {
    if (d.name.value !== REQUIRES) continue;
    const arg = d.arguments?.find((a) => a.name.value === 'role');
    if (arg?.value.kind === Kind.ENUM && isRole(arg.value.value)) role = higher(role, arg.value.value);
  }
  return role;
}

export interface AccessRules {
  /** READ_ACCESS=authenticated: every query's root fields need the role reader. */
  readsNeedReader: boolean;
}

/**
 * The role an operation needs, from the fields it selects (fragments expanded; @skip and @include
 * ignored, so a field that might run counts): the highest of
 * - each field's @requires, and its parent type's (a field selected on an object type with
 *   @requires needs that role, __typename included); through an interface or a union, those of
 *   every object type it may be (fail closed: `node(id) { id }` needs what any Node type needs);
 * - for a mutation's root field without a @requires of its own or of Mutation: curator (writes
 *   always need an identity, whoever forgot the directive);
 * - for a query's root field, with READ_ACCESS=authenticated: reader. The introspection fields
 *   (__schema, __type, __typename) are not reads of the graph: the SDL is public anyway.
 * None: anyone may run it.
 */
export function requirementOf(roles: SchemaRoles, document: DocumentNode, operation: OperationDefinitionNode, rules: AccessRules): Requirement | undefined {
  const { schema } = roles;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return undefined;
  let need: Requirement | undefined;
  const raise = (role: Role | undefined, coordinate: string) => {
    if (role && higher(need?.role, role) !== need?.role) need = { role, coordinate };
  };
  // Each selection set is walked once per type it is seen on: a fragment spread in many places costs one walk.
  const walked = new WeakMap<SelectionSetNode, Set<string>>();

  const walk = (parent: GraphQLCompositeType, set: SelectionSetNode, atRoot: boolean) => {
    let types = walked.get(set);
    if (!types) walked.set(set, (types = new Set()));
    const key = `${parent.name}${atRoot ? ':root' : ''}`;
    if (types.has(key)) return;
    types.add(key);
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) field(parent, s, atRoot);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        if (on && isComposite(on)) walk(on, s.selectionSet, atRoot);
      } else {
        const f = fragments.get(s.name.value);
        const on = f && schema.getType(f.typeCondition.name.value);
        if (f && on && isComposite(on)) walk(on, f.selectionSet, atRoot);
      }
    }
  };

  const field = (parent: GraphQLCompositeType, node: FieldNode, atRoot: boolean) => {
    const name = node.name.value;
    const coordinate = `${parent.name}.${name}`;
    // A field selected on an object type with @requires needs that role, __typename too; selected
    // on an interface or a union, it may be any of their object types': the highest of theirs.
    const objects = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
    for (const t of objects) raise(roles.typeRole(t.name), `${t.name}.${name}`);
    if (name.startsWith('__')) return; // introspection: the schema is public (/schema.graphql)
    raise(roles.fieldRole(parent.name, name), coordinate);
    for (const t of objects) if (t !== parent) raise(roles.fieldRole(t.name, name), `${t.name}.${name}`);
    if (atRoot) {
      if (operation.operation === 'query' && rules.readsNeedReader) raise('reader', coordinate);
      if (operation.operation !== 'query' && !roles.fieldRole(parent.name, name) && !roles.typeRole(parent.name)) raise('curator', coordinate);
    }
    if (!node.selectionSet || !('getFields' in parent)) return;
    const def = parent.getFields()[name];
    if (!def) return;
    const type = getNamedType(def.type) as GraphQLNamedType;
    if (isComposite(type)) walk(type, node.selectionSet, false);
  };

  walk(root, operation.selectionSet, true);
  return need;
}

function isComposite(t: GraphQLNamedType): t is GraphQLCompositeType {
  return isObjectType(t) || isAbstractType(t);
}
