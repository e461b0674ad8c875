import { diff } from '@graphql-inspector/core';
import { buildClientSchema, buildSchema, getIntrospectionQuery, GraphQLScalarType, isInterfaceType, isObjectType, type GraphQLObjectType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/modules/schema.js';
import { baseUrl, data } from '../support/api.js';

const files = () => buildSchema(loadTypeDefs().join('\n'));

describe('the schema as a download, and introspection', () => {
  it('GET /schema.graphql is the SDL of schema/*.graphql: no change of any kind between them', async () => {
    const res = await fetch(`${baseUrl()}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const served = buildSchema(await res.text());
    expect(await diff(files(), served)).toEqual([]);
    expect(await diff(served, files())).toEqual([]);
  });

  it('the SDL keeps the scalars\' descriptions and @specifiedBy', async () => {
    const text = await (await fetch(`${baseUrl()}/schema.graphql`)).text();
    expect(text).toContain('scalar Decimal @specifiedBy(url: "https://www.w3.org/TR/xmlschema11-2/#decimal")');
    expect(text).toContain('scalar PartialDateString @specifiedBy(url: "https://www.iso.org/iso-8601-date-and-time-format.html")');
    expect(text).toContain('An exact decimal number as a string');
  });

  it('introspection gives the same descriptions and specifiedByURL as the SDL, and nothing else differs', async () => {
    const intro = await data<IntrospectionQuery>(getIntrospectionQuery({ specifiedByUrl: true, inputValueDeprecation: true }));
    const client = buildClientSchema(intro);
    const sdl = files();
    for (const name of ['Decimal', 'PartialDateString']) {
      const a = client.getType(name) as GraphQLScalarType;
      const b = sdl.getType(name) as GraphQLScalarType;
      expect(a.description, name).toBe(b.description);
      expect(a.description, name).not.toMatch(/^"?\d/);
      expect(a.specifiedByURL, name).toBe(b.specifiedByURL);
      expect(a.specifiedByURL, name).toMatch(/^https:\/\//);
    }
    // A schema built from introspection has specifiedByURL but no directive nodes, which
    // graphql-inspector compares: that usage is checked above, field by field; @requires
    // (src/auth/) is not part of introspection at all (the downloaded SDL shows it).
    // The same for @deprecated: introspection gives each reason, compared here, not the directive node.
    const reasons = (schema: GraphQLSchema) => Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)))
      .flatMap((t) => Object.values((t as GraphQLObjectType).getFields()).map((f) => `${t.name}.${f.name}: ${f.deprecationReason ?? '-'}`)).sort();
    expect(reasons(client)).toEqual(reasons(sdl));
    expect(reasons(sdl).filter((r) => !r.endsWith(': -')).length).toBeGreaterThan(0);
    expect((await diff(sdl, client)).filter((c) => !c.path?.endsWith('.@specifiedBy') && !c.path?.endsWith('.@requires') && !c.path?.endsWith('.@deprecated'))).toEqual([]);
  });
});
