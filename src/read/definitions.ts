import type { QueryRegistry } from '../graph/queries.js';
import { parameterNames, splitTopLevel, stripComments, topLevelKeyword } from '../cypher/text.js';

/**
 * A field definition: cypher/<domain>/<Type>.<field>.cypher, the one place a field's Cypher lives.
 * The compiler nests it under its parent for a whole request (src/read/compile.ts) and the
 * fallback loader runs it batched over many parents; both are made from this text.
 *
 * Form: clauses that start from `this` (the parent node; absent for root fields), then
 *   RETURN <column> [AS name], ...   one node column for an entity field, or one column per field
 *                                    of the item type for a row type (SourceRef, Attendance...)
 *   [ORDER BY ...] [LIMIT ...]       the order the field lists its items in
 * RETURN must not aggregate or use DISTINCT (do that in a WITH before it), and the file's own
 * variables must not start with "_" (the compiler's names do).
 */
export interface Definition {
  name: string;
  body: string;
  columns: Column[];
  orderBy: string | null;
  limit: string | null;
  parameters: string[];
  /** False for root fields: the definition starts from nothing. */
  usesThis: boolean;
  /**
   * <Type>.<field>.plain.cypher: the same items in the same order for calls whose parameters it
   * leaves out are all null, with less work (a dated list cuts dates down to days only when an
   * argument orders or filters by them). test/read/plainForms.test.ts holds the two to one answer.
   */
  plain?: Definition;
}

export interface Column {
  name: string;
  expr: string;
}

