import { describe, expect, it } from 'vitest';
import { displayMoney } from '../../src/domain/money.js';
import { parsePartialDate } from '../../src/domain/partialDate.js';
import { Cursors } from '../../src/pagination/cursor.js';

describe('value rules', () => {
  it('partial dates carry their precision', () => {
    expect(parsePartialDate('2025')).toEqual({ precision: 'YEAR', year: 2025, month: null, day: null });
    expect(parsePartialDate('2025-08')).toEqual({ precision: 'MONTH', year: 2025, month: 8, day: null });
    expect(parsePartialDate('2025-08-28')).toEqual({ precision: 'DAY', year: 2025, month: 8, day: 28 });
    expect(parsePartialDate('2025-07/2025-09')).toEqual({ precision: 'QUARTER', year: 2025, month: null, day: null });
    expect(() => parsePartialDate('2025-07/2025-10')).toThrow();
    expect(() => parsePartialDate('August')).toThrow();
  });

  it('money is grouped as a string, never through a float', () => {
    expect(displayMoney('134790000000', 'KRW')).toBe('KRW 134,790,000,000');
    expect(displayMoney('12345678901234567890.05', 'USD')).toBe('USD 12,345,678,901,234,567,890.05');
  });

  it('cursors round-trip and reject anything else', () => {
    const cursors = new Cursors(Buffer.alloc(32, 7));
    expect(cursors.decode(cursors.encode('list', ['x', 3]), 'list', 'after')).toEqual(['x', 3]);
    expect(() => cursors.decode('%%%', 'list', 'after')).toThrow(/cursor/);
    expect(() => cursors.decode(Buffer.from('[1,2]').toString('base64url'), 'list', 'after')).toThrow(/cursor/);
  });

  it('a cursor signed with another key, or edited, is refused', () => {
    const cursors = new Cursors(Buffer.alloc(32, 7));
    const other = new Cursors(Buffer.alloc(32, 8));
    expect(() => cursors.decode(other.encode('list', ['x', 3]), 'list', 'after')).toThrow(/cursor/);
    const [body, mac] = cursors.encode('list', ['x', 3]).split('.');
    const forged = Buffer.from(JSON.stringify(['list', 'y', 3])).toString('base64url');
    expect(() => cursors.decode(`${forged}.${mac}`, 'list', 'after')).toThrow(/cursor/);
    expect(() => cursors.decode(`${body}.${mac}`, 'other', 'after')).toThrow(/another list/);
  });
});

import { matchedFields, toLuceneQuery } from '../../src/modules/search/query.js';

describe('search text', () => {
  it('becomes quoted phrases with only backslash and quote escaped', () => {
    expect(toLuceneQuery('AT&T  OR "x').startsWith('"AT&T" "OR" "\\"x" ')).toBe(true);
    expect(toLuceneQuery('C++ a\\b').startsWith('"C++" "a\\\\b" ')).toBe(true);
  });
  it('reports the fields a word was found in', () => {
    expect(matchedFields({ name: 'Coupang', aliases: ['쿠팡'], summary: 'other' }, ['쿠팡'])).toEqual(['aliases']);
  });
});
