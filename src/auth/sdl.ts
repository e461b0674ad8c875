import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { REQUIRES, SchemaRoles } from './requirements.js';

/**
 * graphql-js's printSchema prints a schema's directive definitions but not where they are used
 * (only @deprecated and @specifiedBy): this puts each `@requires(role: ...)` back on its type or
 * field in the printed SDL, so /schema.graphql says what each field needs, as schema/*.graphql does.
 * The printed text is otherwise unchanged.
 */
export function withRoleDirectives(schema: GraphQLSchema, sdl: string): string {
  const roles = new SchemaRoles(schema);
  if (!roles.any) return sdl;
  const lines = sdl.split('\n');
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const kind = isObjectType(type) ? 'type' : 'interface';
    const start = lines.findIndex((l) => l === `${kind} ${type.name} {` || l.startsWith(`${kind} ${type.name} implements `));
    if (start < 0) continue;
    const typeRole = roles.typeRole(type.name);
    if (typeRole) lines[start] = lines[start]!.replace(/ \{$/, ` @${REQUIRES}(role: ${typeRole}) {`);
    let end = start + 1;
    while (end < lines.length && lines[end] !== '}') end++;
    for (const field of Object.keys(type.getFields())) {
      const role = roles.fieldRole(type.name, field);
      if (!role) continue;
      // The field's first line ("  name: T", "  name(a: A): T" or "  name(" when its arguments
      // take several lines), then the line that ends it.
      let i = start + 1;
      while (i < end && !(lines[i]!.startsWith(`  ${field}:`) || lines[i]!.startsWith(`  ${field}(`))) i++;
      if (i >= end) continue;
      if (lines[i] === `  ${field}(`) while (i < end && !lines[i]!.startsWith('  ): ')) i++;
      if (i < end) lines[i] = `${lines[i]} @${REQUIRES}(role: ${role})`;
    }
  }
  return lines.join('\n');
}