const AGGREGATE = /\b(count|collect|sum|avg|min|max|stDev|stDevP|percentileCont|percentileDisc)\s*\(/i;

export class DefinitionError extends Error {}

/** A RETURN item as its expression and name: `expr AS name`, or a bare variable named after itself; null when it has no name. */
function columnOf(item: string): Column | null {
  const m = /^([\s\S]*?)\s+AS\s+([A-Za-z][A-Za-z0-9_]*)$/i.exec(item);
  if (m) return { expr: m[1]!.trim(), name: m[2]! };
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(item) ? { expr: item, name: item } : null;
}

/**
 * The names of the columns a query's final top-level RETURN gives (a query file run as a
 * subquery: src/read/emit.ts). Worked out once per text: the texts are the registry's files.
 */
const columnsOf = new Map<string, string[]>();
export function returnedColumns(source: string): string[] {
  let names = columnsOf.get(source);
  if (names) return names;
  const text = stripComments(source);
  const at = topLevelKeyword(text, 'RETURN').at(-1);
  if (at === undefined) names = [];
  else {
    const tail = text.slice(at + 'RETURN'.length);
    const end = Math.min(...['ORDER BY', 'SKIP', 'LIMIT'].map((k) => topLevelKeyword(tail, k)[0] ?? tail.length));
    names = splitTopLevel(tail.slice(0, end)).map((c) => columnOf(c)?.name ?? c);
  }
  columnsOf.set(source, names);
  return names;
}

export function parseDefinition(name: string, source: string): Definition {
  const text = stripComments(source);
  const fail = (why: string) => new DefinitionError(`cypher/${name}.cypher: ${why}`);
  const returns = topLevelKeyword(text, 'RETURN');
  if (returns.length !== 1) throw fail(`needs exactly one top-level RETURN (found ${returns.length})`);
  const at = returns[0]!;
  const tail = text.slice(at + 'RETURN'.length);
  const orderAt = topLevelKeyword(tail, 'ORDER BY')[0];
  const limitAt = topLevelKeyword(tail, 'LIMIT')[0];
  if (topLevelKeyword(tail, 'SKIP').length) throw fail('SKIP is not supported in a definition');
  const columnsEnd = Math.min(orderAt ?? tail.length, limitAt ?? tail.length);
  const columnText = tail.slice(0, columnsEnd).trim();
  if (/^DISTINCT\b/i.test(columnText)) throw fail('RETURN DISTINCT: use WITH DISTINCT before RETURN');
  const columns = splitTopLevel(columnText).map((c) => {
    const col = columnOf(c);
    if (!col) throw fail(`column "${c}" needs a name (AS ...)`);
    if (AGGREGATE.test(col.expr.replace(/\bCOLLECT\s*\{/gi, '{'))) throw fail(`column "${col.name}" aggregates: aggregate in a WITH before RETURN`);
    return col;
  });
  const orderBy = orderAt === undefined ? null : tail.slice(orderAt + 'ORDER BY'.length, limitAt !== undefined && limitAt > orderAt ? limitAt : tail.length).trim();
  const limit = limitAt === undefined ? null : tail.slice(limitAt + 'LIMIT'.length, orderAt !== undefined && orderAt > limitAt ? orderAt : tail.length).trim();
  if (/(^|[^A-Za-z0-9_])_[A-Za-z0-9]/.test(text.replace(/'[^']*'|"[^"]*"|\.[A-Za-z_]\w*|\$\w+|\b_labels\b/g, ''))) {
    throw fail('names starting with "_" are reserved for the compiler');
  }
  return {
    name,
    body: text.slice(0, at).trim(),
    columns,
    orderBy,
    limit,
    parameters: parameterNames(text),
    usesThis: /\bthis\b/.test(text.replace(/'[^']*'|"[^"]*"/g, '')),
  };
}

/** The domain a field belongs to is the schema file that declares it: schema/<domain>.graphql. */
export type FieldDomains = ReadonlyMap<string, string>;

/**
 * Every field definition, parsed once at start-up. A field Type.field is defined by
 * <domain>/<Type>.<field>; fields every entity shares (sources, country, positions) by
 * common/Entity.<field>.
 */
/** cypher/<domain>/<Type>.<field>: a field definition's query name. */
const FIELD = String.raw`[^/]+\/[A-Z][A-Za-z]*\.[a-z][A-Za-z]*`;
const FIELD_NAME = new RegExp(`^${FIELD}$`);
const PLAIN_NAME = new RegExp(`^(${FIELD})\\.plain$`);

/** cypher/asof/<Type>: the properties of a type that read otherwise as known on a day. */
const AS_OF_NAME = /^asof\/([A-Z][A-Za-z]*)$/;

export class Definitions {
  private readonly byField = new Map<string, Definition>();
  private readonly asOfProps = new Map<string, ReadonlyMap<string, string>>();

  constructor(registry: QueryRegistry, private readonly domains: FieldDomains) {
    for (const name of registry.names()) {
      const asOf = AS_OF_NAME.exec(name);
      if (asOf) {
        const def = parseDefinition(name, registry.get(name));
        if (def.body || def.orderBy || def.limit) throw new DefinitionError(`cypher/${name}.cypher: only RETURN <expression of this and $asOf> AS <property>, ...`);
        this.asOfProps.set(asOf[1]!, new Map(def.columns.map((c) => [c.name, c.expr])));
        continue;
      }
      if (!FIELD_NAME.test(name)) continue;
      this.byField.set(name, parseDefinition(name, registry.get(name)));
    }
    for (const name of registry.names()) {
      const m = PLAIN_NAME.exec(name);
      if (!m) continue;
      const full = this.byField.get(m[1]!);
      if (!full) throw new DefinitionError(`cypher/${name}.cypher: no cypher/${m[1]}.cypher for it to stand in for`);
      const plain = parseDefinition(name, registry.get(name));
      const extra = plain.parameters.filter((x) => !full.parameters.includes(x));
      if (extra.length) throw new DefinitionError(`cypher/${name}.cypher uses ${extra.map((x) => `$${x}`).join(', ')}, which cypher/${m[1]}.cypher does not`);
      if (plain.columns.map((c) => c.name).join() !== full.columns.map((c) => c.name).join()) {
        throw new DefinitionError(`cypher/${name}.cypher returns other columns than cypher/${m[1]}.cypher`);
      }
      full.plain = plain;
    }
  }

  /** The definition of a field of a type, or undefined when the field is read from the record. */
  get(type: string, field: string, isEntity: boolean): Definition | undefined {
    const domain = this.domains.get(`${type}.${field}`);
    return (domain ? this.byField.get(`${domain}/${type}.${field}`) : undefined)
      ?? (isEntity ? this.byField.get(`common/Entity.${field}`) : undefined);
  }

  names(): string[] {
    return [...this.byField.keys()];
  }

  /**
   * The expression a property of `type` reads as known on a day (cypher/asof/<Type>.cypher, of
   * `this` and $asOf), or undefined when the stored property holds on every day.
   */
  asOfProperty(type: string, prop: string): string | undefined {
    return this.asOfProps.get(type)?.get(prop);
  }
}

/** The plain form when every parameter it leaves out is null for this call, else the definition itself. */
export function formFor(def: Definition, params: Record<string, unknown>): Definition {
  const plain = def.plain;
  if (!plain) return def;
  return def.parameters.every((x) => plain.parameters.includes(x) || params[x] == null) ? plain : def;
}
