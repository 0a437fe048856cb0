import { error, type DataPath, type Problem } from '../problem.js';
import { MAX_OPTIONS } from '../input-limits.js';
import { unknown } from '../reference-checker.js';
import type { RawOptionForm, RawOptionParty } from './option-form-schema.js';
import { describeStatement, holdsStatement, listStatementOptions, type OptionStatement } from './option-statement.js';

/** The id of the status quo's historical event, the timeline of every option-form scenario. */
export const STATUS_QUO_EVENT = 'status-quo';

/** The stance of a combination of a party's options: the taken ones joined by `--`, or `none`. */
export function getCombinationStance(taken: readonly string[]): string {
  return taken.length ? taken.join('--') : 'none';
}

/**
 * Checks what only the option form has: at most `MAX_OPTIONS` options in all, option ids unique
 * across parties and not `none`, every option a statement or `initially` names declared, a
 * feasible status quo. Pure.
 */
export function checkOptionForm(form: RawOptionForm): Problem[] {
  const options = Object.values(form.parties).reduce((n, p) => n + Object.keys(p.options).length, 0);
  // Expanded, the form has a state per combination of options, and moves between them.
  if (options > MAX_OPTIONS)
    return [
      error(
        'too-large',
        ['parties'],
        `the parties have ${options} options in all (expected at most ${MAX_OPTIONS}: the form expands to a state per combination, ${2 ** options} here)`,
        { at: 'key' },
      ),
    ];
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const [partyId, party] of Object.entries(form.parties))
    for (const optionId of Object.keys(party.options)) {
      const at: DataPath = ['parties', partyId, 'options', optionId];
      if (optionId === 'none')
        problems.push(
          error(
            'invalid-value',
            at,
            'an option may not be called "none" (the name of the stance with no option taken)',
          ),
        );
      const first = owner.get(optionId);
      if (first)
        problems.push(
          error(
            'duplicate-id',
            at,
            `option "${optionId}" is also an option of party "${first}" (expected option ids unique across parties)`,
          ),
        );
      else owner.set(optionId, partyId);
    }
  const known = [...owner.keys()];
  const check = (statement: OptionStatement, at: DataPath, only?: string) => {
    const candidates = only === undefined ? known : known.filter((k) => owner.get(k) === only);
    for (const { id, path } of listStatementOptions(statement, at))
      if (!candidates.includes(id))
        problems.push(unknown('option', id, path, candidates, only ? `of party "${only}"` : ''));
  };
  const paragraphs = getParagraphs(form.source);
  const cites = (list: readonly string[], at: DataPath) =>
    list.forEach((p, i) => {
      if (paragraphs && !paragraphs.includes(p))
        problems.push(unknown('paragraph', p, [...at, i], paragraphs, 'declared in source.paragraphs'));
    });
  cites(form.statusQuo.cites, ['statusQuo', 'cites']);
  for (const [partyId, party] of Object.entries(form.parties)) {
    cites(party.cites, ['parties', partyId, 'cites']);
    for (const [optionId, option] of Object.entries(party.options))
      cites(option.cites, ['parties', partyId, 'options', optionId, 'cites']);
  }
  for (const [partyId, party] of Object.entries(form.parties)) {
    (party.initially ?? []).forEach((o, i) => check(o, ['parties', partyId, 'initially', i], partyId));
    party.prioritises?.forEach((s, i) => isOutcomeId(form, s) || check(s, ['parties', partyId, 'prioritises', i]));
    party.prefers?.forEach((tier, i) =>
      (Array.isArray(tier) ? tier : [tier]).forEach((s, j) => {
        const at: DataPath = Array.isArray(tier)
          ? ['parties', partyId, 'prefers', i, j]
          : ['parties', partyId, 'prefers', i];
        if (!isOutcomeId(form, s)) check(s, at);
      }),
    );
  }
  form.infeasible?.forEach((s, i) => check(s, ['infeasible', i]));
  for (const [outcomeId, outcome] of Object.entries(form.outcomes ?? {}))
    check(outcome.when, ['outcomes', outcomeId, 'when']);
  if (problems.length === 0) {
    const start = new Set(Object.values(form.parties).flatMap((p) => p.initially ?? []));
    if (form.infeasible?.some((s) => holdsStatement(s, start)))
      problems.push(
        error(
          'invalid-value',
          ['statusQuo'],
          "the status quo (every party's `initially`) is one of the `infeasible` combinations",
        ),
      );
  }
  return problems;
}

