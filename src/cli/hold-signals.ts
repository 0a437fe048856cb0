const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs synchronous work (writing output files) so that Ctrl-C or a kill cannot cut it in half: a
 * signal that arrives meanwhile is held and delivered once the work is done, ending the process
 * as it would have. Outside this window the signals keep their default effect, so a long search
 * still stops at once.
 */
export function withSignalsHeld<T>(work: () => T): T {
  const held: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals) => void held.push(signal);
  for (const signal of SIGNALS) process.on(signal, hold);
  try {
    return work();
  } finally {
    // A signal caught during the work reaches its listener on a later turn of the event loop, after
    // the loop next polls; two turns later it has, and it is delivered again with the default effect.
    setImmediate(() =>
      setImmediate(() => {
        for (const signal of SIGNALS) process.off(signal, hold);
        if (held[0]) process.kill(process.pid, held[0]);
      }),
    );
  }
}
