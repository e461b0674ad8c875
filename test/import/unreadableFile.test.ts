import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gdprFines } from '../../src/import/catalogues/gdprFines.js';
import { readCatalogue, UnreadableFile } from '../../src/import/read.js';

// A catalogue file that cannot be read is an error naming it, never a file of 0 rows.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('an input file that cannot be read', () => {
  it('a missing file: the reader throws, naming the file and why', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'import-')), 'missing.tsv');
    const err = (() => { try { return readCatalogue(missing, gdprFines); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(UnreadableFile);
    expect((err as UnreadableFile).file).toBe(missing);
    expect((err as Error).message).toBe(`cannot read ${missing}: no such file (ENOENT)`);
  });

  it('a folder: the reader throws, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    expect(() => readCatalogue(dir, gdprFines)).toThrow(`cannot read ${dir}: a folder, not a file (EISDIR)`);
  });

  it('a relative path is named as given and in full', () => {
    expect(() => readCatalogue('no/such/catalogue.tsv', gdprFines))
      .toThrow(`cannot read no/such/catalogue.tsv (${join(process.cwd(), 'no/such/catalogue.tsv')}): no such file (ENOENT)`);
  });

  it('the command says so with the path and exits non-zero, before connecting to anything', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', 'gdpr-fines', 'data/no-such-catalogue.tsv'], {
      // An unreachable database: the command must fail on the file before it tries one.
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' }, timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`error: cannot read data/no-such-catalogue.tsv (${join(ROOT, 'data/no-such-catalogue.tsv')}): no such file (ENOENT). Nothing was imported.`);
    expect(r.stdout).toBe('');
  }, 120_000);
});
