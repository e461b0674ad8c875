/**
 * Runs `work` with an AbortSignal and stops waiting for it when the deadline passes or `stop`
 * aborts, whichever comes first; it then aborts `work`'s signal so its owner (the driver: the
 * signal closes the query's session) lets go of the connection. Rejects with the reason.
 *
 * A timer that fires after the event loop was blocked runs before the I/O that arrived meanwhile:
 * the check waits one turn (setImmediate, after the poll phase) so an answer already received
 * wins over a deadline that only looks passed.
 */
export async function withDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  deadlineMs: number,
  onDeadline: () => Error,
  stop?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  let onStop: (() => void) | undefined;
  const running = work(controller.signal).finally(() => { settled = true; });
  running.catch(() => {}); // when abandoned, its late rejection is expected and not ours to report
  const cut = new Promise<never>((_, reject) => {
    const fail = (reason: unknown) => {
      if (settled) return;
      controller.abort(reason);
      reject(reason);
    };
    timer = setTimeout(() => setImmediate(() => fail(onDeadline())), deadlineMs);
    if (stop) {
      if (stop.aborted) fail(stop.reason);
      onStop = () => fail(stop.reason);
      stop.addEventListener('abort', onStop, { once: true });
    }
  });
  try {
    return await Promise.race([running, cut]);
  } finally {
    clearTimeout(timer);
    if (onStop) stop!.removeEventListener('abort', onStop);
  }
}

/** Whether `p` settles (either way) within ms; for steps of a shutdown that must not hang it. */
export function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => { clearTimeout(timer); resolve(true); };
    p.then(done, done);
  });
}
