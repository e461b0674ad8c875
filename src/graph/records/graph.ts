import type { EntityRecord } from './common.js';
import type { GraphPathRecord } from './incident.js';

export interface NeighbourhoodValue {
  center: EntityRecord;
  nodes: EntityRecord[];
  relationships: GraphPathRecord['relationships'];
  truncated: boolean;
}
