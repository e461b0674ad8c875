import { describe, expect, it } from 'vitest';
import { splitCypherScript, ScriptSyntaxError } from '../../src/seed/split.js';

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
