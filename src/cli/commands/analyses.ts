import { Option, type Command } from 'commander';
import { ablate, check, graph, sensitivity, stability, why } from '../../api/analyses.js';
import { EXIT, type CliIo } from '../io.js';
import { dayRange, integerAtLeast, pathOption, precisionOption } from '../options.js';
import type { PathKind } from '../../explore/witness-path.js';
import { DEFAULT_HORIZON_RANGE, DEFAULT_WINDOW_RANGE } from '../../analysis/sensitivity.js';
import { CONCEPTS, type Concept } from '../../analysis/stability.js';
import { saveTraces } from '../save-traces.js';
import { addQuestionCommand } from '../question-command.js';
import { renderAblation } from '../render-ablation.js';
import { renderCheck } from '../render-check.js';
import { renderSensitivity } from '../render-sensitivity.js';
import { renderStability } from '../render-stability.js';
import { renderWhy } from '../render-why.js';

/** The analyst's commands: why, check, stability, sensitivity, ablate, graph. */
export function addAnalysisCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addQuestionCommand(program, io, setExit, {
    name: 'why',
    arguments: [['<outcome>', 'the outcome to explain']],
    description:
      "Explain an outcome: a shortest path to it with each step's quote, the events every path to it takes (necessary events), the smallest sets of events whose absence makes it unreachable (blocking sets); for an unreachable outcome, the parts of its condition that never hold.",
    examples: ['parley why scenarios/article.yaml trilateral-summit'],
    options: [
      new Option('--max-set <n>', 'look for blocking sets of up to n events').argParser(integerAtLeast(1)).default(3),
      pathOption(),
      precisionOption(),
    ],
    answer: (scenario, [outcome], options, where) =>
      why(scenario, outcome as string, {
        ...where,
        maxStates: options.maxStates,
        maxSetSize: options.maxSet as number,
        path: options.path as PathKind,
      }),
    render: renderWhy,
  });
  addQuestionCommand(program, io, setExit, {
    name: 'check',
    arguments: [],
    description:
      'Answer a query about every future from here, exactly: "eventually A", "never A", "always A", "A before B", each with "within N days"; clauses joined by "and". A, B: outcomes, "party in stance|stance", "fact = value" (or !=, <, <=, >, >= for integers and "day"), combined with and, or, not and parentheses. Prints a witness or a counter-example. Exits 0 when the query holds, 3 when it does not or cannot be decided.',
    examples: [
      'parley check scenarios/article.yaml --query "eventually trilateral-summit within 14 days"',
      'parley check scenarios/article.yaml --query "guaranteesArchitecture = established before trilateral-summit"',
    ],
    options: [
      new Option('--query <query>', 'the query').makeOptionMandatory(),
      new Option(
        '--save-traces <dir>',
        'write each witness or counter-example to DIR/clause-<n>-<evidence>.trace.json, for `parley run --trace` and `parley inspect --trace`',
      ),
      pathOption(),
      precisionOption(),
    ],
    answer: (scenario, _args, options, where) => {
      const result = check(scenario, options.query as string, {
        ...where,
        maxStates: options.maxStates,
        path: options.path as PathKind,
      });
      if (typeof options.saveTraces === 'string') {
        const traces = result.clauses.flatMap((c, i) =>
          c.trace ? [{ name: `clause-${i + 1}-${c.evidence}`, witness: c.trace }] : [],
        );
        saveTraces(options.saveTraces, result.scenario, result.start, result.horizon, traces);
      }
      return result;
    },
    render: renderCheck,
    exitCode: (result) => (result.holds === true ? EXIT.ok : EXIT.notHeld),
  });
  addQuestionCommand(program, io, setExit, {
    name: 'stability',
    arguments: [],
    description:
      "Stability in the Graph Model for Conflict Resolution, over the positions (stances and facts) reachable within the horizon, each judged once: for each party with `prefers` (ranking positions, tiers as lists), its unilateral improvements (hypothetical events `by` it) and, per concept, the sanction that answers each (the others' legal sequences of moves). Concepts: Nash, GMR (general metarationality), SMR (symmetric metarationality), SEQ (sequential stability), SIM (simultaneous sanctioning); coalition Nash and SEQ for the scenario's `coalitions`, or those --coalition gives instead; which equilibria the start reaches by unilateral improvements. Refuses --max-events.",
    examples: [
      'parley stability scenarios/article.yaml',
      'parley stability scenarios/article.yaml --concept nash seq --coalition ukraine,europe',
    ],
    options: [
      new Option('--concept <concept...>', 'judge by these concepts only').choices([...CONCEPTS]),
      new Option(
        '--all-states',
        'judge every combination of stances and fact values, reachable or not (at most --max-states of them)',
      ),
      new Option(
        '--coalition <parties>',
        'also judge a coalition: parties with preferences, comma-separated (repeatable; "all" for every coalition); replaces the scenario\'s coalitions',
      ).argParser((value: string, previous: string[][] | 'all' | undefined) =>
        value === 'all' ? 'all' : [...(previous === 'all' ? [] : (previous ?? [])), value.split(',')],
      ),
    ],
    answer: (scenario, _args, options, where) =>
      stability(scenario, {
        ...where,
        maxStates: options.maxStates,
        ...(options.concept !== undefined && { concepts: options.concept as Concept[] }),
        ...(options.coalition !== undefined && { coalitions: options.coalition as string[][] | 'all' }),
        ...(options.allStates === true && { allStates: true }),
      }),
    render: renderStability,
  });
  addQuestionCommand(program, io, setExit, {
    name: 'sensitivity',
    arguments: [],
    description:
      "How each outcome's exact probability moves with the uncertain likelihoods (estimative words within their ICD 203 bands, intervals): its range, and a tornado table ranking the assumptions by how much each moves it.",
    examples: ['parley sensitivity scenarios/article.yaml --outcome trilateral-summit'],
    options: [
      new Option('--outcome <id...>', 'only these outcomes'),
      new Option(
        '--window-range <low-high>',
        "move the likelihood window over these days (every event's own window by the same factor)",
      )
        .argParser(dayRange)
        .default(DEFAULT_WINDOW_RANGE, DEFAULT_WINDOW_RANGE.join('-')),
      new Option('--horizon-range <low-high>', 'move the horizon over these days')
        .argParser(dayRange)
        .default(DEFAULT_HORIZON_RANGE, DEFAULT_HORIZON_RANGE.join('-')),
      precisionOption(),
    ],
    answer: (scenario, _args, options, where) =>
      sensitivity(scenario, {
        ...where,
        maxStates: options.maxStates,
        ...(options.outcome !== undefined && { outcomes: options.outcome as string[] }),
        windowRange: options.windowRange as [number, number],
        horizonRange: options.horizonRange as [number, number],
      }),
    render: renderSensitivity,
  });
  addQuestionCommand(program, io, setExit, {
    name: 'ablate',
    arguments: [],
    description:
      "What each modelling element does: removes each in turn (every transition, every clause of a `when`, `requires` or `urgent`, every hypothetical event, every `set` and `add` fact), explores again exactly from the same point, and ranks the elements by how much each moves an outcome's probability, with their paragraphs. Elements that change nothing are listed as inert. Events that are not urgent are solved on the scenario's own graph.",
    examples: [
      'parley ablate scenarios/article.yaml',
      'parley ablate scenarios/article.yaml --outcome ceasefire --json',
    ],
    options: [new Option('--outcome <id...>', 'only these outcomes count'), precisionOption()],
    answer: (scenario, _args, options, where) =>
      ablate(scenario, {
        ...where,
        maxStates: options.maxStates,
        ...(options.outcome !== undefined && { outcomes: options.outcome as string[] }),
      }),
    render: renderAblation,
  });
  addQuestionCommand(program, io, setExit, {
    name: 'graph',
    arguments: [],
    description:
      "Print the parties' statecharts, or with --joint the explored joint graph (lumped by the outcomes holding, past --max-nodes states), as Mermaid or Graphviz dot, for reports.",
    examples: [
      'parley graph scenarios/article.yaml --format dot | dot -Tsvg > charts.svg',
      'parley graph scenarios/article.yaml --joint --format mermaid',
    ],
    options: [
      new Option('--format <format>', 'mermaid or dot').choices(['mermaid', 'dot']).default('mermaid'),
      new Option('--joint', 'the explored joint graph instead of the statecharts'),
      new Option('--max-nodes <n>', 'draw every state up to this many, else lump by outcome')
        .argParser(integerAtLeast(1))
        .default(120),
    ],
    answer: (scenario, _args, options, where) =>
      graph(scenario, {
        ...where,
        maxStates: options.maxStates,
        format: options.format as 'mermaid' | 'dot',
        joint: options.joint === true,
        maxNodes: options.maxNodes as number,
      }),
    render: (text) => text,
    verbatim: true,
  });
}
