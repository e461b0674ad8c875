import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, printSchema, type GraphQLSchema } from 'graphql';
import { loadTypeDefs, SCHEMA_DIR } from '../src/modules/schema.js';

/**
 * The versioning check (docs/apps.md "Versioning and deprecation"): the schema in schema/*.graphql against the last
 * released one in schema/released/<version>.graphql. A breaking change fails the check unless the
 * first section of CHANGELOG.md lists its schema coordinate (`Query.incidents`) under
 * "### Breaking"; and every @deprecated says why and what to use instead.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const RELEASED_DIR = join(SCHEMA_DIR, 'released');
const CHANGELOG = join(ROOT, 'CHANGELOG.md');
const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;
const DEFAULT_REASON = 'No longer supported';

export interface SchemaCheck {
  released: string;
  breaking: { path: string; message: string; listed: boolean }[];
  dangerous: { path: string; message: string }[];
  deprecationsWithoutReason: string[];
  problems: string[];
}

export function releasedVersions(dir = RELEASED_DIR): string[] {
  return readdirSync(dir).map((f) => f.replace(/\.graphql$/, '')).filter((v) => SEMVER.test(v))
    .sort((a, b) => compare(a, b));
}

function compare(a: string, b: string): number {
  const x = SEMVER.exec(a)!.slice(1).map(Number);
  const y = SEMVER.exec(b)!.slice(1).map(Number);
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
}

/** The first section of the changelog (Unreleased, or the version being released) and its "### Breaking" part. */
export function changelogSection(text: string): { heading: string; breaking: string } {
  const sections = text.split(/^## /m).slice(1);
  const first = sections[0] ?? '';
  const heading = first.split('\n')[0]!.trim();
  const parts = first.split(/^### /m);
  const breaking = parts.find((p) => /^Breaking\b/i.test(p)) ?? '';
  return { heading, breaking };
}

export async function checkSchema(current: GraphQLSchema = buildSchema(loadTypeDefs().join('\n')), changelog = readFileSync(CHANGELOG, 'utf8')): Promise<SchemaCheck> {
  const versions = releasedVersions();
  const released = versions.at(-1);
  if (!released) throw new Error(`No released schema in ${RELEASED_DIR}`);
  const previous = buildSchema(readFileSync(join(RELEASED_DIR, `${released}.graphql`), 'utf8'));
  const changes: Change[] = await diff(previous, current);
  const { heading, breaking: listedText } = changelogSection(changelog);
  const problems: string[] = [];
  const version = SEMVER.test(heading.split(/\s/)[0]!) ? heading.split(/\s/)[0]! : null;
  if (heading !== 'Unreleased' && !(version && compare(version, released) > 0)) {
    problems.push(`CHANGELOG.md must start with "## Unreleased" or "## <a version after ${released}>", not "## ${heading}"`);
  }
  const listed = (path: string) => listedText.includes(`\`${path}\``);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c) => ({ path: c.path ?? c.type, message: c.message, listed: listed(c.path ?? c.type) }));
  for (const b of breaking.filter((x) => !x.listed)) {
    problems.push(`Breaking change not in CHANGELOG.md's "### Breaking" of "${heading}": ${b.message} (list \`${b.path}\`)`);
  }
  const deprecationsWithoutReason = deprecated(current).filter((d) => !d.reason || d.reason === DEFAULT_REASON).map((d) => d.path);
  for (const d of deprecationsWithoutReason) problems.push(`${d} is @deprecated without a reason: say why and what to use instead`);
  return {
    released,
    breaking,
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous).map((c) => ({ path: c.path ?? c.type, message: c.message })),
    deprecationsWithoutReason,
    problems,
  };
}

function deprecated(schema: GraphQLSchema): { path: string; reason: string | null | undefined }[] {
  const out: { path: string; reason: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const f of Object.values(type.getFields())) {
        if (f.deprecationReason != null) out.push({ path: `${type.name}.${f.name}`, reason: f.deprecationReason });
        for (const a of f.args) if (a.deprecationReason != null) out.push({ path: `${type.name}.${f.name}.${a.name}`, reason: a.deprecationReason });
      }
    } else if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) if (f.deprecationReason != null) out.push({ path: `${type.name}.${f.name}`, reason: f.deprecationReason });
    } else if (isEnumType(type)) {
      for (const v of type.getValues()) if (v.deprecationReason != null) out.push({ path: `${type.name}.${v.name}`, reason: v.deprecationReason });
    }
  }
  return out;
}

/**
 * `npm run schema:check`; `-- --release 0.2.0` also writes schema/released/0.2.0.graphql.
 * `--schema <dir>` and `--changelog <file>` check other files (the test of this check uses them).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { release: { type: 'string' }, schema: { type: 'string' }, changelog: { type: 'string' } } });
  const current = buildSchema(loadTypeDefs(values.schema ?? SCHEMA_DIR).join('\n'));
  const check = await checkSchema(current, readFileSync(values.changelog ?? CHANGELOG, 'utf8'));
  console.log(`Compared schema/*.graphql with schema/released/${check.released}.graphql:`);
  for (const b of check.breaking) console.log(`  breaking${b.listed ? ' (in CHANGELOG.md)' : ''}: ${b.message}`);
  if (check.dangerous.length) console.log(`  ${check.dangerous.length} dangerous (compatible, but worth a look): ${check.dangerous.map((d) => d.path).join(', ')}`);
  if (check.problems.length) {
    console.error(`\nSchema check failed:\n${check.problems.map((p) => `  - ${p}`).join('\n')}`);
    console.error('\nKeep the schema compatible (add the new field or argument, and @deprecated the old one with its'
      + ' reason and replacement), or list each coordinate above under "### Breaking" in CHANGELOG.md\'s first'
      + ' section with what clients must change (docs/apps.md "Versioning and deprecation").');
    process.exit(1);
  }
  if (values.release !== undefined) {
    const version = values.release;
    if (!SEMVER.test(version) || compare(version, check.released) <= 0) throw new Error(`--release needs a version after ${check.released}`);
    const file = join(RELEASED_DIR, `${version}.graphql`);
    writeFileSync(file, `${printSchema(current)}\n`);
    console.log(`Wrote ${file}`);
  }
  console.log('Schema check passed.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
