import type { EntityRecord } from '../common/records.js';
import type { GraphPathRecord } from '../incident/records.js';

export interface NeighbourhoodValue {
  center: EntityRecord;
  nodes: EntityRecord[];
  relationships: GraphPathRecord['relationships'];
  truncated: boolean;
}