function isOutcomeId(form: RawOptionForm, entry: OptionStatement): boolean {
  return typeof entry === 'string' && Object.hasOwn(form.outcomes ?? {}, entry);
}

/**
 * Expands the option form into the ordinary format (Fang, Hipel & Kilgour 1993, ch. 2): each
 * party's stances are its combinations of options that occur in some feasible state; its moves are
 * events `by` it, one for each change of any subset of its own options that every option's
 * `moves` allows, possible when the state it leads to is feasible; option statements become
 * conditions on the parties' stances; the status quo is the timeline's one event. Citations carry
 * over: a stance cites its party and the options taken, a move the options it changes. Pure; expects
 * a form `checkOptionForm` accepts.
 */
export function expandOptionForm(form: RawOptionForm): {
  readonly data: Record<string, unknown>;
  /** Where each generated element comes from in the text (a path's JSON to a path), for diagnostics. */
  readonly origins: ReadonlyMap<string, DataPath>;
} {
  const origins = new Map<string, DataPath>([
    [JSON.stringify(['events', STATUS_QUO_EVENT]), ['statusQuo']],
    [JSON.stringify(['timeline']), ['statusQuo']],
  ]);
  const partyIds = Object.keys(form.parties);
  const optionsOf = (p: string) => Object.keys((form.parties[p] as RawOptionParty).options);
  const combinationsOf = (p: string) =>
    optionsOf(p)
      .reduce<string[][]>((acc, o) => acc.flatMap((c) => [c, [...c, o]]), [[]])
      .map((c) => c.sort(byDeclaration(optionsOf(p))));
  // Every state: one combination per party, in the parties' order; feasible when no `infeasible` holds.
  const states = partyIds
    .reduce<string[][][]>((acc, p) => acc.flatMap((s) => combinationsOf(p).map((c) => [...s, c])), [[]])
    .filter((s) => !(form.infeasible ?? []).some((st) => holdsStatement(st, new Set(s.flat()))));
  const stancesOf = (k: number) => [...new Set(states.map((s) => getCombinationStance(s[k] as string[])))];
  const stanceCondition = (s: string[][], except = -1) => ({
    stance: Object.fromEntries(
      partyIds.flatMap((p, k) => (k === except ? [] : [[p, getCombinationStance(s[k] as string[])]])),
    ),
  });
  // A statement holds in the states listed; one that holds in none is the negation of all of them.
  const condition = (statement: OptionStatement): unknown => {
    const where = states.filter((s) => holdsStatement(statement, new Set(s.flat())));
    return where.length
      ? { any: where.map((s) => stanceCondition(s)) }
      : { not: { any: states.map((s) => stanceCondition(s)) } };
  };
  const entry = (statement: OptionStatement) =>
    isOutcomeId(form, statement) ? statement : { label: describeStatement(statement), when: condition(statement) };

  const parties: Record<string, unknown> = {};
  const events: Record<string, unknown> = {
    [STATUS_QUO_EVENT]: {
      kind: 'historical',
      day: form.statusQuo.day ?? 0,
      summary: form.statusQuo.summary,
      cites: form.statusQuo.cites,
      quote: form.statusQuo.quote,
    },
  };
  partyIds.forEach((p, k) => {
    const party = form.parties[p] as RawOptionParty;
    const option = (o: string) => party.options[o] as RawOptionParty['options'][string];
    // Per stance: the feasible states with the party in it, and the others' combinations there.
    const othersKey = (x: string[][]) => JSON.stringify(x.filter((_, j) => j !== k));
    const combos = stancesOf(k).map((stance) => {
      const at = states.filter((x) => getCombinationStance(x[k] as string[]) === stance);
      return { stance, taken: at[0]?.[k] as string[], at, others: new Set(at.map(othersKey)) };
    });
    const stances: Record<string, unknown> = {};
    for (const from of combos) {
      const on: Record<string, string> = {};
      for (const to of combos) {
        if (to === from) continue;
        const changed = optionsOf(p).filter((o) => from.taken.includes(o) !== to.taken.includes(o));
        const allowed = changed.every((o) => {
          const moves = option(o).moves ?? 'both';
          return moves === 'both' || (moves === 'forward') === to.taken.includes(o);
        });
        if (!allowed) continue;
        const eventId = `${p}-from-${from.stance}-to-${to.stance}`;
        on[eventId] = to.stance;
        // Possible when the others' combinations make the state it leads to feasible: a condition
        // only where some state it can be made from would lead to an infeasible one.
        const requires = [...from.others].every((key) => to.others.has(key))
          ? undefined
          : { any: to.at.map((x) => stanceCondition(x, k)) };
        origins.set(JSON.stringify(['events', eventId]), ['parties', p, 'options', changed[0] as string]);
        events[eventId] = {
          kind: 'hypothetical',
          by: p,
          summary: `${party.name} ${describeChange(changed, to.taken, (o) => option(o).means)}.`,
          cites: [...new Set(changed.flatMap((o) => option(o).cites))],
          quote: option(changed[0] as string).quote,
          likelihood: party.likelihood,
          ...(requires && { requires }),
        };
      }
      stances[from.stance] = {
        defines: from.taken.length ? from.taken.map((o) => option(o).means).join('; ') : 'Takes none of its options.',
        cites: [...new Set([...party.cites, ...from.taken.flatMap((o) => option(o).cites)])],
        ...(Object.keys(on).length && { on }),
      };
    }
    parties[p] = {
      name: party.name,
      ...(party.voice && { voice: party.voice }),
      cites: party.cites,
      initial: getCombinationStance([...(party.initially ?? [])].sort(byDeclaration(optionsOf(p)))),
      stances,
      ...(party.prefers && { prefers: party.prefers.map((t) => (Array.isArray(t) ? t.map(entry) : entry(t))) }),
      ...(party.prioritises && { prioritises: party.prioritises.map(entry) }),
    };
  });
  for (const p of partyIds) origins.set(JSON.stringify(['parties', p, 'stances']), ['parties', p, 'options']);
  const { parties: _p, infeasible: _i, statusQuo: _s, outcomes, ...rest } = form;
  return {
    data: {
      ...rest,
      parties,
      events,
      outcomes: Object.fromEntries(
        Object.entries(outcomes ?? {}).map(([id, o]) => [id, { ...o, when: condition(o.when) }]),
      ),
      timeline: [STATUS_QUO_EVENT],
    },
    origins,
  };
}

const byDeclaration = (order: readonly string[]) => (a: string, b: string) => order.indexOf(a) - order.indexOf(b);

function describeChange(changed: readonly string[], taken: readonly string[], means: (o: string) => string): string {
  return changed
    .map((o) => `${taken.includes(o) ? 'takes' : 'drops'} the option to ${lowerFirst(means(o))}`)
    .join(' and ');
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');

/** The paragraph ids a `source` declares, or undefined when it is malformed (the schema says so). */
function getParagraphs(source: unknown): readonly string[] | undefined {
  const paragraphs = (source as { paragraphs?: unknown } | null)?.paragraphs;
  return Array.isArray(paragraphs) && paragraphs.every((p) => typeof p === 'string') ? paragraphs : undefined;
}
