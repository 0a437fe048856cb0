import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  MAX_ALIASED_NODES,
  MAX_ENTRIES,
  MAX_ID_LENGTH,
  MAX_NESTING,
  MAX_OPTIONS,
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  MAX_QUERY_OPERATORS,
  MAX_DIAGNOSTICS_PER_CODE,
  MAX_SCENARIO_BYTES,
  MAX_TRACE_MOVES,
} from '../../src/model/input-limits.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { parseScenario } from '../../src/model/load.js';
import { findClosest } from '../../src/model/suggest.js';
import { parseQuery, QuerySyntaxError } from '../../src/query/parse-query.js';
import { MAX_HORIZON_DAYS } from '../../src/options/question-option-rules.js';
import { parseTraceText } from '../../src/trace/trace-file.js';
import {
  getDayTrace,
  withEnumValues,
  withNestedMappings,
  withParagraphs,
  withParties,
  withUnknownKeys,
} from '../../bench/input-texts.js';
import { runParley } from '../helpers/run-cli.js';
import { modelFromText, ROOT } from '../helpers/scenarios.js';
import { spawnParley } from '../helpers/spawn-cli.js';

const tiny = readFileSync(join(ROOT, 'test', 'fixtures', 'tiny.yaml'), 'utf8');
const model = modelFromText(tiny);
const dir = mkdtempSync(join(tmpdir(), 'parley-limits-'));

/** The 1-based line and column of an offset, as the command line prints them. */
function position(text: string, offset: number): string {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  const { line, col } = counter.linePos(offset);
  return `${line}:${col}`;
}

/** The `too-large` diagnostics of a text, each as `LINE:COL message`. */
function tooLarge(text: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code === 'too-large').map((d) => `${position(text, d.span.start)} ${d.message}`);
}

/** The line (1-based) of the first line of `text` that starts with `prefix`, at column 1. */
function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

