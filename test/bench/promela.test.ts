import { describe, expect, it } from 'vitest';
import { generateLargeScenario, generateParallelScenario, loadGenerated } from '../../bench/generated-models.js';
import { writePromela } from '../../bench/promela.js';
import { isPanCount, parsePanReport, runSpinSearch, whySpinCannotRun } from '../../bench/spin.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import { resolveStart, type Start } from '../../src/run/start-point.js';
import { expectGolden } from '../helpers/golden.js';

function startOf(model: ReturnType<typeof loadGenerated>): Start {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
}

// pan's report on the 3 x 3 parallel model (`./pan -n -w10`), as SPIN 6.5.2 prints it.
const PAN_OUTPUT = `
(Spin Version 6.5.2 -- 6 December 2019)
	+ Breadth-First Search

Full statespace search for:
	never claim         	- (none specified)
	assertion violations	+
	cycle checks       	- (disabled by -DSAFETY)
	invalid end states	+

State-vector 44 byte, depth reached 3, errors: 0
       28 states, stored
	      28 nominal states (stored-atomic)
      162 states, matched
      190 transitions (= stored+matched)
        0 atomic steps
hash conflicts:         0 (resolved)

Stats on memory usage (in Megabytes):
    0.002	equivalent memory usage for states (stored*(State-vector + overhead))
    0.090	actual memory usage for states
    0.008	memory used for hash table (-w10)
    0.098	total actual memory usage



pan: elapsed time 0 seconds
`;

describe('the Promela export of a parallel model', () => {
  it('writes one process per party, a move per event out of each stance, and the day passing into one time-up state', () => {
    expectGolden('bench/parallel-2x3.pml', writePromela(loadGenerated(generateParallelScenario(2, 3))));
  });

  it('refuses a model that is not parallel (facts, conditions), saying why', () => {
    expect(() => writePromela(loadGenerated(generateLargeScenario(2, 3)))).toThrow(
      'large 2x3 is not a parallel model: it has facts',
    );
  });
});

describe("reading pan's report", () => {
  it('takes the states stored, the transitions, the state vector, the memory and the errors', () => {
    expect(parsePanReport(PAN_OUTPUT)).toEqual({
      statesStored: 28,
      transitions: 190,
      stateVectorBytes: 44,
      memoryBytes: 0.098 * 2 ** 20,
      errors: 0,
    });
  });

  it('fails loudly on output without a count', () => {
    expect(() => parsePanReport(PAN_OUTPUT.replace('states, stored', 'states'))).toThrow(/no "states, stored"/);
  });

  it("compares a count with pan's %9.8g: exact below 10^8, to 8 significant digits past it", () => {
    expect(isPanCount(28, 28)).toBe(true);
    expect(isPanCount(28, 29)).toBe(false);
    expect(isPanCount(2.2e8, 220_000_001)).toBe(true);
    expect(isPanCount(2.2e8, 220_000_020)).toBe(false);
  });
});

const whyNot = whySpinCannotRun();

describe('SPIN on the exported model', () => {
  it.skipIf(whyNot !== undefined)(
    `stores exactly parley's states, with a transition per move and one for the start (needs spin and cc on PATH, an optional tool: ${whyNot ?? 'both found'})`,
    () => {
      // 3 stances: each party's third event leads back to the same stance, which is no move.
      const model = loadGenerated(generateParallelScenario(3, 3));
      const { search } = exploreScenario(model, startOf(model), { horizonDays: 1, maxStates: 1000 });
      expect(search.states).toBe(28);
      const spin = runSpinSearch(writePromela(model), search.states, 256);
      expect(spin.statesStored).toBe(search.states);
      expect(spin.transitions).toBe(search.transitions + 1);
    },
  );
});
