import type { OutcomeStability } from './stability.js';

/**
 * Says, one sentence a move (each event with its paragraphs), which party can leave the first
 * state where the outcome holds for a state it prefers, and who can sanction that move (or that no
 * one can). Empty when no party has such a move. Pure; shared by `parley stability` and the
 * inspector.
 */
export function describeImprovingMoves(o: OutcomeStability): string[] {
  const sentences: string[] = [];
  for (const p of o.parties) {
    for (const m of p.moves.filter((x) => x.improves)) {
      const to = m.leadsTo.length ? m.leadsTo.join(', ') : 'no outcome';
      const sanction = m.sanctions.length
        ? `but ${m.sanctions.map((s) => `${s.by} can answer with ${s.event} [${s.cites.join(' ')}] (${s.leadsTo.join(', ') || 'no outcome'})`).join(', or ')}, leaving ${p.party} no better off: sanctioned`
        : 'and no one can sanction it';
      sentences.push(
        `${p.party} can move by ${m.event} [${m.cites.join(' ')}] to a state it prefers (${to}), ${sanction}.`,
      );
    }
  }
  return sentences;
}
