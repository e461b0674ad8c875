import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();

/** The SDL contract, one file per domain, in a stable order. */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return files(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * "Type.field" -> the domain that declares it (schema/<domain>.graphql): the same domain names
 * the Cypher (cypher/<domain>/) and the module (src/modules/<domain>/) use.
 */
export function fieldDomains(dir: string = SCHEMA_DIR): Map<string, string> {
  const domains = new Map<string, string>();
  for (const f of files(dir)) {
    const domain = f.replace(/\.graphql$/, '');
    for (const def of parse(readFileSync(join(dir, f), 'utf8')).definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      for (const field of def.fields ?? []) domains.set(`${def.name.value}.${field.name.value}`, domain);
    }
  }
  return domains;
}
