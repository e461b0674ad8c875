import { createHash } from 'node:crypto';

/**
 * The namespace of every STIX id this graph makes (RFC 9562 UUIDv5, SHA-1): fixed for good, so
 * the same fact has the same STIX id in every export, from every server. Changing it would give
 * every object a new identity in the tools that imported one (OpenCTI, MISP): never do.
 */
export const STIX_NAMESPACE = '6b1f5d3e-0c4a-5a8e-9f21-7e0d4c3b2a19';

/** UUIDv5 of `name` in `namespace` (RFC 9562, section 5.5). */
export function uuidv5(name: string, namespace: string = STIX_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The STIX id of a graph fact: `<type>--<UUIDv5 of "<type>|<key>">`. The key is the node's graph
 * id, or, for a relationship, its graph type and the ids it joins ("AFFECTED|<incident>|<company>").
 */
export function stixId(type: string, key: string): string {
  return `${type}--${uuidv5(`${type}|${key}`)}`;
}
