import {
  GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getDirectiveValues, isAbstractType, typeFromAST,
  type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';

/** What the compiler needs of a request besides the selection: the schema, fragments and variables. */
export interface Request {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
  /**
   * The day the read is answered as known on (its root field's asOf, src/read/asOf.ts): every
   * field's items are those known by then. None: as the graph stands.
   */
  asOf?: string | null;
}

/**
 * The fields a selection asks of one concrete type, grouped by response key in document order,
 * with fragments expanded and @skip/@include applied: graphql-js's own CollectFields algorithm,
 * so the first FieldNode of each group is the one graphql-js hands the resolver (info.fieldNodes[0]).
 */
export function collectSubfields(req: Request, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  for (const node of fieldNodes) if (node.selectionSet) collect(req, type, node.selectionSet, fields, visited);
  return fields;
}

function collect(req: Request, type: GraphQLObjectType, set: SelectionSetNode, fields: Map<string, FieldNode[]>, visited: Set<string>): void {
  for (const s of set.selections) {
    if (!included(req, s)) continue;
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      const list = fields.get(key);
      if (list) list.push(s);
      else fields.set(key, [s]);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (applies(req, s.typeCondition, type)) collect(req, type, s.selectionSet, fields, visited);
    } else {
      const name = s.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const fragment = req.fragments[name];
      if (fragment && applies(req, fragment.typeCondition, type)) collect(req, type, fragment.selectionSet, fields, visited);
    }
  }
}

function included(req: Request, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, req.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, req.variableValues)?.if !== false;
}

function applies(req: Request, condition: FragmentDefinitionNode['typeCondition'] | undefined, type: GraphQLObjectType): boolean {
  if (!condition) return true;
  const t = typeFromAST(req.schema, condition);
  if (t === type) return true;
  return !!t && isAbstractType(t) && req.schema.isSubType(t, type);
}
