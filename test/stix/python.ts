import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The PyPI tools of .ci/requirements.txt, in the venv .ci/run makes (PYTHON_VENV, else .venv/).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PYTHON = `${process.env.PYTHON_VENV ?? `${ROOT}.venv`}/bin/python`;

/** Whether the venv has these modules. */
export function hasModules(...modules: string[]): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')]).status === 0;
}

/**
 * A test that fails in CI (CI=true) when the venv lacks the modules, so the checks that need them
 * can never be skipped there without a red line; elsewhere their blocks are skipped.
 */
export function requireInCi(...modules: string[]): boolean {
  const ready = hasModules(...modules);
  it(`the venv has ${modules.join(', ')} (.ci/run installs them from .ci/requirements.txt)`, () => {
    if (process.env.CI === 'true') expect(ready, `${PYTHON}: run .ci/run, or set PYTHON_VENV`).toBe(true);
  });
  return ready;
}

/** Runs a Python file of test/stix/ with arguments; its stdout, or the test fails with its stderr. */
export function runPython(script: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(PYTHON, [fileURLToPath(new URL(script, import.meta.url)), ...args],
    { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}
