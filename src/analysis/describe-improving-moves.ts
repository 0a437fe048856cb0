import type { CitedMove, CoalitionStability, PositionStability } from './stability.js';
import type { Concept } from './gmcr/solution-concepts.js';

/** The concepts' short names, as the literature writes them. */
export const CONCEPT_NAMES: Record<Concept, string> = {
  nash: 'Nash',
  gmr: 'GMR',
  smr: 'SMR',
  seq: 'SEQ',
  sim: 'SIM',
};

/** A sequence of moves in words: `ukraine's x [P1], then russia's y [P2]`. */
export function describeMoves(moves: readonly CitedMove[]): string {
  return moves.map((m) => `${m.by}'s ${m.event} [${m.cites.join(' ')}]`).join(', then ');
}

/** Where a move or a sanction leads, in words: the outcomes holding there, or `no outcome`. */
const leadsTo = (m: { readonly leadsTo: readonly string[] }) =>
  m.leadsTo.length ? m.leadsTo.join(', ') : 'no outcome';

/**
 * Says, one sentence per unilateral improvement from a position, which party can move where (each
 * event with its paragraphs) and, per concept, the sanction that answers it or that it stands.
 * Empty when no party has one. Pure; shared by `parley stability` and the inspector.
 */
export function describeImprovingMoves(position: PositionStability, concepts: readonly Concept[]): string[] {
  const sentences: string[] = [];
  for (const p of position.parties)
    for (const m of p.improvements) {
      const answers = concepts
        .filter((c) => c !== 'nash')
        .map((c) => {
          const sanction = m.sanctions[c];
          const made = c === 'sim' ? ' at once' : '';
          return `${CONCEPT_NAMES[c]}: ${sanction ? `sanctioned by ${describeMoves(sanction.moves)}${made} (${leadsTo(sanction)})` : 'stands'}`;
        });
      sentences.push(
        `${p.party} can move by ${m.event} [${m.cites.join(' ')}] to a position it prefers (${leadsTo(m)})${answers.length ? `; ${answers.join('; ')}` : ''}.`,
      );
    }
  return sentences;
}

/** One sentence per coalition: stable or not, and its first joint improvement with the answer to it. */
export function describeCoalition(c: CoalitionStability): string {
  const name = c.members.join(' + ');
  const first = c.improvements[0];
  if (!first) return `${name}: coalition Nash and SEQ stable (no joint improvement).`;
  const answer = first.sanction
    ? `sanctioned by ${describeMoves(first.sanction)} (${leadsTo(first.sanction.at(-1) as CitedMove)})`
    : 'and nothing sanctions it';
  return `${name}: not coalition Nash stable; ${c.cseq ? 'coalition SEQ stable' : 'not coalition SEQ stable'}: e.g. ${describeMoves(first.moves)} (${leadsTo(first.moves.at(-1) as CitedMove)}), ${answer}${c.improvements.length > 1 ? ` (${c.improvements.length} joint improvements)` : ''}.`;
}
