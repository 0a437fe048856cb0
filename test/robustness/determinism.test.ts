import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { getInitialJointState, type JointState } from '../../src/engine/joint-state.js';
import { getMoves } from '../../src/engine/moves.js';
import { toJointStateJson } from '../../src/engine/serialise.js';
import { step } from '../../src/engine/step.js';
import { arbitraryModel, arbitraryScenarioData } from '../helpers/random-models.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, HARBOUR, ROOT } from '../helpers/scenarios.js';
import { spawnParley } from '../helpers/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-determinism-'));
const TINY = join(ROOT, 'test', 'fixtures', 'tiny.yaml');

describe('the same seed gives byte-identical sample output', () => {
  it('on 1 and 2 workers, for any seed and number of runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(ARTICLE, HARBOUR),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2500 }),
        async (file, seed, runs) => {
          const args = ['sample', file, '--runs', String(runs), '--seed', seed, '--json'];
          const one = await runParley([...args, '--workers', '1']);
          const two = await runParley([...args, '--workers', '2']);
          expect(one.code).toBe(0);
          expect(two.stdout).toBe(one.stdout);
        },
      ),
      { numRuns: 8, seed: 8 },
    );
  });

  it('in two separate processes, and in-process', async () => {
    const args = ['sample', 'scenarios/article.yaml', '--runs', '4000', '--seed', 'across-processes', '--workers', '2'];
    const first = spawnParley(args);
    const second = spawnParley(args);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect((await runParley(args)).stdout).toBe(first.stdout);
  });
});

describe('step never mutates its input', () => {
  it('on random models, along random walks, with every part of the joint state frozen', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (model, choices) => {
        let joint = deepFreeze(getInitialJointState(model));
        for (const choice of choices) {
          const moves = getMoves(model, joint, { endDay: 6 });
          if (moves.length === 0) break;
          const before = JSON.stringify(toJointStateJson(model, joint));
          // Every possible move from this state, not only the one the walk takes.
          for (const { move } of moves) step(model, joint, move);
          expect(JSON.stringify(toJointStateJson(model, joint))).toBe(before);
          joint = deepFreeze(step(model, joint, moves[choice % moves.length]!.move));
        }
      }),
      { numRuns: 150, seed: 81 },
    );
  });
});

describe('explore does not depend on the order of parties, events or keys in the file', () => {
  it.each([
    ['the article', ARTICLE],
    ['the harbour strike', HARBOUR],
    ['the tiny fixture', TINY],
  ])('%s, with every mapping shuffled', async (_name, file) => {
    const data = parse(readFileSync(file, 'utf8')) as unknown;
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (shuffleSeed) => {
        await expectSameExploration(data, shuffleSeed, ['--horizon', '10']);
      }),
      { numRuns: 6, seed: 6 },
    );
  });

  it('random models, with every mapping shuffled', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScenarioData, fc.integer(), async (data, shuffleSeed) => {
        await expectSameExploration(data, shuffleSeed, ['--horizon', '4']);
      }),
      { numRuns: 40, seed: 40 },
    );
  });
});

let written = 0;

/** Explores the scenario as given and with its mappings shuffled; the answers must be the same. */
async function expectSameExploration(data: unknown, shuffleSeed: number, options: string[]): Promise<void> {
  const original = writeScenario(data);
  const shuffled = writeScenario(shuffleMappings(data, seedrandom(String(shuffleSeed))));
  const a = await runParley(['explore', original, '--json', ...options]);
  const b = await runParley(['explore', shuffled, '--json', ...options]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  expect(canonicalise(JSON.parse(b.stdout))).toEqual(canonicalise(JSON.parse(a.stdout)));
}

function writeScenario(data: unknown): string {
  const path = join(dir, `scenario-${written++}.yaml`);
  writeFileSync(path, stringify(data));
  return path;
}

/**
 * Reorders the keys of every mapping at random. Sequences keep their order: a timeline, a list of
 * guarded transitions (the first that holds is taken) and an enum's values are ordered by meaning.
 */
function shuffleMappings(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleMappings(v, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleMappings(v, random)]));
}

/**
 * Puts what the file's order legitimately decides (the order keys are printed in, and outcomes
 * listed in) into one order; everything else, paths and probabilities included, must be equal.
 */
function canonicalise(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonicalise(v));
    if (key !== 'outcomes') return items;
    return items.sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, canonicalise(v, k)]),
  );
}

/** Freezes the joint state deeply, except the machines, which xstate owns and shares between states. */
function deepFreeze(joint: JointState): JointState {
  const freeze = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
    for (const [k, v] of Object.entries(value)) if (k !== 'machine' && k !== '_nodes') freeze(v);
    Object.freeze(value);
  };
  freeze(joint);
  return joint;
}
