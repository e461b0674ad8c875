import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { recordedInstant } from '../../src/read/recordedAsOf.js';
import { undoOf, type StoredChange } from '../../src/read/undo.js';

// The net inverse of the changes after an instant (src/read/undo.ts): what a read as recorded
// then puts back, before cypher/recorded/undo.cypher applies it in a rolled-back transaction.

const change = (id: string, more: Partial<StoredChange> & { props?: unknown[]; rels?: unknown[] }): StoredChange => ({
  id, at: `2026-12-01T00:00:0${id}.000Z`, operation: 'UPDATE_INCIDENT',
  properties: JSON.stringify(more.props ?? []), links: JSON.stringify(more.rels ?? []), created: more.created ?? [],
});

describe('undoOf', () => {
  it('puts each property back as the oldest change after the instant found it', () => {
    const u = undoOf([
      change('1', { props: [{ entity: 'i', property: 'title', before: 'First', after: 'Second' }, { entity: 'i', property: 'version', before: 0, after: 1 }] }),
      change('2', { props: [{ entity: 'i', property: 'title', before: 'Second', after: 'Third' }, { entity: 'i', property: 'summary', before: null, after: 'Now' },
        { entity: 'i', property: 'version', before: 1, after: 2 }] }),
    ]);
    expect(u.set).toEqual([{ id: 'i', props: { title: 'First', version: neo4j.int(0), summary: null } }]);
    expect(u.ids).toEqual(['i']);
    expect(u.created).toEqual([]);
  });

  it('drops what the nodes created since had, as they go; keeps their neighbours for the derived values', () => {
    const u = undoOf([
      change('1', { created: ['e'], props: [{ entity: 'e', property: 'value', before: null, after: 4500 }],
        rels: [{ from: 'i', type: 'HAS_ESTIMATE', to: 'e', before: null, after: {} }] }),
      change('2', { props: [{ entity: 'e', property: '_labels', before: ['Estimate', 'Entity'], after: ['Retracted'] }] }),
    ]);
    expect(u).toEqual({ created: ['e'], relabel: [], set: [], unlink: [], link: [], ids: [] });
  });

  it('gives labels back whole and relationships back as they were, the oldest state first', () => {
    const u = undoOf([
      change('1', { props: [{ entity: 'x', property: '_labels', before: ['Estimate', 'Entity'], after: ['Retracted'] }],
        rels: [{ from: 'a', type: 'FOLLOWS_SIMILAR', to: 'b', before: null, after: { quote: 'q' } },
          { from: 'c', type: 'SOURCED_FROM', to: 's', before: { claim: 'general', about: [] }, after: null }] }),
      change('2', { props: [{ entity: 'x', property: '_labels', before: ['Retracted'], after: ['Estimate', 'Entity'] }],
        rels: [{ from: 'a', type: 'FOLLOWS_SIMILAR', to: 'b', before: { quote: 'q' }, after: { quote: 'r' } }] }),
    ]);
    expect(u.relabel).toEqual([{ id: 'x', labels: ['Estimate', 'Entity'] }]);
    expect(u.unlink).toEqual([{ from: 'a', type: 'FOLLOWS_SIMILAR', to: 'b' }]);
    expect(u.link).toEqual([{ from: 'c', type: 'SOURCED_FROM', to: 's', props: { claim: 'general', about: [] } }]);
    expect(u.ids).toEqual(['a', 'b', 'c', 's', 'x']);
  });

  it('takes a seed file\'s change by the nodes it created (it lists no property)', () => {
    const u = undoOf([{ id: 's', at: '2026-12-01T00:00:00.000Z', operation: 'SEED', properties: '[]', links: null, created: ['n1', 'n2'] }]);
    expect(u.created).toEqual(['n1', 'n2']);
    expect(u.set).toEqual([]);
  });
});

describe('recordedInstant', () => {
  const now = Date.parse('2026-12-08T12:00:00Z');
  it('normalises a date-time with its offset to the UTC form Change.at holds', () => {
    expect(recordedInstant('2026-12-01T09:30:00+09:00', now)).toBe('2026-12-01T00:30:00.000Z');
    expect(recordedInstant('2026-12-01T00:00Z', now)).toBe('2026-12-01T00:00:00.000Z');
    expect(recordedInstant(null, now)).toBeNull();
  });
  it('refuses a date alone, no offset, nonsense and the future, naming recordedAsOf', () => {
    for (const bad of ['2026-12-01', '2026-12-01T00:00:00', 'soon', '2026-13-45T00:00:00Z', '2026-12-09T00:00:00Z']) {
      let error: unknown;
      try { recordedInstant(bad, now); } catch (e) { error = e; }
      expect((error as { extensions?: Record<string, unknown> })?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'recordedAsOf' });
    }
  });
});
