import { buildSchema, getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { loadTypeDefs } from '../src/modules/schema.js';
import { isNodeType } from '../src/read/compile.js';

/**
 * The lists of entities nested in types (not root fields): `npx tsx scripts/nestedLists.ts`.
 * Each line: E (the parent is an entity) or R (a row or result type), the field with its
 * arguments, its type, and the connection beside it (src/read/nested.ts) or "no connection".
 */
const schema = buildSchema(loadTypeDefs().join('\n'));
let lists = 0;
let paged = 0;
for (const type of Object.values(schema.getTypeMap())) {
  if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation') continue;
  const fields = type.getFields();
  for (const f of Object.values(fields)) {
    if (!isListType(getNullableType(f.type)) || !isNodeType(schema, getNamedType(f.type))) continue;
    lists++;
    const connection = fields[`${f.name}Connection`];
    if (connection) paged++;
    const args = f.args.map((a) => a.name).join(', ');
    console.log(`${isNodeType(schema, type) ? 'E' : 'R'} ${type.name}.${f.name}${args ? `(${args})` : ''}: ${String(f.type)}`
      + `${f.deprecationReason ? ' (deprecated)' : ''} -> ${connection ? `${connection.name}: ${String(connection.type)}` : 'no connection'}`);
  }
}
console.log(`${lists} nested entity lists, ${paged} with a connection beside them`);
