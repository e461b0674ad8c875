/**
 * The project's one Cypher 5 lexer: the seed loader splits scripts (split.ts) and recognises
 * statement forms (src/seed/classify.ts) with it, and the read compiler takes its definition files
 * apart with it (text.ts). It follows Neo4j's own lexer grammar for what hides text from the
 * parser: comments (`//`, `/* *\/`), string literals ('...' and "..." with backslash escapes,
 * newlines allowed) and backquoted names (`` `a``b` ``), so a keyword, a semicolon, a comma, a
 * bracket or a `$` spelt inside any of them is never taken for code.
 *
 * No published Cypher parser fits: @neo4j-cypher/language-support (Neo4j's own, antlr4) requires
 * Node >= 24.11.1 and installs 86 MB; the older @neo4j-cypher/antlr4 (a Cypher 4 grammar) rejects
 * `CALL { ... }` subqueries altogether; cypher-parser is a native addon over libcypher-parser.
 */
export type TokenType = 'word' | 'name' | 'string' | 'number' | 'symbol';

export interface Token {
  /** word: unquoted identifier or keyword; name: backquoted name; symbol: one punctuation character. */
  type: TokenType;
  text: string;
  start: number;
  end: number;
  /** 1-based line the token starts on. */
  line: number;
}

export class ScriptSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

// Cypher's whitespace: ASCII and the Unicode space separators Neo4j's grammar lists.
const SPACE = /[\t\n\u000B\f\r\u001C-\u001F \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const WORD_START = /[\p{ID_Start}_]/u;
const WORD_PART = /\p{ID_Continue}/u;
const DIGIT = /[0-9]/;

/** Reads tokens one at a time, so a caller can also take raw lines (cypher-shell commands). */
export class Lexer {
  pos = 0;
  line = 1;
  /** [start, end) of every comment passed so far. */
  readonly comments: [number, number][] = [];

  constructor(readonly source: string) {}

  /** Skips whitespace and comments. */
  skipTrivia(): void {
    const s = this.source;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '\n') { this.line++; this.pos++; continue; }
      if (SPACE.test(c)) { this.pos++; continue; }
      if (c === '/' && s[this.pos + 1] === '/') {
        const start = this.pos;
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
        this.comments.push([start, this.pos]);
        continue;
      }
      if (c === '/' && s[this.pos + 1] === '*') {
        const close = s.indexOf('*/', this.pos + 2);
        if (close < 0) throw new ScriptSyntaxError('unterminated /* comment', this.line);
        this.comments.push([this.pos, close + 2]);
        this.advanceTo(close + 2);
        continue;
      }
      return;
    }
  }

  /** The next token after whitespace and comments, or undefined at the end. */
  next(): Token | undefined {
    this.skipTrivia();
    const s = this.source;
    if (this.pos >= s.length) return undefined;
    const start = this.pos;
    const line = this.line;
    const c = s[start]!;
    let type: TokenType;
    if (c === "'" || c === '"') {
      let j = start + 1;
      while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) throw new ScriptSyntaxError('unterminated string', line);
      this.advanceTo(j + 1);
      type = 'string';
    } else if (c === '`') {
      let j = start + 1;
      for (;;) {
        const close = s.indexOf('`', j);
        if (close < 0) throw new ScriptSyntaxError('unterminated backquoted name', line);
        if (s[close + 1] === '`') { j = close + 2; continue; }
        j = close + 1;
        break;
      }
      this.advanceTo(j);
      type = 'name';
    } else if (DIGIT.test(c)) {
      // Digits, then letters/underscores (hex, octal, exponents, 1_000); a fraction only when a
      // digit follows the dot, so `1..3` stays a range.
      let j = start + 1;
      while (j < s.length && WORD_PART.test(s[j]!)) j++;
      if (s[j] === '.' && DIGIT.test(s[j + 1] ?? '')) { j++; while (j < s.length && WORD_PART.test(s[j]!)) j++; }
      this.pos = j;
      type = 'number';
    } else if (WORD_START.test(c)) {
      let j = start + 1;
      while (j < s.length && WORD_PART.test(s[j]!)) j++;
      this.pos = j;
      type = 'word';
    } else {
      this.pos = start + 1;
      type = 'symbol';
    }
    return { type, text: s.slice(start, this.pos), start, end: this.pos, line };
  }

  /** Moves to `end`, counting the newlines passed over. */
  advanceTo(end: number): void {
    for (let k = this.pos; k < end; k++) if (this.source[k] === '\n') this.line++;
    this.pos = end;
  }
}

/** Every token of a text. */
export function tokenize(source: string): Token[] {
  const lexer = new Lexer(source);
  const tokens: Token[] = [];
  for (let t = lexer.next(); t; t = lexer.next()) tokens.push(t);
  return tokens;
}
