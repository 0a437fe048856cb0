import { totalmem } from 'node:os';
import { generateParallelScenario, loadGenerated } from './generated-models.js';
import { perSecond, ratio } from './measure.js';
import { measureParleyInProcess, type ParleyMeasurement, type ParleyTask } from './parley-process.js';
import { writePromela } from './promela.js';
import { getSpinVersion, isPanCount, PAN_FLAGS, runSpinSearch, whySpinCannotRun } from './spin.js';

// parley beside SPIN on the same question: exhaustive reachability of every joint state of the
// same parallel model, SPIN's breadth-first search (no partial-order reduction) against parley's.
// Each parley figure comes from processes of its own, so that peak memory is measured, not guessed.

const STANCES = 10;
/** The parties of the models compared: 10^5, 10^6 and 10^7 joint stances. */
const PARTIES = [5, 6, 7];

/** One side's figures on one model: time and peak memory. */
interface Figure {
  readonly states: number;
  readonly transitions: number;
  readonly ms: number;
  readonly bytes: number;
}

/** The runs timed for a model of `states` states: three (the median is reported) below two million, else one. */
function runsFor(states: number): number {
  return states < 2_000_000 ? 3 : 1;
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
}

/** parley's `task` on the model, in fresh processes: the median time, and the peak memory above a baseline process's. */
function measureParley(task: ParleyTask, parties: number, runs: number): Figure {
  const baseline = measureParleyInProcess('baseline', parties, STANCES);
  const measured: ParleyMeasurement[] = Array.from({ length: runs }, () =>
    measureParleyInProcess(task, parties, STANCES),
  );
  const peak = Math.max(...measured.map((m) => m.maxRssBytes));
  const { states, transitions } = measured[0]!;
  return { states, transitions, ms: median(measured.map((m) => m.ms)), bytes: peak - baseline.maxRssBytes };
}

/** A peak no higher than the baseline process's is below what peak RSS can tell: said so, not printed as 0. */
function perState(figure: Figure): string {
  return figure.bytes > 0
    ? `${(figure.bytes / figure.states).toFixed(0).padStart(4)} bytes/state`
    : " (peak within the baseline process's)";
}

function describe(label: string, figure: Figure, detail: string): string {
  return `  ${label.padEnd(15)} ${seconds(figure.ms).padStart(7)}  ${perSecond(figure.states, figure.ms).padStart(12)}  ${perState(figure)}  ${detail}`;
}

function growthCell(figure: Figure, previous: Figure | undefined): string {
  const memory = previous && previous.bytes > 0 && figure.bytes > 0 ? `, ${ratio(figure.bytes, previous.bytes)}` : '';
  const growth = previous ? ` (${ratio(figure.ms, previous.ms)}${memory})` : '';
  return `${seconds(figure.ms)}, ${figure.bytes > 0 ? mib(figure.bytes) : 'within the baseline'}${growth}`;
}

/**
 * Prints parley's search and full explore beside SPIN's exhaustive breadth-first search on
 * parallel models of 10^5, 10^6 and 10^7 joint stances, checks that SPIN stores exactly the
 * states parley counts (throwing if not), and prints the growth of time and memory per 10x.
 * Without `spin` or `cc` on PATH it says so in one line and measures parley alone.
 */
export function benchSpinComparison(): void {
  console.log(
    `\n## parley beside SPIN: every joint state of parallel models of ${STANCES} stances a party, 3 events each, one day`,
  );
  const whyNot = whySpinCannotRun();
  const memoryLimitMb = Math.floor(totalmem() / 2 ** 21);
  if (whyNot) console.log(`SPIN comparison skipped: ${whyNot}; parley measured alone.`);
  else
    console.log(
      `${getSpinVersion()}: spin -a model.pml; cc ${PAN_FLAGS.join(' ')} -DMEMLIM=${memoryLimitMb} -o pan pan.c (timed apart); ./pan -n -wN, 2^N >= the states (timed: the search)`,
    );
  console.log(
    "parley's memory: the peak RSS of a process that runs the search or explore (process.resourceUsage().maxRSS) minus that of a process that loads and compiles the same model and stops; SPIN's: pan's total actual memory usage",
  );
  const rows: { parties: number; states: number; search: Figure; explore: Figure; spin?: Figure }[] = [];
  for (const parties of PARTIES) {
    const expected = STANCES ** parties + 1;
    const runs = runsFor(expected);
    console.log(
      `${parties} parties x ${STANCES} stances (${expected.toLocaleString('en-US')} states: the ${(STANCES ** parties).toLocaleString('en-US')} joint stances on the start day and the one state when time is up); ${runs === 1 ? 'one run' : `median of ${runs} runs`}`,
    );
    const spinRun = whyNot
      ? undefined
      : runSpinSearch(
          writePromela(loadGenerated(generateParallelScenario(parties, STANCES))),
          expected,
          memoryLimitMb,
          runs,
        );
    const spin: Figure | undefined = spinRun && {
      states: spinRun.statesStored,
      transitions: spinRun.transitions,
      ms: spinRun.searchMs,
      bytes: spinRun.memoryBytes,
    };
    if (spinRun && spin)
      console.log(
        describe(
          'SPIN BFS',
          spin,
          `(${mib(spin.bytes)}; state vector ${spinRun.stateVectorBytes} bytes, -w${spinRun.hashLog2}; compile ${seconds(spinRun.compileMs)}, not counted)`,
        ),
      );
    const search = measureParley('search', parties, runs);
    console.log(describe('parley search', search, `(${mib(search.bytes)})`));
    const explore = measureParley('explore', parties, runs);
    console.log(describe('parley explore', explore, `(${mib(explore.bytes)}; exact odds and witnesses)`));
    if (explore.states !== search.states || explore.transitions !== search.transitions)
      throw new Error(
        `parley's search found ${search.states} states and ${search.transitions} transitions, its explore ${explore.states} and ${explore.transitions}`,
      );
    if (spin) {
      // pan counts the start state as one of its transitions.
      if (!isPanCount(spin.states, search.states) || !isPanCount(spin.transitions, search.transitions + 1))
        throw new Error(
          `SPIN stored ${spin.states} states with ${spin.transitions} transitions, parley found ${search.states} states with ${search.transitions} moves: the models differ`,
        );
      console.log(
        `  SPIN's "states, stored" = parley's states = ${search.states.toLocaleString('en-US')}, and its transitions = parley's moves + 1 (checked); SPIN takes ${ratio(spin.ms, search.ms)} the time of parley's search${search.bytes > 0 ? ` and ${ratio(spin.bytes, search.bytes)} its memory` : ''}`,
      );
    }
    rows.push({ parties, states: search.states, search, explore, ...(spin && { spin }) });
  }
  console.log('\nGrowth, time and memory, with the growth per 10x in parentheses (time, memory):\n');
  console.log('| joint stances | states | parley search | parley explore | SPIN BFS |');
  console.log('|---|---|---|---|---|');
  rows.forEach((row, i) => {
    const before = rows[i - 1];
    const spin = row.spin ? growthCell(row.spin, before?.spin) : 'skipped';
    console.log(
      `| 10^${row.parties} | ${row.states.toLocaleString('en-US')} | ${growthCell(row.search, before?.search)} | ${growthCell(row.explore, before?.explore)} | ${spin} |`,
    );
  });
}
