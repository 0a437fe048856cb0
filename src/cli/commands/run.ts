import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { getJointStateKey } from '../../engine/serialise.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Model } from '../../model/model.js';
import { replayEvents, replayTimeline, type Replay } from '../../run/replay-timeline.js';
import { resolveStart } from '../../run/start-point.js';
import { getRunRecords } from '../../run/trace-report.js';
import { parseTraceText } from '../../trace/trace-file.js';
import { EXIT, getColors, type CliIo } from '../io.js';
import { loadForCommand } from '../load-for-command.js';
import { renderDiagnostics } from '../render-diagnostics.js';
import { renderRun } from '../render-run.js';

/** `parley run FILE`: replays the timeline (or a saved trace) and prints the trace. */
export function addRunCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run')
    .description(
      "Replay the scenario's timeline. For each event: day, event, cited paragraphs, quote, every party's stance before -> after (changes marked with *), the facts it changed and the outcomes that hold after it; then a summary. With --trace, replay a trace saved by `parley explore --save-traces` instead: the timeline up to the trace's start, then its moves; it must end in the joint state the trace recorded.",
    )
    .argument('<file>', 'scenario file (YAML)')
    .option('--trace <trace>', 'replay this trace file (from `parley explore --save-traces`)')
    .option('--json', 'print JSON lines instead: one "scenario" record, one "step" record per event, one "summary" record')
    .addHelpText('after', '\nExamples:\n  parley run scenarios/article.yaml\n  parley run scenarios/article.yaml --trace traces/trilateral-summit.trace.json')
    .action((file: string, options: { json?: boolean; trace?: string }) => {
      const { model } = loadForCommand(file, io);
      if (!model) return setExit(EXIT.badInput);
      const replay = options.trace === undefined ? replayTimeline(model) : replayTrace(model, options.trace, io);
      if (!replay) return setExit(EXIT.badInput);
      const records = getRunRecords(model, replay);
      if (options.json) io.stdout(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      else io.stdout(renderRun(records, getColors(io)));
    });
}

/** Replays a trace file; prints its problems and returns undefined if it does not replay exactly. */
function replayTrace(model: Model, path: string, io: CliIo): Replay | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    io.stderr(`${path}: error: cannot read the trace (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : String(code)}) [file-unreadable]\n`);
    return undefined;
  }
  const report = (diagnostics: readonly Diagnostic[], lineCounter: Parameters<typeof renderDiagnostics>[0]['lineCounter']) =>
    io.stderr(renderDiagnostics({ file: path, text, lineCounter }, diagnostics, getColors({ ...io, stdoutIsTTY: false })));
  const parsed = parseTraceText(text, model);
  if (!parsed.trace) {
    report(parsed.diagnostics, parsed.lineCounter);
    return undefined;
  }
  const trace = parsed.trace;
  const start = resolveStart(model, trace.start);
  if ('error' in start) {
    io.stderr(`${path}: error: ${start.error}\n`);
    return undefined;
  }
  const history = replayEvents(model, start.history);
  const moves = replayEvents(model, trace.moves, start.joint);
  if (moves.problems.length > 0) {
    report(
      moves.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, span: parsed.locateMove(p.path[1] as number) })),
      parsed.lineCounter,
    );
    return undefined;
  }
  const key = getJointStateKey(model, moves.final);
  if (key !== trace.key) {
    io.stderr(`${path}: error: the trace ends in a different joint state than it recorded (was the scenario changed since it was saved?)\n  recorded: ${trace.key}\n  replayed: ${key}\n`);
    return undefined;
  }
  const offset = history.steps.length;
  return {
    initial: history.initial,
    steps: [...history.steps, ...moves.steps.map((s) => ({ ...s, index: s.index + offset }))],
    final: moves.final,
    problems: [],
  };
}
