import { describe, expect, it } from 'vitest';
import { splitCypherScript, ScriptSyntaxError } from '../../src/cypher/split.js';

describe('splitCypherScript', () => {
  it('splits on semicolons outside strings and comments, keeping start lines', () => {
    const items = splitCypherScript([
      '// comment; not a statement',
      "MERGE (a {id: 'x;y'})",
      'SET a.n = "q;\\"";',
      '',
      '/* block; comment */ RETURN `we;ird`;',
      ':param x => 1',
      'RETURN $x',
    ].join('\n'));
    expect(items).toEqual([
      { kind: 'cypher', text: "MERGE (a {id: 'x;y'})\nSET a.n = \"q;\\\"\"", line: 2 },
      { kind: 'cypher', text: 'RETURN `we;ird`', line: 5 },
      { kind: 'command', text: ':param x => 1', line: 6 },
      { kind: 'cypher', text: 'RETURN $x', line: 7 },
    ]);
  });

  it('reports an unterminated string at the line it opens', () => {
    expect(() => splitCypherScript("RETURN 1;\nRETURN 'oops\n;")).toThrow(ScriptSyntaxError);
    try { splitCypherScript("RETURN 1;\nRETURN 'oops\n;"); } catch (e) { expect((e as ScriptSyntaxError).line).toBe(2); }
  });
});

describe('splitCypherScript: what the Cypher lexer hides', () => {
  const texts = (source: string) => splitCypherScript(source).map((i) => i.text);

  it('backquoted names with doubled backquotes, escaped quotes and URLs in strings', () => {
    expect(texts("RETURN `a``;b` AS x; RETURN 'it\\'s; fine', \"q\\\";\"; MERGE (s {url: 'https://x.org/a;b'}) // tail; comment\nRETURN 1;")).toEqual([
      'RETURN `a``;b` AS x',
      "RETURN 'it\\'s; fine', \"q\\\";\"",
      "MERGE (s {url: 'https://x.org/a;b'}) \nRETURN 1",
    ]);
  });

  it('keeps line numbers through multi-line strings and comments, and drops the comments', () => {
    const items = splitCypherScript("RETURN 'a\nb;\nc';\nMATCH (n) /* x;\ny */ RETURN n;\n\n// c1\nRETURN 3");
    expect(items).toEqual([
      { kind: 'cypher', text: "RETURN 'a\nb;\nc'", line: 1 },
      { kind: 'cypher', text: 'MATCH (n) \n RETURN n', line: 4 },
      { kind: 'cypher', text: 'RETURN 3', line: 8 },
    ]);
  });

  it('reads CRLF files and Unicode spaces', () => {
    expect(splitCypherScript('RETURN\u00a01;\r\n:param x => 1;\r\nRETURN $x;\r\n')).toEqual([
      { kind: 'cypher', text: 'RETURN\u00a01', line: 1 },
      { kind: 'command', text: ':param x => 1', line: 2 },
      { kind: 'cypher', text: 'RETURN $x', line: 3 },
    ]);
  });

  it('a colon inside a statement is not a command', () => {
    expect(splitCypherScript('MATCH (n\n:Company) RETURN n;')).toEqual([{ kind: 'cypher', text: 'MATCH (n\n:Company) RETURN n', line: 1 }]);
  });

  it('reports an unterminated comment or backquoted name at the line it opens', () => {
    for (const [source, line] of [['RETURN 1;\n\n/* open', 3], ['RETURN 1;\nRETURN `open\n;', 2]] as const) {
      const err = (() => { try { splitCypherScript(source); } catch (e) { return e; } })();
      expect(err, source).toBeInstanceOf(ScriptSyntaxError);
      expect((err as ScriptSyntaxError).line, source).toBe(line);
    }
  });
});
