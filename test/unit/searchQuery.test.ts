import { describe, expect, it } from 'vitest';
import { FIELD_BOOSTS, namePrefix, toForgivingQuery, toLuceneQuery } from '../../src/modules/search/query.js';

const HOSTILE = ['C++', 'AT&T', '"unbalanced', '*', 'OR', '~', 'AND NOT', 'a:b', '\\', '(((', 'title:coupang^9', '쿠팡',
  'name:"x"^99', 'SK" OR name:*', '"SK Telecom', 'a\\" b', 'Coup*~2', 'x\\', '\\"'];
const FIELDS = Object.keys(FIELD_BOOSTS).join('|');

/** The query with every quoted phrase taken out: what is left is the syntax the query has outside them. */
const outsideQuotes = (q: string) => q.replace(/"(?:[^"\\]|\\.)*"/g, 'Q');

describe('the exact query', () => {
  it('holds the user\'s text only inside quoted phrases, on our fields with our boosts', () => {
    const clause = new RegExp(`^(?:(?:${FIELDS}):)?Q(?:\\^\\d+)?$`);
    for (const text of HOSTILE) {
      const q = toLuceneQuery(text);
      for (const part of outsideQuotes(q).split(' ')) expect(part, `${text} -> ${q}`).toMatch(clause);
    }
  });

  it('adds each word and the whole text on the weighted fields', () => {
    const q = toLuceneQuery('SK Telecom');
    expect(q.startsWith('"SK" "Telecom" ')).toBe(true);
    expect(q).toContain(`name:"SK"^${FIELD_BOOSTS.name}`);
    expect(q).toContain('name:"SK Telecom"^');
    expect(q).toContain('searchExposed:"Telecom"^');
    // One word: no phrase of the whole text beside it.
    expect(toLuceneQuery('Coupang').split(' ')).toHaveLength(1 + Object.keys(FIELD_BOOSTS).length);
  });
});

describe('the forgiving query', () => {
  it('is built from letters and digits only, boosted on the weighted fields', () => {
    for (const text of HOSTILE) {
      const q = toForgivingQuery(text);
      if (q === null) continue;
      for (const part of q.split(' ')) expect(part, `${text} -> ${q}`).toMatch(new RegExp(`^(?:(?:${FIELDS}):)?[\\p{L}\\p{N}]+(?:\\*|~[12])(?:\\^\\d+)?$`, 'u'));
    }
    expect(toForgivingQuery('Coup')).toContain(`name:coup*^${FIELD_BOOSTS.name}`);
    expect(toForgivingQuery('Coup')).toContain('coup~1');
    expect(toForgivingQuery('*')).toBeNull();
  });
});

describe('the name prefix', () => {
  it('is the text in lower case with its words one space apart', () => {
    expect(namePrefix('  Coup ')).toBe('coup');
    expect(namePrefix('SK   Tel')).toBe('sk tel');
    expect(namePrefix('ＣＯＵＰ')).toBe('coup');
  });
});
