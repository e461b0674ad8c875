import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '../../src/modules/schema.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const CHANGELOG = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');

/** schemaCheck.ts as CI runs it (npm test's pretest), on a copy of the schema and changelog changed by `edit`. */
async function check(edit: { schema?: (file: string, sdl: string) => string; changelog?: (text: string) => string }) {
  const dir = mkdtempSync(join(tmpdir(), 'schema-check-'));
  dirs.push(dir);
  cpSync(SCHEMA_DIR, join(dir, 'schema'), { recursive: true });
  for (const f of ['incident.graphql', 'common.graphql']) {
    const file = join(dir, 'schema', f);
    writeFileSync(file, edit.schema?.(f, readFileSync(file, 'utf8')) ?? readFileSync(file, 'utf8'));
  }
  writeFileSync(join(dir, 'CHANGELOG.md'), edit.changelog?.(CHANGELOG) ?? CHANGELOG);
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/schemaCheck.ts', '--schema', join(dir, 'schema'), '--changelog', join(dir, 'CHANGELOG.md')], { cwd: ROOT });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** Removes `title: String!` (and its description) from type Incident: a breaking change. */
const dropTitle = (f: string, sdl: string) => (f === 'incident.graphql' ? sdl.replace(/^ *(?:"[^\n]*"\n *)?title: String!\n/m, '') : sdl);

describe('the versioning check (npm run schema:check) against schema/released/', () => {
  it('passes on the schema as it is, its breaking changes listed in CHANGELOG.md', async () => {
    const r = await check({});
    expect(r.out).toContain('Schema check passed.');
    expect(r.code).toBe(0);
  });

  it('a breaking change not in the changelog fails with a message naming it and what to do', async () => {
    const r = await check({ schema: dropTitle });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Schema check failed:');
    expect(r.out).toMatch(/Breaking change not in CHANGELOG\.md's "### Breaking" of "Unreleased": Field 'title' .*was removed.* \(list `Incident\.title`\)/);
    expect(r.out).toContain('@deprecated the old one');
  });

  it('the same change passes once the changelog lists its coordinate under "### Breaking"', async () => {
    const r = await check({
      schema: dropTitle,
      changelog: (t) => t.replace('### Breaking\n', '### Breaking\n\n- `Incident.title` is gone: read `displayName`.\n'),
    });
    expect(r.out).toContain('breaking (in CHANGELOG.md): Field \'title\'');
    expect(r.code).toBe(0);
  });

  it('a @deprecated without a reason fails; with one it passes', async () => {
    const bare = await check({ schema: (f, sdl) => (f === 'incident.graphql' ? sdl.replace(/^(\s*)summary: String\b/m, '$1summary: String @deprecated') : sdl) });
    expect(bare.code).toBe(1);
    expect(bare.out).toContain('Incident.summary is @deprecated without a reason');
    const reasoned = await check({ schema: (f, sdl) => (f === 'incident.graphql' ? sdl.replace(/^(\s*)summary: String\b/m, '$1summary: String @deprecated(reason: "Use description.")') : sdl) });
    expect(reasoned.code).toBe(0);
  });

  it('the changelog must start with Unreleased or a version after the last release', async () => {
    const r = await check({ changelog: (t) => t.replace('## Unreleased', '## 0.1.0') });
    expect(r.code).toBe(1);
    expect(r.out).toContain('CHANGELOG.md must start with "## Unreleased" or "## <a version after 0.1.0>"');
  });
});
