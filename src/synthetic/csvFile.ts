import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * The CSV dialect `neo4j-admin database import` reads by default: comma-separated, RFC 4180
 * quotes, arrays joined by ';'. An empty field is no property (so null, and an empty array, which
 * the importer never stores, are written as nothing); an empty string is written quoted.
 */
export const ARRAY_DELIMITER = ';';
const SIZE = 1 << 18;
const PIECE = 1 << 13;

/** A text field: quoted when it must be; null and undefined are an empty field (no property). */
export function text(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (v === '') return '""';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A string array field; an empty array is no property. */
export function list(v: readonly string[] | null | undefined): string {
  if (!v || v.length === 0) return '';
  for (const x of v) {
    if (x.includes(ARRAY_DELIMITER)) throw new Error(`array element ${JSON.stringify(x)} contains the array delimiter "${ARRAY_DELIMITER}"`);
  }
  return text(v.join(ARRAY_DELIMITER));
}

/**
 * One output file. Lines (already formatted, ending in a newline) are copied into large buffers,
 * which flush() hands to the stream, waiting while the disk is behind. `rows` counts data lines.
 */
export class CsvFile {
  private readonly out: WriteStream;
  private failed: Error | undefined;
  private buf = Buffer.allocUnsafe(SIZE);
  private pos = 0;
  private str = '';
  private pending: Buffer[] = [];
  rows = 0;

  constructor(readonly path: string, header?: readonly string[]) {
    this.out = createWriteStream(path);
    this.out.on('error', (e) => { this.failed = e; });
    if (header) this.str = `${header.join(',')}\n`;
  }

  add(line: string): void {
    // Short strings joined first, then copied in pieces of a few KB: far fewer calls into Buffer,
    // and the joined strings die young (cheap to collect).
    this.str += line;
    this.rows++;
    if (this.str.length >= PIECE) this.copy();
  }

  private copy(): void {
    const s = this.str;
    this.str = '';
    if (this.pos + 3 * s.length > this.buf.length) {
      if (this.pos > 0) this.pending.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.allocUnsafe(Math.max(SIZE, 3 * s.length));
      this.pos = 0;
    }
    this.pos += this.buf.write(s, this.pos);
  }

  async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    this.copy();
    if (this.pos > 0) {
      this.pending.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.allocUnsafe(SIZE);
      this.pos = 0;
    }
    const chunks = this.pending;
    this.pending = [];
    let ok = true;
    for (const c of chunks) ok = this.out.write(c);
    if (!ok) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (this.failed) throw this.failed;
  }
}
