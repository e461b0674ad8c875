import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A seed file in a fresh temporary folder. */
export function seedFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'seed-')), name);
  writeFileSync(file, content);
  return file;
}
