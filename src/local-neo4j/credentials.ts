import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePrivateOnce } from '../privateFile.js';

/** The project's private folder: the password, the cursor secret, the local stores. Mode 0700. */
export const PRIVATE_DIR = fileURLToPath(new URL('../../.neo4j', import.meta.url));
/** The password of user neo4j on every local Neo4j of this checkout. Mode 0600; never printed. */
export const PASSWORD_FILE = join(PRIVATE_DIR, 'neo4j-password');
/** The only user of the local Neo4j. */
export const LOCAL_USER = 'neo4j';

export interface Credentials {
  user: string;
  password: string;
}

/** Where a running local Neo4j keeps its Bolt URI (written by neo4j-local/Launcher.java, mode 0600, gone once it stops cleanly). */
export function boltUriFile(home: string): string {
  return join(home, 'bolt-uri');
}

/** Creates the folder if missing and makes it (again) private: mode 0700, whatever it was. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}

/**
 * The credentials of the local Neo4j: user neo4j and the password in .neo4j/neo4j-password,
 * generated at first use (32 random bytes, base64url). Makes .neo4j/ 0700 and the file 0600,
 * also when they were made before with wider modes.
 */
export function localCredentials(file = PASSWORD_FILE): Credentials {
  privateDir(join(file, '..'));
  if (!existsSync(file)) createPasswordFile(file);
  if ((statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
  const password = readFileSync(file, 'utf8').trim();
  if (password.length < 8 || /[\r\n]/.test(password)) {
    throw new Error(`${file} must hold one line of 8 characters or more (the local Neo4j's password): delete it and a new one is made.`);
  }
  return { user: LOCAL_USER, password };
}

/** The password file, when there is one (nothing is created). */
export function existingLocalCredentials(file = PASSWORD_FILE): Credentials | undefined {
  return existsSync(file) ? localCredentials(file) : undefined;
}

/** Written whole and private, and never over another one: two processes starting at once agree on one password. */
function createPasswordFile(file: string): void {
  writePrivateOnce(file, `${randomBytes(32).toString('base64url')}\n`);
}

/**
 * Linux: the users owning the sockets that listen on TCP port `port` (any local address: one on
 * 0.0.0.0 or :: gets 127.0.0.1's connections too), from /proc/net/tcp and tcp6. Checked before
 * the password goes to a port named by a file: a launcher killed with SIGKILL leaves its
 * <home>/bolt-uri behind, and another user's process may listen on that port since. undefined
 * where /proc/net does not tell (not Linux).
 */
export function listenerUids(port: number): number[] | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let readable = false;
  const uids: number[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    readable = true;
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid ...; st 0A is LISTEN.
      const f = line.trim().split(/\s+/);
      if (f.length > 7 && f[3] === '0A' && f[1]!.endsWith(`:${hexPort}`)) uids.push(Number(f[7]));
    }
  }
  return readable ? uids : undefined;
}
