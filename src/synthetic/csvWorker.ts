import { writeIncidentPart } from './csv.js';
import type { SyntheticOptions } from './rows.js';

/**
 * A child process of writeCsv.ts: writes one range of incidents as one part, reporting progress
 * and then its result over IPC. Parts are independent, so CSV writing uses every core.
 */
interface Task { dir: string; name: string; options: SyntheticOptions; from: number; to: number }

process.once('message', (t: Task) => {
  writeIncidentPart(t.dir, t.name, t.options, t.from, t.to, (done) => process.send!({ done }))
    .then((result) => process.send!({ result }, () => process.disconnect()))
    .catch((e: unknown) => process.send!({ error: e instanceof Error ? e.stack ?? e.message : String(e) }, () => process.exit(1)));
});
