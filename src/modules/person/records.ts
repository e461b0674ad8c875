import type { EntityRecord } from '../common/records.js';
import type { EventRecord } from '../narrative/records.js';

export interface PersonRecord extends EntityRecord {
  name?: string;
  aliases?: string[];
  description?: string;
}

export interface PositionRecord extends EntityRecord {
  title: string;
  acting?: boolean;
  since?: string;
  until?: string;
}

export interface SuspicionRecord extends EntityRecord {
  status: string;
  description?: string;
}

export interface AttendanceRecord {
  person: PersonRecord;
  event: EventRecord;
  role?: string | null;
}
