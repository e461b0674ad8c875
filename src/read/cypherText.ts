/**
 * Just enough of Cypher's lexical structure to take apart the project's own definition files:
 * string literals, backquoted names and comments are skipped, brackets are balanced. Never used
 * on input from clients, which only ever reaches Neo4j as parameters.
 */

/** Positions in `text` that are code (not inside a string, a backquoted name or a comment), with bracket depth. */
function scan(text: string, visit: (i: number, depth: number) => boolean | void): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') { i = text.indexOf('*/', i + 2); if (i < 0) return; i++; continue; }
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\' && c !== '`') i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (visit(i, depth) === true) return;
  }
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** Start offsets of a keyword sequence ("ORDER BY") at bracket depth 0, as whole words, case-insensitive. */
export function topLevelKeyword(text: string, keyword: string): number[] {
  const words = keyword.split(/\s+/);
  const re = new RegExp(`^${words.join('\\s+')}(?![A-Za-z0-9_])`, 'i');
  const found: number[] = [];
  scan(text, (i, depth) => {
    if (depth === 0 && !isWordChar(text[i - 1]) && re.test(text.slice(i, i + keyword.length + 40))) found.push(i);
  });
  return found;
}

/** Splits on commas at bracket depth 0. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  scan(text, (i, depth) => {
    if (depth === 0 && text[i] === ',') { parts.push(text.slice(from, i)); from = i + 1; }
  });
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Removes comments (keeping strings and line breaks), so a definition inlines cleanly into another query. */
export function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "'" || c === '"' || c === '`') {
      const from = i;
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\' && c !== '`') i++;
      out += text.slice(from, i + 1);
      continue;
    }
    if (c === '/' && next === '/') { while (i + 1 < text.length && text[i + 1] !== '\n') i++; continue; }
    if (c === '/' && next === '*') { const end = text.indexOf('*/', i + 2); i = end < 0 ? text.length : end + 1; out += ' '; continue; }
    out += c;
  }
  return out.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '').join('\n').trim();
}

/** Every $parameter name used in code (not in strings or comments). */
export function parameterNames(text: string): string[] {
  const names = new Set<string>();
  scan(text, (i) => {
    if (text[i] === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 80));
      if (m) names.add(m[1]!);
    }
  });
  return [...names];
}

/** Renames every $name in code to $<prefix>name, so one definition can appear several times in a query. */
export function prefixParameters(text: string, prefix: string): string {
  return parameterSplits(text).join(`$${prefix}`);
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
  scan(text, (i) => {
    if (text[i] === '$' && /^\$[A-Za-z_]/.test(text.slice(i, i + 2))) {
      parts!.push(text.slice(last, i));
      last = i + 1;
    }
  });
  parts.push(text.slice(last));
  splits.set(text, parts);
  return parts;
}
