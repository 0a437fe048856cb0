import { error, type Problem } from './problem.js';
import type { RawScenario } from './schema.js';
import { didYouMean } from './suggest.js';

/**
 * Checks the file's `coalitions`: each member a party with preferences (`prefers` or
 * `prioritises`: stability judges only those), no party twice in one coalition, no coalition
 * twice. Pure.
 */
export function checkCoalitions(file: RawScenario): Problem[] {
  const problems: Problem[] = [];
  const parties = Object.keys(file.parties);
  const seen = new Set<string>();
  (file.coalitions ?? []).forEach((members, c) => {
    const key = [...new Set(members)].sort().join('+');
    if (seen.has(key))
      problems.push(error('duplicate-id', ['coalitions', c], `the coalition ${members.join(', ')} is listed twice`));
    seen.add(key);
    const listed = new Set<string>();
    members.forEach((member, m) => {
      const at = ['coalitions', c, m];
      const party = Object.hasOwn(file.parties, member) ? file.parties[member] : undefined;
      const twice = listed.has(member);
      listed.add(member);
      if (!party) {
        const hint = didYouMean(member, parties);
        problems.push(
          error(
            'unknown-reference',
            at,
            `unknown party "${member}" in a coalition (expected one of: ${parties.join(', ')})`,
            hint ? { hint } : {},
          ),
        );
      } else if (twice) {
        problems.push(error('duplicate-id', at, `party "${member}" is listed twice in one coalition`));
      } else if (party.prefers === undefined && party.prioritises === undefined) {
        problems.push(
          error(
            'invalid-value',
            at,
            `party "${member}" has no preferences (expected parties with prefers or prioritises: stability judges only those)`,
          ),
        );
      }
    });
  });
  return problems;
}
