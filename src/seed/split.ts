/**
 * Splits a cypher-shell script into statements, keeping the line each starts on so an error
 * from Neo4j can be reported against the file. Semicolons inside strings, backquoted names and
 * comments do not end a statement. Lines starting with ":" are cypher-shell client commands.
 */
export interface ScriptItem {
  kind: 'cypher' | 'command';
  text: string;
  /** 1-based line in the file where the item starts. */
  line: number;
}

export function splitCypherScript(source: string): ScriptItem[] {
  const items: ScriptItem[] = [];
  let buf = '';
  let startLine = 0;
  let line = 1;
  let i = 0;
  const n = source.length;
  const atLineStart = () => buf.trim() === '';

  const flush = () => {
    const text = buf.trim();
    if (text) items.push({ kind: 'cypher', text, line: startLine });
    buf = '';
    startLine = 0;
  };
  const push = (s: string) => {
    if (startLine === 0 && s.trim() !== '') startLine = line;
    buf += s;
  };

  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') { buf += c; line++; i++; continue; }
    if (c === '/' && next === '/') { // line comment
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') { // block comment
      i += 2;
      while (i < n && !(source[i] === '*' && source[i + 1] === '/')) { if (source[i] === '\n') { buf += '\n'; line++; } i++; }
      if (i >= n) throw new ScriptSyntaxError('unterminated /* comment', line);
      i += 2;
      continue;
    }
    if (c === ':' && atLineStart() && isLineStart(source, i)) { // client command, one line
      let j = i;
      while (j < n && source[j] !== '\n') j++;
      items.push({ kind: 'command', text: source.slice(i, j).trim().replace(/;$/, ''), line });
      buf = '';
      startLine = 0;
      i = j;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const quoteLine = line;
      let j = i + 1;
      while (j < n && source[j] !== c) {
        if (source[j] === '\\' && c !== '`') j++;
        if (source[j] === '\n') line++;
        j++;
      }
      if (j >= n) throw new ScriptSyntaxError(`unterminated ${c === '`' ? 'backquoted name' : 'string'}`, quoteLine);
      if (startLine === 0) startLine = quoteLine;
      buf += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === ';') { flush(); i++; continue; }
    push(c);
    i++;
  }
  flush();
  return items;
}

function isLineStart(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (s[j] === ' ' || s[j] === '\t')) j--;
  return j < 0 || s[j] === '\n';
}

export class ScriptSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}
