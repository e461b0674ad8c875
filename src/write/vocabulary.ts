/**
 * The labels and relationship types a write may name. Writes are built from changesets
 * (src/write/changeset.ts) whose labels and types reach Cypher as parameters of dynamic labels
 * (`CREATE (n:$(labels))`): they come from code, never from input, and this list holds them to
 * the graph's own vocabulary (the seeds' and cypher/*'s), checked before anything is sent.
 */
export const NODE_LABELS = [
  'Incident', 'Company', 'Authority', 'Publisher', 'Person', 'Position', 'Suspicion', 'DataExposure', 'Estimate',
  'Investigation', 'Fine', 'FineReport', 'Statement', 'Event', 'Source', 'Country', 'DataCategory',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** What a node is out of reads as: retracted (a fact withdrawn) or a redirect (merged into another). */
export const STATE_LABELS = ['Entity', 'Retracted', 'Redirect'] as const;

export const RELATIONSHIP_TYPES = [
  'ABOUT', 'AFFECTED', 'AGAINST', 'AT', 'ATTENDED', 'CONCERNS', 'CONDUCTS', 'FOLLOWS_SIMILAR', 'FORMERLY_EMPLOYED_BY',
  'FOR_INCIDENT', 'HAS_ESTIMATE', 'HAS_EXPOSURE', 'HOLDS', 'IDENTIFIED', 'IMPOSED', 'INTO', 'IN_COUNTRY', 'IN_INCIDENT',
  'MADE', 'NATIONAL_OF', 'OF_CATEGORY', 'ON_BEHALF_OF', 'ORGANIZED', 'PART_OF', 'PUBLISHED_BY', 'REPORTED_AS',
  'RESULTED_IN', 'SOURCED_FROM', 'SUBJECT_OF', 'MERGED_INTO',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

const labels = new Set<string>([...NODE_LABELS, ...STATE_LABELS]);
const types = new Set<string>(RELATIONSHIP_TYPES);

export function checkLabel(label: string): string {
  if (!labels.has(label)) throw new Error(`a write named the label ${JSON.stringify(label)}, which is not in src/write/vocabulary.ts`);
  return label;
}

export function checkType(type: string): string {
  if (!types.has(type)) throw new Error(`a write named the relationship type ${JSON.stringify(type)}, which is not in src/write/vocabulary.ts`);
  return type;
}
