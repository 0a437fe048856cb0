import type { TraceFile } from './trace-file.js';

/** Returns the text of a trace file: JSON, two-space indented, one move a line. Pure. */
export function formatTraceFile(trace: TraceFile): string {
  return `${JSON.stringify(trace, null, 2)}\n`;
}
