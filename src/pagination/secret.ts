import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SECRET_FILE = fileURLToPath(new URL('../../.neo4j/cursor-secret', import.meta.url));

/**
 * The key cursors are signed with: CURSOR_SECRET when given (validated in src/config.ts), else
 * one generated at first start and kept in .neo4j/cursor-secret, so cursors survive a restart.
 */
export function cursorSecret(configured: string | undefined, file = SECRET_FILE): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  if (existsSync(file)) {
    const kept = readFileSync(file);
    if (kept.length >= 32) return kept;
  }
  const fresh = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, fresh, { mode: 0o600 });
  return fresh;
}
