/** A half-open range of character offsets into a scenario file. */
export interface Span {
  /** The offset of the first character. */
  readonly start: number;
  /** The offset just past the last character. */
  readonly end: number;
}

/** Stable codes: tests and tools match on these, never on message text. */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'duplicate-id'
  | 'unknown-key'
  | 'missing-key'
  | 'wrong-type'
  | 'invalid-value'
  | 'unknown-reference'
  | 'missing-citation'
  | 'empty-timeline'
  | 'timeline-order'
  | 'precondition-failed'
  | 'impossible-move'
  | 'unreachable-stance'
  | 'quote-not-in-source'
  | 'no-paragraph-markers'
  | 'unused-historical-event'
  | 'inert-event'
  | 'unknown-element'
  | 'inert-element'
  | 'stale-note'
  | 'missing-rationale'
  | 'file-unreadable'
  | 'extends-cycle'
  | 'too-large';

/** How bad a diagnostic is: an 'error' stops the scenario loading, a 'warning' does not. */
export type Severity = 'error' | 'warning';

/**
 * A user's mistake in a scenario file, located by offsets. Only the CLI edge turns the span into
 * `FILE:LINE:COL`.
 */
export interface Diagnostic {
  /** What kind of problem it is: stable, for tools and tests to match on. */
  readonly code: DiagnosticCode;
  /** Whether it stops the scenario loading. */
  readonly severity: Severity;
  /** What was found and what was expected, in words. */
  readonly message: string;
  /** Where in the file the problem is. */
  readonly span: Span;
  /** A suggested fix, such as a near spelling (absent: none). */
  readonly hint?: string;
  /** The file the span is in, when it is not the file being checked (a scenario it extends). */
  readonly file?: string;
}

/** True when any diagnostic is an error (warnings never stop a run). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
