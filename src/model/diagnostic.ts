/** A half-open range of character offsets into a scenario file. */
export interface Span {
  readonly start: number;
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
  | 'unused-historical-event'
  | 'inert-event'
  | 'unknown-element'
  | 'inert-element'
  | 'stale-note'
  | 'missing-rationale'
  | 'file-unreadable'
  | 'extends-cycle'
  | 'too-large';

export type Severity = 'error' | 'warning';

/**
 * A user's mistake in a scenario file, located by offsets. Only the CLI edge turns the span into
 * `FILE:LINE:COL`.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly hint?: string;
  /** The file the span is in, when it is not the file being checked (a scenario it extends). */
  readonly file?: string;
}

/** True when any diagnostic is an error (warnings never stop a run). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