describe('a scenario is measured before it is parsed', () => {
  it(`reads a text of ${MAX_SCENARIO_BYTES} characters, and refuses one more at 1:1`, () => {
    const pad = (length: number) => `${tiny}${`#${'-'.repeat(99)}\n`.repeat(Math.ceil(length / 100))}`.slice(0, length);
    const at = pad(MAX_SCENARIO_BYTES - 1) + '\n';
    expect(at.length).toBe(MAX_SCENARIO_BYTES);
    expect(tooLarge(at, parseScenario(at).diagnostics)).toEqual([]);
    const over = `${at}#`;
    expect(tooLarge(over, parseScenario(over).diagnostics)).toEqual([
      '1:1 the scenario is 4.0 MB (expected at most 4 MB)',
    ]);
  });

  it(`reads a scenario written as one line of JSON, ${MAX_SCENARIO_BYTES} characters long`, () => {
    // Lines have no limit of their own: machine-written JSON is often one line.
    const data = { ...(parse(tiny) as object), description: '' };
    const description = 'x'.repeat(MAX_SCENARIO_BYTES - JSON.stringify(data).length);
    const line = JSON.stringify({ ...data, description });
    expect(line.length).toBe(MAX_SCENARIO_BYTES);
    const parsed = parseScenario(line);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.model?.description).toBe(description);
  });

  it(`reads mappings nested ${MAX_NESTING} deep, and refuses one more at the key that goes past`, () => {
    const at = withNestedMappings(tiny, MAX_NESTING - 1);
    expect(tooLarge(at, parseScenario(at).diagnostics)).toEqual([]);
    expect(parseScenario(at).diagnostics.map((d) => d.code)).toEqual(['unknown-key']);
    const over = withNestedMappings(tiny, MAX_NESTING);
    const line = lineOf(over, 'x:') + MAX_NESTING - 1;
    expect(tooLarge(over, parseScenario(over).diagnostics)).toEqual([
      `${line}:${2 * (MAX_NESTING - 1) + 1} mappings and lists are nested more than 64 deep here (expected a scenario's shape)`,
    ]);
  });

  it.each([
    ['block lists', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')],
    ['block mappings', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    ['flow lists', `x: ${'['.repeat(1000)}${']'.repeat(1000)}`],
    ['flow mappings', `x: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}`],
    ['a list of lists on one line', `x: ${'- '.repeat(1000)}1`],
  ])('refuses %s nested 1,000 deep before the YAML parser recurses', (_name, text) => {
    const diagnostics = parseScenario(`${text}\n`).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['too-large']);
    expect(diagnostics[0]?.message).toMatch(/nested more than 64 deep/);
    // Where the count passes twice the data's limit: far past the data's nesting, far before the parser's.
    expect(diagnostics[0]?.span.start).toBeGreaterThan(100);
  });

  it('reads a scenario whose brackets and dashes are text, not nesting', () => {
    // 300 of each, far past the limit were they counted: in quotes, in a block of text, in plain text.
    const text = tiny
      .replace('    quote: softens\n', `    quote: "softens ${'[ { - '.repeat(300)}"\n`)
      .replace('    quote: accepts\n', `    quote: accepts ${'[ { '.repeat(300)}\n`)
      .replace('title: Tiny talks\n', `title: Tiny talks\ndescription: |\n${'  [ [ { - - -\n'.repeat(300)}`);
    expect(parseScenario(text).model).toBeDefined();
  });

  it(`reads ${MAX_ENTRIES} keys at the top level, and refuses one more at 1:1, before checking any`, () => {
    const known = tiny.split('\n').filter((l) => /^[a-z]\w*:/.test(l)).length;
    const at = withUnknownKeys(tiny, MAX_ENTRIES - known);
    expect(tooLarge(at, parseScenario(at).diagnostics)).toEqual([]);
    const over = withUnknownKeys(tiny, MAX_ENTRIES - known + 1);
    expect(parseScenario(over).diagnostics.map((d) => `${d.code} ${position(over, d.span.start)}`)).toEqual([
      'too-large 1:1',
    ]);
    expect(parseScenario(over).diagnostics[0]?.message).toBe('the top level has 10,001 keys (expected at most 10,000)');
  });

  it.each([
    ['parties', 1000, withParties, 'parties:', 'parties has 1,001 keys (expected at most 1,000)'],
    ['enum values', 1000, withEnumValues, '    values:', 'facts.mood.values has 1,001 items (expected at most 1,000)'],
    [
      'paragraphs',
      MAX_ENTRIES,
      withParagraphs,
      '  paragraphs:',
      'source.paragraphs has 10,001 items (expected at most 10,000)',
    ],
  ] as const)('reads %s up to %i, and refuses one more at their key', (_name, max, grow, key, message) => {
    const at = grow(tiny, max);
    expect(tooLarge(at, parseScenario(at).diagnostics)).toEqual([]);
    const over = grow(tiny, max + 1);
    const column = key.length - key.trimStart().length + 1;
    expect(tooLarge(over, parseScenario(over).diagnostics)).toEqual([`${lineOf(over, key)}:${column} ${message}`]);
  });

  it('refuses a flow list of 300,000 items at its key, with one diagnostic', () => {
    const items = Array.from({ length: 300 }, () => Array(1000).fill('1').join(', ')).join(',\n  ');
    const text = `${tiny}x: [${items}]\n`;
    expect(tooLarge(text, parseScenario(text).diagnostics)).toEqual([
      `${lineOf(text, 'x:')}:1 x has 300,000 items (expected at most 10,000)`,
    ]);
  });

  it(`reads an id of ${MAX_ID_LENGTH} characters, and refuses one more where it is written`, () => {
    const withEvent = (length: number) => {
      const id = `e${'x'.repeat(length - 1)}`;
      return tiny.replace(/accepted/g, id);
    };
    expect(parseScenario(withEvent(MAX_ID_LENGTH)).model).toBeDefined();
    const over = withEvent(MAX_ID_LENGTH + 1);
    const diagnostics = parseScenario(over).diagnostics;
    const timeline = diagnostics.find((d) => d.message.includes('257 characters long'));
    expect(timeline?.code).toBe('invalid-value');
    expect(over.slice(timeline?.span.start, timeline?.span.end)).toMatch(/^ex+$/);
  });
});

