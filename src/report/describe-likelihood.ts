import type { Likelihood } from '../model/model.js';

/** `likely (0.675)`, `[0.2, 0.4] (0.3)` or `0.4`: a likelihood as the scenario wrote it, with its number. */
export function describeLikelihood(likelihood: Likelihood | undefined): string {
  if (!likelihood) return 'no likelihood';
  if (likelihood.kind === 'word') return `${likelihood.word} (${likelihood.value})`;
  if (likelihood.kind === 'interval') return `[${likelihood.low}, ${likelihood.high}] (${likelihood.value})`;
  return String(likelihood.value);
}
