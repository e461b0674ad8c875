import { expect, it } from 'vitest';
import { STIX_NAMESPACE, stixId, uuidv5 } from '../../src/stix/ids.js';
import { camel, isDerived, snake } from '../../src/stix/vocab.js';

it('uuidv5 is RFC 9562\'s: the DNS namespace example', () => {
  expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

it('a STIX id is its type and a version 5 UUID of the type and key, in the fixed namespace', () => {
  expect(STIX_NAMESPACE).toBe('6b1f5d3e-0c4a-5a8e-9f21-7e0d4c3b2a19');
  const id = stixId('incident', 'skt-breach-2025');
  expect(id).toMatch(/^incident--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(id).toBe(`incident--${uuidv5('incident|skt-breach-2025')}`);
  expect(stixId('identity', 'skt-breach-2025')).not.toBe(`identity--${id.slice('incident--'.length)}`);
});

it('property names go to snake_case and back', () => {
  for (const k of ['accessStartAsReported', 'title', 'conversionAmounts', 'amount2']) expect(camel(snake(k))).toBe(k);
  expect(snake('accessStartAsReported')).toBe('access_start_as_reported');
});

it('derived values are told from facts by label', () => {
  expect(isDerived('Fine', 'amount')).toBe(true);
  expect(isDerived('FineReport', 'amount')).toBe(false);
  expect(isDerived('Incident', 'sortTitle')).toBe(true);
  expect(isDerived('Incident', 'title')).toBe(false);
});
