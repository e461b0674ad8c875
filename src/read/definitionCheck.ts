import { isObjectType, type GraphQLSchema } from 'graphql';
import type { Definitions } from './definitions.js';
import { isNodeType, type MetaLookup } from './compile.js';

/**
 * Every field read through a definition has one, and every definition belongs to such a field:
 * checked when the server starts (and by a test), so a missing or misnamed Cypher file stops
 * the start instead of failing a request.
 */
export function checkDefinitions(schema: GraphQLSchema, definitions: Definitions, meta: MetaLookup): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const entity = isNodeType(schema, type);
    for (const field of Object.values(type.getFields())) {
      const def = definitions.get(type.name, meta(type.name, field.name)?.connectionOf ?? field.name, entity);
      const relation = meta(type.name, field.name)?.relation === true;
      if (relation && !def) problems.push(`${type.name}.${field.name} is read through a definition, but cypher/ has none for it`);
      if (def && !relation) problems.push(`cypher/${def.name}.cypher defines ${type.name}.${field.name}, whose resolver does not read it (use rel() or root())`);
      if (def && relation) used.add(def.name);
    }
  }
  for (const name of definitions.names()) {
    if (!used.has(name)) problems.push(`cypher/${name}.cypher names no field of the schema read through it`);
  }
  return problems;
}