describe('an option-form scenario is counted before it is expanded', () => {
  const elmira = readFileSync(join(ROOT, 'scenarios', 'elmira.yaml'), 'utf8');
  const quote = '        quote: insist that the original control order be applied\n';
  // Elmira has 5 options; the extra ones are the local government's.
  const withOptions = (count: number) =>
    elmira.replace(
      quote,
      quote +
        Array.from(
          { length: count - 5 },
          (_, i) => `      extra${i}:\n        means: Extra ${i}.\n        cites: [P4]\n${quote}`,
        ).join(''),
    );

  it(`expands ${MAX_OPTIONS} options, and refuses one more at "parties"`, () => {
    expect(parseScenario(withOptions(MAX_OPTIONS)).model).toBeDefined();
    const over = withOptions(MAX_OPTIONS + 1);
    expect(tooLarge(over, parseScenario(over).diagnostics)).toEqual([
      `${lineOf(over, 'parties:')}:1 the parties have 11 options in all (expected at most 10: the form expands to a state per combination, 2048 here)`,
    ]);
  });
});

describe('did-you-mean is bounded', () => {
  it('suggests near ids, and compares no word longer than 64 characters', () => {
    expect(findClosest('ofer-made', ['offer-made', 'softened'])).toBe('offer-made');
    const long = 'a'.repeat(64);
    expect(findClosest(`${long.slice(1)}b`, [long])).toBe(long);
    expect(findClosest(`${long}b`, [`${long}c`])).toBeUndefined();
    expect(findClosest('x'.repeat(1_000_000), ['x'.repeat(999_999)])).toBeUndefined();
  });

  it('skips candidates whose length alone is past the budget, and still finds the nearest', () => {
    const candidates = [...Array.from({ length: 20_000 }, (_, i) => `far-away-candidate-${i}`), 'softened'];
    expect(findClosest('sofened', candidates.slice(-10_000))).toBe('softened');
  });
});

