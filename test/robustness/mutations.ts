import fc from 'fast-check';
import { isMap, parseDocument, visit, type Document, type Node } from 'yaml';

/** The kinds of damage done to a scenario file, each a way real files go wrong (or are made to). */
export const MUTATION_CLASSES = [
  'deleted-key',
  'duplicated-key',
  'wrong-type',
  'random-bytes',
  'unicode',
  'huge-number',
  'deep-nesting',
  'prototype-key',
  'alias-bomb',
  'tabs',
  'truncated',
] as const;
export type MutationClass = (typeof MUTATION_CLASSES)[number];

/** A mutated file: its class, and its text. */
export interface Mutant {
  readonly kind: MutationClass;
  readonly text: string;
}

const WRONG_VALUES = [
  '[]',
  '{}',
  '~',
  'true',
  '-1',
  '3.5',
  '"text"',
  '[1, [2, {a: b}]]',
  '.nan',
  '.inf',
  '!!binary aGVsbG8=',
  '2026-11-24',
];
const HUGE = ['1e308', '-1e308', '9007199254740993', '99999999999999999999999999', '-0', '0x7fffffff', '1e-400'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];

/**
 * What every mutant of one text starts from, worked out once for that text: its lines, the lines
 * that hold a key (and a value), its numbers, and its parsed document (cloned, never changed).
 */
interface Original {
  readonly text: string;
  readonly lines: readonly string[];
  readonly keyLines: readonly (readonly [string, number])[];
  readonly valueLines: readonly (readonly [string, number])[];
  readonly numbers: readonly RegExpExecArray[];
  readonly doc: Document.Parsed;
}

let last: Original | undefined;

/** The analysis of a text, kept for the last text seen (a fuzz run mutates one text many times). */
function getOriginal(text: string): Original {
  if (last?.text === text) return last;
  const lines = text.split('\n');
  const numbered = lines.map((l, n) => [l, n] as const);
  last = {
    text,
    lines,
    keyLines: numbered.filter(([l]) => /^\s*[\w-]+:/.test(l)),
    valueLines: numbered.filter(([l]) => /^\s*[\w-]+:\s*\S/.test(l)),
    numbers: [...text.matchAll(/(?<=: |\[|, )-?\d+(?=[\s,\]])/g)],
    doc: parseDocument(text),
  };
  return last;
}

/**
 * Returns the mutant of a text that a list of random choices describes. Pure (the analysis of the
 * text is cached, and a cached document is cloned before it is changed).
 */
export function mutate(text: string, kind: MutationClass, choices: readonly number[]): Mutant {
  let i = 0;
  const pick = (n: number) => (n <= 0 ? 0 : (choices[i++ % choices.length] as number) % n);
  const original = getOriginal(text);
  const { lines } = original;
  const at = pick(text.length + 1);
  switch (kind) {
    case 'deleted-key': {
      const doc = original.doc.clone();
      const maps: Node[] = [];
      visit(doc, { Map: (_, node) => void maps.push(node) });
      const map = maps[pick(maps.length)];
      if (!isMap(map) || map.items.length === 0) return { kind, text };
      const [pair] = map.items.splice(pick(map.items.length), 1);
      try {
        return { kind, text: doc.toString() };
      } catch {
        // The key held an anchor that an alias elsewhere still names: cut its text out instead, so
        // the loader meets the dangling alias.
        const start = (pair?.key as Node | null)?.range?.[0] ?? 0;
        const end = (pair?.value as Node | null)?.range?.[1] ?? start;
        return { kind, text: text.slice(0, start) + text.slice(end) };
      }
    }
    case 'duplicated-key': {
      const { keyLines } = original;
      const [line, n] = keyLines[pick(keyLines.length)] ?? ['', 0];
      return { kind, text: [...lines.slice(0, n + 1), line, ...lines.slice(n + 1)].join('\n') };
    }
    case 'wrong-type': {
      const { valueLines } = original;
      const [line, n] = valueLines[pick(valueLines.length)] ?? ['x: 1', 0];
      const replaced = line.replace(/:\s*.*$/, `: ${WRONG_VALUES[pick(WRONG_VALUES.length)]}`);
      return { kind, text: [...lines.slice(0, n), replaced, ...lines.slice(n + 1)].join('\n') };
    }
    case 'random-bytes': {
      const bytes = Array.from({ length: 1 + pick(12) }, () => String.fromCharCode(pick(256))).join('');
      return { kind, text: text.slice(0, at) + bytes + text.slice(at) };
    }
    case 'unicode': {
      const samples = ['\u0000', '\uFEFF', '\u202E', '\uD83D\uDE00', '\uD800', '\u00A0', 'é', '\u2028', 'Ω', '𝔭𝔞𝔯𝔩𝔢𝔶'];
      return { kind, text: text.slice(0, at) + samples[pick(samples.length)] + text.slice(at) };
    }
    case 'huge-number': {
      const { numbers } = original;
      const match = numbers[pick(numbers.length)];
      if (!match || match.index === undefined) return { kind, text: `${text}\nbig: ${HUGE[pick(HUGE.length)]}\n` };
      return {
        kind,
        text: text.slice(0, match.index) + HUGE[pick(HUGE.length)] + text.slice(match.index + match[0].length),
      };
    }
    case 'deep-nesting': {
      const depth = 50 + pick(3000);
      const nested =
        pick(2) === 0 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
      const { valueLines } = original;
      const [line, n] = valueLines[pick(valueLines.length)] ?? ['x: 1', 0];
      const replaced = line.replace(/:\s*.*$/, `: ${nested}`);
      return { kind, text: [...lines.slice(0, n), replaced, ...lines.slice(n + 1)].join('\n') };
    }
    case 'prototype-key': {
      const doc = original.doc.clone();
      const maps: Node[] = [];
      visit(doc, { Map: (_, node) => void maps.push(node) });
      const map = maps[pick(maps.length)];
      const key = PROTO_KEYS[pick(PROTO_KEYS.length)] as string;
      if (isMap(map)) map.set(key, doc.createNode({ polluted: true, isAdmin: true, length: 1 }));
      return { kind, text: doc.toString() };
    }
    case 'alias-bomb': {
      const levels = 6 + pick(6);
      const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let l = 1; l < levels; l++)
        bomb.push(
          `a${l}: &a${l} [${Array(10)
            .fill(`*a${l - 1}`)
            .join(', ')}]`,
        );
      return { kind, text: `${bomb.join('\n')}\n${text}` };
    }
    case 'tabs': {
      return {
        kind,
        text: lines
          .map((l) => (pick(4) === 0 ? l.replace(/^( +)/, (s) => '\t'.repeat(Math.max(1, s.length / 2))) : l))
          .join('\n'),
      };
    }
    case 'truncated':
      return { kind, text: text.slice(0, at) };
  }
}

/** Mutants of a text, for fast-check: a class and the choices that place the damage. */
export function arbitraryMutant(text: string): fc.Arbitrary<Mutant> {
  return fc
    .record({
      kind: fc.constantFrom(...MUTATION_CLASSES),
      choices: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 8, maxLength: 8 }),
    })
    .map(({ kind, choices }) => mutate(text, kind, choices));
}
