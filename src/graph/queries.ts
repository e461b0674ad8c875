import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/**
 * Every query the server runs, read once at start-up from cypher/<domain>/<name>.cypher and
 * addressed by "<domain>/<name>". A missing name is a programming error caught on first use in
 * tests, never a string built from input.
 */
export class QueryRegistry {
  private readonly texts = new Map<string, string>();

  constructor(dir: string = CYPHER_DIR) {
    for (const file of walk(dir)) {
      if (!file.endsWith('.cypher')) continue;
      const name = relative(dir, file).split(sep).join('/').replace(/\.cypher$/, '');
      this.texts.set(name, readFileSync(file, 'utf8').trim());
    }
  }

  /**
   * The text of a query. "a+b" joins files a and b: a list query is an anchor (the MATCH that
   * an index can serve, chosen from the filters present) followed by the shared filter, sort and
   * page clauses. Both are fixed files; input only ever reaches Neo4j as parameters.
   */
  get(name: string): string {
    return name.split('+').map((part) => {
      const text = this.texts.get(part);
      if (text === undefined) throw new Error(`No Cypher query named "${part}" under cypher/`);
      return text;
    }).join('\n');
  }

  /** A query with its name, as the writer takes it (the name goes into the transaction's metadata). */
  statement(name: string): { name: string; text: string } {
    return { name, text: this.get(name) };
  }

  names(): string[] {
    return [...this.texts.keys()].sort();
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}
