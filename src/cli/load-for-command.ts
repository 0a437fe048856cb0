import { hasErrors } from '../model/diagnostic.js';
import { locateProblems, MAX_SCENARIO_BYTES } from '../model/load.js';
import { readTextFile } from '../scenario/read-text-file.js';
import type { Model } from '../model/model.js';
import type { Problem } from '../model/problem.js';
import { readScenarioFile } from '../scenario/read-scenario.js';
import type { CheckedScenario } from '../scenario/check-scenario.js';
import { checkQuotes } from '../source/check-quotes.js';
import { checkParagraphMarkers, parseSourceText } from '../source/source-text.js';
import { LineCounter } from 'yaml';
import { getColors, type CliIo } from './io.js';
import { renderDiagnostics } from '../report/render-diagnostics.js';
import { fitText } from '../report/wrap-text.js';

/**
 * Reads a scenario for a command and prints its diagnostics to stderr. Returns the model, or
 * undefined when the file has errors (the caller exits with 2 and writes nothing to stdout).
 * With `sourcePath`, quotes are also checked against that source text.
 */
export function loadForCommand(
  file: string,
  io: CliIo,
  sourcePath?: string,
): { model?: Model; checked: CheckedScenario } {
  return printDiagnostics(io, readForCommand(file, sourcePath));
}

/** Reads and checks a scenario file (with `sourcePath`, its quotes too), printing nothing. */
export function readForCommand(file: string, sourcePath?: string): CheckedScenario {
  const checked = readScenarioFile(file);
  return checked.model && sourcePath !== undefined ? withQuoteCheck(checked, sourcePath) : checked;
}

/**
 * Prints a checked scenario's diagnostics to stderr, with `more` problems found later located in
 * the same file (or the one it extends). Returns the model unless there is an error.
 */
export function printDiagnostics(
  io: CliIo,
  checked: CheckedScenario,
  more: readonly Problem[] = [],
): { model?: Model; checked: CheckedScenario } {
  const diagnostics = [...checked.diagnostics, ...locateProblems(more, checked.sourceMap, checked.base)];
  if (diagnostics.length > 0)
    io.stderr(
      fitText(
        renderDiagnostics(checked, diagnostics, getColors({ ...io, stdoutIsTTY: false }), io.columns),
        io.columns,
      ),
    );
  if (hasErrors(diagnostics) || !checked.model) return { checked };
  return { model: checked.model, checked };
}

function withQuoteCheck(checked: CheckedScenario, sourcePath: string): CheckedScenario {
  const read = readTextFile(sourcePath, MAX_SCENARIO_BYTES);
  if ('error' in read) {
    const diagnostic = {
      code: 'file-unreadable' as const,
      severity: 'error' as const,
      message: `cannot read the source text ${sourcePath}: ${read.error}`,
      span: { start: 0, end: 0 },
    };
    return { ...checked, diagnostics: [...checked.diagnostics, diagnostic] };
  }
  const text = read.text;
  const model = checked.model as Model;
  const unmarked = checkParagraphMarkers(text, sourcePath, model.source.paragraphs[0] ?? 'P1');
  if (unmarked) {
    const sources = new Map(checked.sources);
    sources.set(sourcePath, { text, lineCounter: countLines(text) });
    return { ...checked, sources, diagnostics: [...checked.diagnostics, unmarked] };
  }
  const problems = checkQuotes(model, parseSourceText(text));
  return { ...checked, diagnostics: [...checked.diagnostics, ...locateProblems(problems, checked.sourceMap)] };
}

/** A line index of a text that is not YAML (a source text), for diagnostics located in it. */
function countLines(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}
