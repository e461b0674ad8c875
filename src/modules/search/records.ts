import type { EntityRecord } from '../common/records.js';

export interface SearchEdgeValue {
  cursor: string;
  node: EntityRecord;
  score: number;
  exact: boolean;
  matchedFields: string[];
}
