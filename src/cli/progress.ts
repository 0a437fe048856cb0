import cliProgress from 'cli-progress';
import type { ProgressReport } from '../explore/progress.js';
import type { CliIo } from './io.js';
import { formatProgressLine } from './progress-line.js';

/** A progress display for long work: drawn on a terminal, silent when piped or under CI. */
export interface Progress {
  /** Shows where the work stands; a new phase starts its rate and time to go afresh. */
  report(report: ProgressReport): void;
  /** Clears the display (for good). */
  stop(): void;
}

const SILENT: Progress = { report() {}, stop() {} };

/**
 * Returns a progress bar on stderr when it is a terminal and CI is not set; otherwise one that
 * draws nothing. Each report is drawn (at most every 100 ms, and during synchronous work too, since
 * the bar is redrawn from `report` itself) as `formatProgressLine` lays it out for stderr's width.
 * The line is cleared when the work ends, so that nothing of it stays above the output.
 */
export function createProgress(io: CliIo): Progress {
  if (!io.stderrIsTTY || io.env.CI !== undefined) return SILENT;
  const stream = process.stderr;
  const bar = new cliProgress.SingleBar({
    format: (_options, _params, payload: { line?: string }) => payload.line ?? '',
    stream,
    clearOnComplete: true,
    hideCursor: true,
    noTTYOutput: false,
    fps: 10,
  });
  // The last column is left free: writing into it makes some terminals wrap.
  const width = () => Math.max(10, (stream.columns || 80) - 1);
  let phase = '';
  let since = Date.now();
  bar.start(1, 0, { line: '' });
  return {
    report: (report) => {
      const now = Date.now();
      if (report.phase !== phase) {
        phase = report.phase;
        since = now;
      }
      bar.update(0, { line: formatProgressLine(report, now - since, width()) });
    },
    stop: () => bar.stop(),
  };
}
