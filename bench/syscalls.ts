/**
 * System calls per request of this API and of the hand-written server under the comparison's
 * load (strace -c on each server's process), not a test: a CPU profile of the API under load
 * (bench/profile.ts) put a third of its busy time in socket writes, so their count per request is
 * worth knowing. Needs strace and ptrace rights over the servers (its own children).
 *   NODE_ENV=production npx tsx bench/syscalls.ts --kinds incident-synthetic --amount 500
 */
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { startChild } from './compare/children.js';
import { keptGraph } from './compare/kept.js';
import { autocannon } from './compare/measure.js';

const opts = new Command()
  .option('--kinds <list>', 'kinds (keys), comma-separated', 'incident-synthetic')
  .option('--amount <n>', 'requests per kind and server', '500')
  .parse()
  .opts<{ kinds: string; amount: string }>();
const { db, database, selected } = await keptGraph(opts.kinds.split(','));
const servers = { api: await startChild('api', db.connection.uri, database), cypher: await startChild('cypher', db.connection.uri, database) };
const amount = Number(opts.amount);
for (const k of selected) {
  for (const [name, s] of Object.entries(servers)) {
    const t = { url: s.url, body: JSON.stringify(name === 'api' ? k.api : { query: k.cypher.file, params: k.cypher.params }) };
    await autocannon(t, 10, 500);
    await s.idle();
    const strace = spawn('strace', ['-c', '-f', '-p', String(s.pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let out = '';
    strace.stderr.on('data', (c: Buffer) => { out += c.toString(); });
    await new Promise((r) => setTimeout(r, 1000));
    await autocannon(t, 10, amount);
    await s.idle();
    const done = new Promise((r) => strace.once('close', r));
    strace.kill('SIGINT');
    await done;
    const rows = out.split('\n').filter((l) => /^\s*[\d.]+\s+[\d.]+\s+\d+\s+\d+/.test(l)).map((l) => l.trim().split(/\s+/))
      .map((f) => ({ call: f.at(-1)!, calls: Number(f[3]) }));
    console.log(`${k.key} ${name}: ${rows.filter((r) => r.calls / amount >= 0.05).sort((a, b) => b.calls - a.calls).map((r) => `${r.call} ${(r.calls / amount).toFixed(2)}`).join(', ')} per request`);
  }
}
await Promise.all(Object.values(servers).map((s) => s.close()));
await db.close();
