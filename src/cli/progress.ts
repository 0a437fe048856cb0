import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** A progress display for long work: drawn on a terminal, silent when piped or under CI. */
export interface Progress {
  update(value: number, payload?: Record<string, string | number>): void;
  /** For work that learns its size as it starts. */
  setTotal(total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, setTotal() {}, stop() {} };

/**
 * Returns a progress bar on stderr when it is a terminal and CI is not set; otherwise one that
 * draws nothing. `total` undefined draws a counter instead of a bar.
 */
export function createProgress(io: CliIo, format: string, total?: number): Progress {
  if (!io.stderrIsTTY || io.env.CI !== undefined) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, clearOnComplete: true, hideCursor: true, noTTYOutput: false, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    update: (value, payload) => bar.update(value, payload),
    setTotal: (value) => bar.setTotal(value),
    stop: () => bar.stop(),
  };
}
