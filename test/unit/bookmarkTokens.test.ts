import { describe, expect, it } from 'vitest';
import { BookmarkTokens, InvalidBookmarkToken } from '../../src/graph/bookmarks.js';
import { Cursors } from '../../src/pagination/cursor.js';

const secret = Buffer.alloc(32, 7);

describe('bookmark tokens', () => {
  it('give back the bookmarks they were issued with, to any holder of the same key', () => {
    const token = new BookmarkTokens(secret).issue(['FB:kcwQabc', 'FB:kcwQdef'])!;
    expect(new BookmarkTokens(Buffer.from(secret)).read(token)).toEqual(['FB:kcwQabc', 'FB:kcwQdef']);
  });

  it('are not issued for a transaction without bookmarks', () => {
    expect(new BookmarkTokens(secret).issue([])).toBeUndefined();
  });

  it('refuse another key, an edit, a cursor and plain garbage', () => {
    const tokens = new BookmarkTokens(secret);
    const token = tokens.issue(['FB:kcwQabc'])!;
    expect(() => new BookmarkTokens(Buffer.alloc(32, 8)).read(token)).toThrow(InvalidBookmarkToken);
    const [body, sig] = token.split('.');
    const edited = Buffer.from(JSON.stringify(['FB:kcwQzzz'])).toString('base64url');
    expect(() => tokens.read(`${edited}.${sig}`)).toThrow(InvalidBookmarkToken);
    expect(() => tokens.read(`${body}.${sig!.slice(1)}`)).toThrow(InvalidBookmarkToken);
    // Signed with the same shared secret, but as a cursor: not a bookmark.
    expect(() => tokens.read(new Cursors(secret).encode('Incident:id:A', ['x']))).toThrow(InvalidBookmarkToken);
    for (const junk of ['', '.', 'abc', 'x'.repeat(5000)]) expect(() => tokens.read(junk)).toThrow(InvalidBookmarkToken);
  });

  it('carry at most the 16 newest bookmarks', () => {
    const many = Array.from({ length: 20 }, (_, i) => `FB:${i}`);
    const tokens = new BookmarkTokens(secret);
    expect(tokens.read(tokens.issue(many)!)).toEqual(many.slice(-16));
  });
});
