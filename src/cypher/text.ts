import { Lexer, type Token } from './lexer.js';

/**
 * Cypher text helpers of the read compiler, on the project's one Cypher lexer (lexer.ts): what
 * is a string, a backquoted name or a comment is decided there, so a keyword, comma or `$` spelt
 * inside one is never taken for code. Used only on the project's own query files, never on input
 * from clients, which only ever reaches Neo4j as parameters. A file the lexer cannot read (an
 * unterminated string, comment or backquoted name) throws its ScriptSyntaxError.
 */

/** Every token of a text, with the bracket depth it stands at (a bracket counts on its inside), and the comments. */
function scan(text: string): { tokens: Token[]; depths: number[]; comments: [number, number][] } {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  const depths: number[] = [];
  let depth = 0;
  for (let t = lexer.next(); t; t = lexer.next()) {
    if (t.type === 'symbol' && OPEN.has(t.text)) depth++;
    else if (t.type === 'symbol' && CLOSE.has(t.text)) depth--;
    tokens.push(t);
    depths.push(depth);
  }
  return { tokens, depths, comments: lexer.comments };
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const isSymbol = (t: Token | undefined, s: string): boolean => t?.type === 'symbol' && t.text === s;

/** Start offsets of a keyword sequence ("ORDER BY") at bracket depth 0, as whole words, case-insensitive. */
export function topLevelKeyword(text: string, keyword: string): number[] {
  const words = keyword.trim().toUpperCase().split(/\s+/);
  const { tokens, depths } = scan(text);
  const found: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (depths[k] !== 0) continue;
    // The words follow one another with only whitespace between them.
    const matches = words.every((w, j) => {
      const t = tokens[k + j];
      if (t?.type !== 'word' || t.text.toUpperCase() !== w) return false;
      return j === 0 || /^\s+$/.test(text.slice(tokens[k + j - 1]!.end, t.start));
    });
    if (matches) found.push(tokens[k]!.start);
  }
  return found;
}

/** Splits on commas at bracket depth 0. */
export function splitTopLevel(text: string): string[] {
  const { tokens, depths } = scan(text);
  const parts: string[] = [];
  let from = 0;
  tokens.forEach((t, k) => {
    if (depths[k] === 0 && isSymbol(t, ',')) { parts.push(text.slice(from, t.start)); from = t.end; }
  });
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Removes comments (keeping strings and line breaks), so a definition inlines cleanly into another query. */
export function stripComments(text: string): string {
  let out = '';
  let at = 0;
  for (const [from, to] of scan(text).comments) {
    // A line comment goes with the rest of its line; a block comment leaves a space.
    out += text.slice(at, from) + (text[from + 1] === '*' ? ' ' : '');
    at = to;
  }
  out += text.slice(at);
  return out.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '').join('\n').trim();
}

/** Every $parameter name used in code (not in strings or comments). */
export function parameterNames(text: string): string[] {
  const names = new Set<string>();
  for (const p of parameters(scan(text).tokens)) names.add(p.name.text);
  return [...names];
}

/** Renames every $name in code to $<prefix>name, so one definition can appear several times in a query. */
export function prefixParameters(text: string, prefix: string): string {
  return parameterSplits(text).join(`$${prefix}`);
}

/** Each `$name` in code: the `$` and the name right after it. */
function* parameters(tokens: Token[]): Generator<{ dollar: Token; name: Token }> {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const name = tokens[k + 1]!;
    if (isSymbol(tokens[k], '$') && name.type === 'word' && name.start === tokens[k]!.end) yield { dollar: tokens[k]!, name };
  }
}

/**
 * The text cut at every parameter's `$` (the `$` dropped), worked out once per text: the texts
 * are the definitions' parts and the root lists' pages, and every request prefixes them again.
 * The pages combine the filters a request names, so a client can make many: bounded.
 */
const splits = new Map<string, string[]>();
const MAX_SPLITS = 5000;
function parameterSplits(text: string): string[] {
  let parts = splits.get(text);
  if (parts) return parts;
  if (splits.size >= MAX_SPLITS) splits.clear();
  parts = [];
  let last = 0;
  for (const { dollar } of parameters(scan(text).tokens)) {
    parts.push(text.slice(last, dollar.start));
    last = dollar.end;
  }
  parts.push(text.slice(last));
  splits.set(text, parts);
  return parts;
}
