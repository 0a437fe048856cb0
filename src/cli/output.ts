import { Option } from 'commander';
import pc from 'picocolors';
import { withSignalsHeld } from './hold-signals.js';
import { getColors, type CliIo, type Colors } from './io.js';
import { writeFileAtomically } from './write-file.js';
import { fitText } from '../report/wrap-text.js';

/** `-o, --output FILE`: for every command that prints a result. */
export function outputOption(): Option {
  return new Option(
    '-o, --output <file>',
    'write the result to FILE (whole or not at all, even on Ctrl-C) instead of stdout',
  );
}

export interface OutputOptionValue {
  readonly output?: string;
}

/** The colours of a result: none in a file, else as the terminal allows. */
export function getResultColors(io: CliIo, options: OutputOptionValue): Colors {
  return options.output === undefined ? getColors(io) : pc.createColors(false);
}

/** Prints a command's result, or writes it to `--output` through a temporary file and a rename. */
export function emitResult(io: CliIo, options: OutputOptionValue, text: string): void {
  const path = options.output;
  if (path === undefined) io.stdout(text);
  else withSignalsHeld(() => writeFileAtomically(path, text));
}

/**
 * Prints a command's human-readable result, laid out by `render` for the output's width and then
 * wrapped to it line by line (see `fitText`); a result written to `--output` has no width.
 */
export function emitReport(io: CliIo, options: OutputOptionValue, render: (width: number | undefined) => string): void {
  const width = options.output === undefined ? io.columns : undefined;
  emitResult(io, options, fitText(render(width), width));
}
