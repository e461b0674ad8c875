import type { EntityRecord } from '../common/records.js';

export interface IncidentRecord extends EntityRecord {
  title: string;
  kind: string;
  summary?: string;
  accessStart?: string;
  accessStartAsReported?: string;
  accessEnd?: string;
  accessDurationAsReported?: string;
  origin?: string;
  attackVector?: string;
  discoveredOn?: string;
  discoveredOnAsReported?: string;
  reportedOn?: string;
  reportedOnAsReported?: string;
  disclosedOn?: string;
  disclosedOnAsReported?: string;
  /** Derived (seeds/99-derived-values.cypher): the year stats count it in, and the date it comes from. */
  year?: number;
  yearBasis?: string;
  /** Derived: the year access began (accessStart's year), beside year. */
  accessYear?: number;
  /** Derived: why accountsAffected, recordsExposed and peopleAffected are the estimates they are. */
  accountsAffectedRule?: string;
  accountsAffectedCompared?: number;
  accountsAffectedOtherUnits?: string[];
  recordsExposedRule?: string;
  recordsExposedCompared?: number;
  recordsExposedOtherUnits?: string[];
  peopleAffectedRule?: string;
  peopleAffectedCompared?: number;
  peopleAffectedOtherUnits?: string[];
  extortionDemand?: string;
  ransomDemanded?: boolean;
}

export interface DataExposureRecord extends EntityRecord {
  exposed: boolean;
  detail?: string;
}

export interface EstimateRecord extends EntityRecord {
  metric: string;
  value: number;
  qualifier: string;
  unit: string;
  asOf?: string;
  asOfAsReported?: string;
  /** When a source first reported the figure (asOf is the date the figure refers to). */
  reportedOn?: string;
  reportedOnAsReported?: string;
  /** Derived: chosen as its incident's accountsAffected or recordsExposed. */
  isBest?: boolean;
  note?: string;
}

export interface TimelineEntryRecord {
  kind: string;
  date: string;
  dateAsReported?: string | null;
  title?: string | null;
  node?: EntityRecord | null;
  /** An estimate's figure, for the title of an ESTIMATE entry. */
  estimate?: Pick<EstimateRecord, 'value' | 'qualifier' | 'unit'> | null;
}

/** A change of a best figure (cypher/incident/Incident.figureTimeline.cypher). */
export interface FigureChangeRecord {
  metric: 'ACCOUNTS_AFFECTED' | 'RECORDS_EXPOSED' | 'PEOPLE_AFFECTED';
  day: string;
  estimate: EstimateRecord;
  value: number;
  qualifier: string;
  unit: string;
  rule: string;
  compared: number;
  otherUnits: string[];
}

export interface GraphPathRecord {
  nodes: EntityRecord[];
  relationships: { type: string; from: string; to: string }[];
}

export interface RelatedIncidentRecord {
  incident: IncidentRecord;
  reasons: RelatedByValue[];
}

export interface RelatedByValue {
  reason: string;
  via: EntityRecord | null;
  path: GraphPathRecord;
}
