import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl } from '../support/api.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const APP = join(ROOT, 'examples/app');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const MISUSE = join(APP, 'src/misuse.ts');

async function inApp(file: string, args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(file, args, { cwd: APP, env: { ...process.env, ...env }, maxBuffer: 16 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

afterAll(() => rmSync(MISUSE, { force: true }));

// docs/apps.md "Consuming from TypeScript", done as an app would: types generated from the
// schema this server serves, compiled strict, then run against it.
describe('examples/app: a typed client of the running server', () => {
  it('generates its types from GET /schema.graphql with the client preset', async () => {
    const r = await inApp(bin('graphql-codegen'), ['--config', 'codegen.ts'], { SCHEMA_URL: `${baseUrl()}/schema.graphql` });
    expect(r.stderr + r.stdout).not.toMatch(/error/i);
    expect(r.code).toBe(0);
  }, 180_000);

  it('compiles with tsc strict, money and dates typed as strings', async () => {
    const r = await inApp(bin('tsc'), ['-p', 'tsconfig.json']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 180_000);

  it('the types refuse what the operations do not give: an unselected field, a Decimal as a number', async () => {
    writeFileSync(MISUSE, [
      "import type { FinesPageQuery, IncidentPageQuery } from './gql/graphql.js';",
      'export const title = (q: IncidentPageQuery) => q.incident?.title;',
      'export const amount = (q: FinesPageQuery): number | undefined => q.fines?.edges[0]?.node.amount.amount;',
      '',
    ].join('\n'));
    const r = await inApp(bin('tsc'), ['-p', 'tsconfig.json']);
    rmSync(MISUSE, { force: true });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/misuse\.ts\(2,\d+\): error TS2339: Property 'title' does not exist/);
    expect(r.stdout).toMatch(/misuse\.ts\(3,\d+\): error TS2322: Type 'string \| undefined' is not assignable to type 'number \| undefined'/);
  }, 180_000);

  it('runs its four operations against the server and gets what the graph holds', async () => {
    const r = await inApp(process.execPath, ['--import', 'tsx', 'src/main.ts'], { API_URL: `${baseUrl()}/graphql` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // The incident page.
    expect(out.incident).toMatchObject({ id: 'coupang-breach-2025', company: 'Coupang' });
    expect(out.incident.exposed.length).toBeGreaterThan(0);
    expect(out.incident.investigatedBy).toContain('pipc');
    expect(out.incident.sources).toBeGreaterThan(0);
    // The fines list: "PIPC" refused with the suggestion "pipc", then walked two per page.
    expect(out.fines.filter).toEqual({ authority: 'pipc' });
    expect(out.fines.fines.length).toBe(out.fines.total);
    expect(out.fines.pages).toBe(Math.ceil(out.fines.total / 2));
    expect(out.fines.total).toBeGreaterThan(2);
    // Search across kinds, displayName with no aliases.
    expect(out.search).toContain('Company: Coupang');
    // The mission trace reaches a fine of the investigating authority.
    expect(out.trace.length).toBeGreaterThan(0);
    expect(out.trace.join('\n')).toContain('-> Personal Information Protection Commission -> KRW 134,790,000,000 against SK Telecom');
    // A bad Decimal is refused before anything runs, naming the argument.
    expect(out.refused).toEqual({ status: 400, code: 'BAD_USER_INPUT', argumentName: 'filter' });
  }, 180_000);
});
