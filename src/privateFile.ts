import { linkSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes `content` to `file`, readable by its owner only (0600), whole and never over another
 * one: a temporary file linked into place, so two processes starting at once keep the first
 * one's (the local Neo4j's password, the development signing key).
 */
export function writePrivateOnce(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file); // fails if another process made one meanwhile: that one is kept
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}
