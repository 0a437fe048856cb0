import type { ProgressReport } from '../explore/progress.js';
import { formatCount } from '../report/render-path.js';
import { getTextWidth } from '../report/text-width.js';

/** The columns of a progress bar's bar, at most. */
const BAR_COLUMNS = 20;
/** The most units a phase without a total is laid out for (its layout must not change as it counts). */
const WIDEST_COUNT = 99_999_999;
/** A rate and a time to go are shown only after this long in a phase: before, they would be noise. */
const SETTLED_MS = 250;

/**
 * Returns the progress line for a report, `elapsedMs` into its phase, in at most `width` columns:
 * the phase, a bar and a percentage where the total is known, the units done (of the total), the
 * rate and the time to go; where the total is not known in advance, the count and the rate, and
 * that the total is not known. What does not fit is left out, the bar first; the layout is chosen
 * for the widest the values of the phase can get, so that it does not change as they grow. Pure.
 */
export function formatProgressLine(report: ProgressReport, elapsedMs: number, width: number): string {
  const { phase, done, total, unit } = report;
  const settled = elapsedMs >= SETTLED_MS;
  const rate = settled ? done / (elapsedMs / 1000) : 0;
  // A slow phase (a solve of many seconds) keeps a decimal, not to read as 0 a second.
  const rateText = (value: number) => `${value < 10 ? value.toFixed(1) : formatCount(Math.round(value))} ${unit}/s`;
  if (total === undefined) {
    // The widest: a hundred million units, at as many a second.
    const line = (count: string, speed: string, note: string) => [phase, `${count} ${unit}`, speed, note];
    const widest = (note: string) => line(formatCount(WIDEST_COUNT), rateText(WIDEST_COUNT), note);
    const actual = (note: string) => line(formatCount(done), settled ? rateText(rate) : '', note);
    const notes = ['(total not known in advance)', '(total unknown)', ''];
    return fit(
      width,
      notes.map((note) => [widest(note), actual(note)]),
    );
  }
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  const eta = settled && rate > 0 ? `ETA ${formatDuration((total - done) / rate)}` : '';
  const bar = (columns: number) => {
    if (columns === 0) return '';
    const full = Math.round(share * columns);
    return `[${'█'.repeat(full)}${'░'.repeat(columns - full)}]`;
  };
  const line = (columns: number, count: number, speed: string, left: string) => [
    phase,
    bar(columns),
    percent,
    `${formatCount(count)}/${formatCount(total)} ${unit}`,
    speed,
    left,
  ];
  // The widest: every unit done, at as many a second, an hour to go.
  const widest = (columns: number) => line(columns, total, rateText(total), 'ETA 59m 59s');
  const actual = (columns: number) => line(columns, done, settled ? rateText(rate) : '', eta);
  return fit(
    width,
    [BAR_COLUMNS, 10, 0].map((columns) => [widest(columns), actual(columns)]),
  );
}

/**
 * Returns the actual line of the first layout whose widest line fits the width (parts joined by
 * two spaces, empty ones left out); else the last layout's, cut to the width.
 */
function fit(width: number, layouts: (readonly [widest: string[], actual: string[]])[]): string {
  const join = (parts: string[]) => parts.filter((p) => p !== '').join('  ');
  const chosen = layouts.find(([widest]) => getTextWidth(join(widest)) <= width) ?? layouts.at(-1);
  const line = join(chosen?.[1] ?? []);
  return getTextWidth(line) <= width ? line : line.slice(0, Math.max(0, width));
}

/** A time to go, to the second: `45s`, `3m 05s`, `2h 10m`. Pure. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
