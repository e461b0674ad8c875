/**
 * CPU time of a process from /proc/<pid>/stat (Linux): user + system, in ms. The comparison reads
 * it before and after each load run to give each process's CPU per request (the API's own cost,
 * and what it asks of Neo4j), which throughput on a shared machine hides.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
const hz = () => (ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);

/** The process's CPU time so far (ms), or NaN where /proc is not there or the pid is unknown. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3: utime is 14, stime 15.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / hz();
  } catch {
    return NaN;
  }
}