describe('a trace is measured before its moves are read', () => {
  it(`reads ${MAX_TRACE_MOVES} moves, and refuses one more at "moves"`, () => {
    // Longer than any horizon: the moves are measured whatever the trace says of its horizon.
    const at = getDayTrace(MAX_TRACE_MOVES - 2, null);
    const parsed = parseTraceText(at, model);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.trace?.moves.length).toBe(MAX_TRACE_MOVES);
    const over = getDayTrace(MAX_TRACE_MOVES - 1, null);
    const refused = parseTraceText(over, model);
    expect(tooLarge(over, refused.diagnostics)).toEqual([
      `${lineOf(over, '  "moves"')}:3 moves has 200,001 items (expected at most 200,000)`,
    ]);
  });

  it(`reads a horizon of ${MAX_HORIZON_DAYS} days, and refuses one more at "days"`, () => {
    const at = getDayTrace(10, MAX_HORIZON_DAYS);
    expect(parseTraceText(at, model).diagnostics).toEqual([]);
    const over = getDayTrace(10, MAX_HORIZON_DAYS + 1);
    const refused = parseTraceText(over, model).diagnostics;
    expect(refused.map((d) => `${position(over, d.span.start)} ${d.code}`)).toEqual([
      `${lineOf(over, '    "days"')}:13 invalid-value`,
    ]);
    expect(refused[0]?.message).toContain('100000');
  });

  it(`reads aliases that stand for ${MAX_ALIASED_NODES} nodes in all, and refuses one more at the last alias`, () => {
    // A list of 99 items is 100 nodes; each alias to it stands for all of them.
    const aliases = (count: number, extra: string) =>
      `${tiny}notes:\n  shared: &shared [${Array(99).fill('x').join(', ')}]\n  uses: [${Array(count).fill('*shared').join(', ')}${extra}]\n`;
    const at = aliases(MAX_ALIASED_NODES / 100, '');
    expect(tooLarge(at, parseScenario(at).diagnostics)).toEqual([]);
    const over = aliases(MAX_ALIASED_NODES / 100, ', *one');
    const withOne = over.replace('notes:\n', 'notes:\n  one: &one x\n');
    const last = withOne.lastIndexOf('*one');
    expect(tooLarge(withOne, parseScenario(withOne).diagnostics)).toEqual([
      `${position(withOne, last)} the YAML's aliases stand for more than 10,000 nodes in all (expected each alias to stand for a small part of the file)`,
    ]);
  });

  it('refuses an alias that names a part containing itself', () => {
    const text = `${tiny}notes:\n  loop: &loop [x, *loop]\n`;
    expect(tooLarge(text, parseScenario(text).diagnostics)).toEqual([
      `${position(text, text.indexOf('*loop'))} the YAML's aliases stand for more than 10,000 nodes in all (expected each alias to stand for a small part of the file)`,
    ]);
  });

  it('refuses aliases that expand too far with a diagnostic at the last alias, not an exception', () => {
    const lines = ['parley: trace', 'a: &a ["+1 day","+1 day","+1 day","+1 day","+1 day","+1 day","+1 day","+1 day"]'];
    for (let i = 1; i < 8; i++) {
      const [name, before] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(10).fill(`*${before}`).join(',')}]`);
    }
    lines.push('moves: *h');
    const text = `${lines.join('\n')}\n`;
    const parsed = parseTraceText(text, model);
    expect(tooLarge(text, parsed.diagnostics)).toEqual([
      `${lines.length}:8 the YAML's aliases stand for more than 10,000 nodes in all (expected each alias to stand for a small part of the file)`,
    ]);
  });

  it('refuses a trace nested 1,000 deep, and one nested past the limit', () => {
    const deep = `{"moves": ${'['.repeat(1000)}${']'.repeat(1000)}}\n`;
    expect(parseTraceText(deep, model).diagnostics.map((d) => d.code)).toEqual(['too-large']);
    const past = `{"moves": ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}}\n`;
    expect(tooLarge(past, parseTraceText(past, model).diagnostics)).toEqual([
      `1:${11 + MAX_NESTING - 1} mappings and lists are nested more than 64 deep here (expected a trace's shape)`,
    ]);
  });
});

