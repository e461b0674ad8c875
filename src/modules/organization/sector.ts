import { badInput } from '../../errors.js';

/**
 * A sector filter as cypher/organization/list/Company.where.sector.cypher compares it: lower case,
 * letters and digits only ("E-commerce" -> "ecommerce"), a plural's final "s" dropped ("telecoms"
 * -> "telecom") so that it still starts the singular. The Cypher normalises the stored sector the
 * same way and looks for this as the start of the whole name or of one of its words.
 */
export function sectorKey(value: string, argument: string): string {
  const key = value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (!key) throw badInput(`${argument}: "${value.slice(0, 64)}" has no letter or digit to match a sector by.`, argument.split('.')[0]!);
  return key.length > 4 && key.endsWith('s') ? key.slice(0, -1) : key;
}
