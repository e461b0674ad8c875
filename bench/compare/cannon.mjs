/**
 * One autocannon run, in a process of its own, timed exactly: autocannon's own `duration` is
 * taken at its next one-second tick after the last response, so a 5 s run reads as 5.0 to 6.0 s
 * (up to a fifth less throughput, at random). Here the run lasts from its start (connections
 * opened, first requests going out) to the last response received.
 *
 *   node cannon.mjs '{"url": ..., "body": ..., "connections": 10, "amount": 1000}'
 * prints {"requests", "seconds", "non2xx", "errors", "p50"} as JSON.
 */
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
let first = null;
let last = null;
const instance = autocannon({
  url: o.url, connections: o.connections, amount: o.amount, timeout: 120, method: 'POST',
  headers: { 'content-type': 'application/json' }, body: o.body,
}, (err, r) => {
  if (err) { console.error(err.message); process.exit(1); }
  const seconds = first !== null && last !== null && last > first ? (last - first) / 1000 : r.duration;
  console.log(JSON.stringify({ requests: r.requests.total, seconds, non2xx: r.non2xx, errors: r.errors + r.timeouts, p50: r.latency.p50 }));
});
instance.on('start', () => { first ??= performance.now(); });
instance.on('response', () => { last = performance.now(); });