describe('a query is measured before it is parsed', () => {
  const refusal = (query: string) => {
    try {
      parseQuery(query);
      return 'parsed';
    } catch (cause) {
      if (!(cause instanceof QuerySyntaxError)) throw cause;
      return `${cause.code} ${cause.column}`;
    }
  };

  it(`reads ${MAX_QUERY_LENGTH} characters, and refuses one more at the character past the limit`, () => {
    const at = `eventually deal${' '.repeat(MAX_QUERY_LENGTH - 15)}`;
    expect(refusal(at)).toBe('parsed');
    expect(refusal(`${at} `)).toBe(`too-large ${MAX_QUERY_LENGTH + 1}`);
  });

  it(`reads parentheses and "not" nested ${MAX_QUERY_DEPTH} deep, and refuses one more where it opens`, () => {
    const parens = (n: number) => `eventually ${'('.repeat(n)}deal${')'.repeat(n)}`;
    expect(refusal(parens(MAX_QUERY_DEPTH))).toBe('parsed');
    expect(refusal(parens(MAX_QUERY_DEPTH + 1))).toBe(`too-large ${12 + MAX_QUERY_DEPTH}`);
    const nots = (n: number) => `eventually ${'not ('.repeat(n / 2)}deal${')'.repeat(n / 2)}`;
    expect(refusal(nots(MAX_QUERY_DEPTH))).toBe('parsed');
    expect(refusal(`eventually not ${nots(MAX_QUERY_DEPTH).slice(11)}`)).toMatch(/^too-large /);
    // `not` and parentheses that close count no more once closed.
    expect(refusal(`eventually ${Array(200).fill('not (not deal)').join(' and ')}`)).toBe('parsed');
  });

  it(`reads ${MAX_QUERY_OPERATORS} "and" and "or", and refuses one more at it`, () => {
    const chain = (n: number) =>
      `eventually ${Array(n + 1)
        .fill('deal')
        .join(' or ')}`;
    expect(refusal(chain(MAX_QUERY_OPERATORS))).toBe('parsed');
    expect(refusal(chain(MAX_QUERY_OPERATORS + 1))).toBe(`too-large ${12 + MAX_QUERY_OPERATORS * 8 + 5}`);
  });

  it('refuses through `parley check` with exit 2 and the column, no stack trace', async () => {
    const result = await runParley([
      'check',
      'test/fixtures/tiny.yaml',
      '--query',
      `eventually ${'('.repeat(300)}deal${')'.repeat(300)}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: query:76: the query nests parentheses and "not" more than 64 deep here (expected a shallower formula) [too-large]\n`,
    );
  });
});

describe('a flood of one diagnostic is summed up', () => {
  it(`shows the first ${MAX_DIAGNOSTICS_PER_CODE} of a code, then one line at the first left out`, async () => {
    const path = join(dir, 'flood.yaml');
    const text = withUnknownKeys(tiny, 500);
    writeFileSync(path, text);
    const result = await runParley(['validate', path]);
    expect(result.code).toBe(2);
    const heads = result.stderr.split('\n').filter((l) => l.startsWith(path));
    expect(heads).toHaveLength(MAX_DIAGNOSTICS_PER_CODE + 1);
    expect(heads.slice(0, -1).every((l) => l.endsWith('[unknown-key]'))).toBe(true);
    expect(heads.at(-1)).toBe(
      `${path}:${lineOf(text, `k${MAX_DIAGNOSTICS_PER_CODE}:`)}:1: error: and 480 more like this from here on (not shown) [unknown-key]`,
    );
    expect(result.stderr.endsWith(`500 errors in ${path}\n`)).toBe(true);
  });
});

describe('the built command line, on what once crashed it', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    [
      'block lists 1,000 deep (once an abort: out of memory in the parser)',
      () => write('deep-lists.yaml', `${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')}\n`),
      ['validate'],
      /deep-lists\.yaml:129:129: error: mappings and lists are nested more than 64 deep here/,
    ],
    [
      'a line of 3.9 MB of "[" (once 48 s and 3.5 GB)',
      () => write('brackets.yaml', `${'['.repeat(3_900_000)}\n`),
      ['validate'],
      /brackets\.yaml:1:128: error: mappings and lists are nested more than 64 deep here \(expected a scenario's shape\) \[too-large\]/,
    ],
    [
      'a trace whose aliases expand too far (once "Excessive alias count")',
      () =>
        write(
          'aliases.trace.json',
          `${[
            'a: &a [1,1,1,1,1,1,1,1,1,1]',
            ...Array.from(
              { length: 6 },
              (_, i) =>
                `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
                  .fill(`*${String.fromCharCode(97 + i)}`)
                  .join(',')}]`,
            ),
            'moves: *g',
          ].join('\n')}\n`,
        ),
      ['run', 'test/fixtures/tiny.yaml', '--trace'],
      /aliases\.trace\.json:8:8: error: the YAML's aliases stand for more than 10,000 nodes in all/,
    ],
  ])('%s: exit 2, one positioned diagnostic, no stack trace', (_name, make, args, message) => {
    const result = spawnParley([...args, make()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at |RangeError|FATAL|heap/);
    expect(result.stderr.match(/ error: /g)).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
