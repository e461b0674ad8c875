import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedDirective, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/modules/schema.js';

/**
 * Every type, field, argument, input field, enum value and directive of the schema (schema/*.graphql, not the
 * frozen snapshots in schema/released/) as a schema coordinate, with its description: introspection and the
 * IDE show these to app developers, and an interface's field description is not inherited by its implementations.
 */
function describedElements(schema: GraphQLSchema): { coordinate: string; description: string | null | undefined }[] {
  const out: { coordinate: string; description: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
        for (const arg of field.args) out.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description });
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) out.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
    }
  }
  for (const directive of schema.getDirectives().filter((d) => !isSpecifiedDirective(d))) {
    out.push({ coordinate: `@${directive.name}`, description: directive.description });
    for (const arg of directive.args) out.push({ coordinate: `@${directive.name}(${arg.name}:)`, description: arg.description });
  }
  return out;
}

const missing = (schema: GraphQLSchema) => describedElements(schema).filter((e) => !e.description?.trim()).map((e) => e.coordinate);

describe('descriptions in the schema', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));

  it('every type, field, argument, input field, enum value and directive of schema/*.graphql has one', () => {
    expect(missing(schema), 'elements of schema/*.graphql without a description: give each one, true to what the code does').toEqual([]);
  });

  it('the walk reaches every kind of element, and an element without a description is named by its coordinate', () => {
    const coordinates = describedElements(schema).map((e) => e.coordinate);
    expect(coordinates).toEqual(expect.arrayContaining([
      'Incident', 'Incident.title', 'Incident.fines(first:)', 'IncidentFilter.country', 'SortDirection.ASC', 'Decimal', 'Named.displayName', 'Actor', '@requires(role:)',
    ]));
    const bare = buildSchema('"A query." type Query { "A field." a(x: Int): E "An input." b("An argument." i: I): Int } "E." enum E { V } "I." input I { f: Int }');
    expect(missing(bare)).toEqual(['Query.a(x:)', 'E.V', 'I.f']);
  });
});
