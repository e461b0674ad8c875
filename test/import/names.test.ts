import { describe, expect, it } from 'vitest';
import { isGeneric, key, looseKey, parseName } from '../../src/import/names.js';
import { resolveEntities, type KnownEntity, type Mention } from '../../src/import/resolve.js';

describe('name normalisation', () => {
  it('ignores case, accents, punctuation and legal forms', () => {
    expect(key('Vodafone España, S.A.U.')).toBe('vodafone espana');
    expect(key('Vodafone Espana')).toBe('vodafone espana');
    expect(key('Google Inc.')).toBe('google');
    expect(key('SC Enel Energie S.A.')).toBe('enel energie');
    expect(key('Deutsche Wohnen SE')).toBe('deutsche wohnen');
    expect(key('EE')).toBe('ee'); // a name that is only a "legal form" keeps it
    expect(looseKey('Marriott International, Inc')).toBe('marriott');
    expect(looseKey('Marriott')).toBeNull();
  });

  it('keeps an abbreviation in brackets apart from a description', () => {
    expect(parseName('Information Commissioner (ICO)')).toMatchObject({ base: 'Information Commissioner', abbreviation: 'ICO', qualifier: null });
    expect(parseName("Icelandic Data Protection Authority ('Persónuvernd')")).toMatchObject({ abbreviation: 'Persónuvernd' });
    expect(parseName('Bank (unknown)')).toMatchObject({ base: 'Bank', abbreviation: null, qualifier: 'unknown' });
    expect(parseName('Private individual (football coach)')).toMatchObject({ base: 'Private individual', qualifier: 'football coach' });
  });

  it('tells generic descriptions from names', () => {
    for (const g of ['Private individual', 'Merchant', 'Telecommunication Service Provider', 'Unknown', 'Not disclosed', 'Bank (unknown)', 'A mayor', 'Company in the financial sector']) {
      expect(isGeneric(parseName(g)), g).toBe(true);
    }
    for (const n of ['British Airways', 'National Revenue Agency', 'Vodafone Espana', 'School in Gdansk', 'EE']) expect(isGeneric(parseName(n)), n).toBe(false);
  });
});

describe('entity resolution', () => {
  const known: KnownEntity[] = [
    { id: 'ico', label: 'Authority', name: 'ICO', aliases: [], country: 'GB' },
    { id: 'pipc', label: 'Authority', name: 'Personal Information Protection Commission', aliases: ['PIPC'], country: 'KR' },
    { id: 'british-airways', label: 'Company', name: 'British Airways', aliases: [], country: 'GB' },
    { id: 'marriott', label: 'Company', name: 'Marriott', aliases: [], country: null },
  ];
  const authority = (name: string, country: string, row = '1'): Mention => ({ label: 'Authority', name, country, row });
  const company = (name: string, row = '1', country: string | null = 'GB'): Mention => ({ label: 'Company', name, country, row });

  it('lands the ICO, British Airways and Marriott rows on the existing entities, and says how', () => {
    const r = resolveEntities([
      authority('Information Commissioner', 'GB', '85'), authority('Information Commissioner (ICO)', 'GB', '23'),
      company('Marriott International, Inc', '23'), company('British Airways', '24'),
    ], known);
    expect(r.created).toEqual([]);
    const how = Object.fromEntries(r.matched.flatMap((m) => m.texts.map((t) => [t.text, [m.id, t.how]])));
    expect(how).toEqual({
      'Information Commissioner': ['ico', 'variant in file'],
      'Information Commissioner (ICO)': ['ico', 'abbreviation'],
      'Marriott International, Inc': ['marriott', 'group designator'],
      'British Airways': ['british-airways', 'exact'],
    });
  });

  it('groups spellings of one body within a country, never across countries', () => {
    const r = resolveEntities([
      authority('Czech Data Protection Authority (UOOU)', 'CZ'), authority('Czech Data Protection Auhtority (UOOU)', 'CZ'),
      authority('Polish National Personal Data Protection Office (UODO)', 'PL'), authority('Personal Data Protection Office', 'PL'),
      authority('Danish Data Protection Authority (Datatilsynet)', 'DK'), authority('Norwegian Supervisory Authority (Datatilsynet)', 'NO'),
    ], known);
    expect(r.created.map((e) => [e.name, e.country, e.aliases.length])).toEqual([
      ['Czech Data Protection Authority', 'CZ', 3],
      ['Polish National Personal Data Protection Office', 'PL', 3],
      ['Danish Data Protection Authority', 'DK', 2],
      ['Norwegian Supervisory Authority', 'NO', 2],
    ]);
  });

  it('never merges companies across countries on a name alone, but an id fits anywhere', () => {
    const r = resolveEntities([company('Unicredit Bank SA', '27', 'RO'), company('UniCredit Bank', '123', 'CZ'),
      company('British Airways', '5', 'FR'), company('Marriott', '6', 'FR'), company('british-airways', '7', 'DE')], known);
    // The two banks: two parties, each of its country.
    expect(r.created.map((e) => [e.name, e.country])).toEqual([['Unicredit Bank SA', 'RO'], ['UniCredit Bank', 'CZ'], ['British Airways', 'FR']]);
    // British Airways is in GB: a French row's "British Airways" is another company; its id is a
    // stronger key; Marriott has no country, so a name from any fits it.
    expect(r.matched.map((m) => [m.id, m.texts.map((t) => [t.text, t.how, t.row])])).toEqual([
      ['marriott', [['Marriott', 'exact', '6']]], ['british-airways', [['british-airways', 'id', '7']]]]);
    // A company an import created is known in the countries of its imported decisions.
    const again = resolveEntities([company('UniCredit Bank', '123', 'CZ'), company('Unicredit Bank SA', '27', 'RO')], [
      { id: 'unicredit-bank-ro', label: 'Company', name: 'Unicredit Bank SA', aliases: [], country: null, countries: ['RO'] },
      { id: 'unicredit-bank-cz', label: 'Company', name: 'UniCredit Bank', aliases: [], country: null, countries: ['CZ'] },
    ]);
    expect(again.created).toEqual([]);
    expect(again.matched.map((m) => [m.id, m.texts[0]!.text])).toEqual([['unicredit-bank-cz', 'UniCredit Bank'], ['unicredit-bank-ro', 'Unicredit Bank SA']]);
  });

  it('never merges generic parties, with each other or with the graph', () => {
    const r = resolveEntities([company('Private individual', '1'), company('Private individual', '2'),
      company('Telecommunication Service Provider', '7'), company('Telecommunication Service Provider', '8'),
      company('Telecommunication service provider', '9')], [...known, { id: 'x', label: 'Company', name: 'Private individual', aliases: [], country: null }]);
    expect(r.matched).toEqual([]);
    expect(r.created).toHaveLength(5);
    expect(new Set(r.created.flatMap((e) => e.mentionKeys)).size).toBe(5);
  });
});
