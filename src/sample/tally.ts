/** What sampled runs found for one outcome. */
export interface OutcomeTally {
  /** Runs that reached the outcome. */
  hits: number;
  /** The day each of those runs first reached it (in run order within a batch; sorted when summarised). */
  firstDays: number[];
  /** How often each path led to it: the events up to the first time it held, as move indexes joined by ",". */
  paths: Map<string, number>;
  /** Runs in which it holds when the horizon ends. */
  holdsAtEnd: number;
}

/** The counts of a batch of sampled runs; batches merge in any order to the same totals. */
export interface SampleTally {
  runs: number;
  /** Runs stopped by the step limit before time was up or nothing could happen. */
  cut: number;
  /** Runs in which a day never ended: urgent events kept each other possible for ever. */
  dayNeverEnds: number;
  steps: number;
  outcomes: OutcomeTally[];
}

export function createTally(outcomes: number): SampleTally {
  return {
    runs: 0,
    cut: 0,
    dayNeverEnds: 0,
    steps: 0,
    outcomes: Array.from({ length: outcomes }, () => ({ hits: 0, firstDays: [], paths: new Map(), holdsAtEnd: 0 })),
  };
}

/** Adds `other` into `into`. The result does not depend on the order of merges once summarised. */
export function mergeTally(into: SampleTally, other: SampleTally): SampleTally {
  into.runs += other.runs;
  into.cut += other.cut;
  into.dayNeverEnds += other.dayNeverEnds;
  into.steps += other.steps;
  other.outcomes.forEach((o, i) => {
    const target = into.outcomes[i] as OutcomeTally;
    target.hits += o.hits;
    target.holdsAtEnd += o.holdsAtEnd;
    for (const day of o.firstDays) target.firstDays.push(day);
    for (const [path, count] of o.paths) target.paths.set(path, (target.paths.get(path) ?? 0) + count);
  });
  return into;
}

/** A tally as plain data, to cross a worker boundary. */
export interface TallyData {
  runs: number;
  cut: number;
  dayNeverEnds: number;
  steps: number;
  outcomes: { hits: number; firstDays: number[]; paths: [string, number][]; holdsAtEnd: number }[];
}

export function toTallyData(tally: SampleTally): TallyData {
  return {
    ...tally,
    outcomes: tally.outcomes.map((o) => ({
      hits: o.hits,
      firstDays: o.firstDays,
      paths: [...o.paths],
      holdsAtEnd: o.holdsAtEnd,
    })),
  };
}

export function fromTallyData(data: TallyData): SampleTally {
  return {
    ...data,
    outcomes: data.outcomes.map((o) => ({
      hits: o.hits,
      firstDays: o.firstDays,
      paths: new Map(o.paths),
      holdsAtEnd: o.holdsAtEnd,
    })),
  };
}
