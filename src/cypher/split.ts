import { Lexer, type Token } from './lexer.js';

export { ScriptSyntaxError } from './lexer.js';

/**
 * Splits a cypher-shell script into statements, keeping the line each starts on so an error
 * from Neo4j can be reported against the file. The Cypher lexer decides what is code: semicolons
 * inside strings, backquoted names and comments do not end a statement, and comments are left
 * out of the statement's text (their line breaks kept, so lines inside it still match the file).
 * Lines starting with ":" are cypher-shell client commands.
 */
export interface ScriptItem {
  kind: 'cypher' | 'command';
  text: string;
  /** 1-based line in the file where the item starts. */
  line: number;
}

export function splitCypherScript(source: string): ScriptItem[] {
  const lexer = new Lexer(source);
  const items: ScriptItem[] = [];
  let first: Token | undefined;
  let last: Token | undefined;
  const flush = () => {
    if (first && last) items.push({ kind: 'cypher', text: withoutComments(source, first.start, last.end, lexer.comments), line: first.line });
    first = last = undefined;
  };

  for (;;) {
    lexer.skipTrivia();
    if (lexer.pos >= source.length) break;
    if (!first && source[lexer.pos] === ':' && isLineStart(source, lexer.pos)) { // client command, one line
      const end = source.indexOf('\n', lexer.pos);
      const stop = end < 0 ? source.length : end;
      items.push({ kind: 'command', text: source.slice(lexer.pos, stop).trim().replace(/;$/, ''), line: lexer.line });
      lexer.pos = stop;
      continue;
    }
    const token = lexer.next()!;
    if (token.type === 'symbol' && token.text === ';') { flush(); continue; }
    first ??= token;
    last = token;
  }
  flush();
  return items;
}

function isLineStart(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (s[j] === ' ' || s[j] === '\t')) j--;
  return j < 0 || s[j] === '\n';
}

/** source[start, end) with each comment in it replaced by the line breaks it spans. */
function withoutComments(source: string, start: number, end: number, comments: [number, number][]): string {
  let text = '';
  let at = start;
  for (const [from, to] of comments) {
    if (to <= start || from >= end) continue;
    text += source.slice(at, from) + source.slice(from, to).replace(/[^\n]/g, '');
    at = to;
  }
  return text + source.slice(at, end);
}
