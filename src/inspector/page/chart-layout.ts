/// <reference lib="dom" />
import * as elkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Party } from '../../model/model.js';

/** A stance box and a transition line of a party's chart, placed by ELK. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  }[];
  readonly edges: readonly {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly event: string;
    readonly points: readonly { readonly x: number; readonly y: number }[];
    readonly label: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
  }[];
}

// elk.bundled.js is a CommonJS bundle whose module object is the constructor; its typings call it a default export.
type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;
const ElkLayout = ((elkModule as unknown as { default?: ElkConstructor }).default ??
  (elkModule as unknown as ElkConstructor)) as ElkConstructor;
const elk = new ElkLayout();
const CHAR_WIDTH = 7.2;
// Edge labels are drawn at 11 px, the smallest text the page uses.
const LABEL_CHAR_WIDTH = 6.6;

/** The id of a transition's edge: party, from, to and event, so the page can mark the ones taken. */
export function getEdgeId(party: string, from: string, to: string, event: string): string {
  return `${party}|${from}|${to}|${event}`;
}

/**
 * Lays out a party's statechart with ELK's layered algorithm (as Stately's visualizer does): one
 * box per stance, one labelled line per transition, self-transitions included.
 */
export async function layoutChart(party: Party): Promise<ChartLayout> {
  const children: ElkNode[] = party.stances.map((s) => ({
    id: s.id,
    width: Math.max(90, s.id.length * CHAR_WIDTH + 24),
    height: 34,
  }));
  const edges: ElkExtendedEdge[] = party.stances.flatMap((s) =>
    s.on.map((t) => ({
      id: getEdgeId(party.id, s.id, t.to, t.event),
      sources: [s.id],
      targets: [t.to],
      labels: [{ text: t.event, width: t.event.length * LABEL_CHAR_WIDTH + 6, height: 16 }],
    })),
  );
  const root: ElkNode = {
    id: party.id,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '44',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
    },
    children,
    edges,
  };
  const graph: ElkNode = await elk.layout(root);
  return {
    width: graph.width ?? 0,
    height: graph.height ?? 0,
    nodes: (graph.children ?? []).map((n: ElkNode) => ({
      id: n.id,
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width ?? 0,
      height: n.height ?? 0,
    })),
    edges: (graph.edges ?? []).map((e: ElkExtendedEdge) => {
      const [, from = '', to = '', event = ''] = e.id.split('|');
      const section = e.sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
      const label = e.labels?.[0];
      return {
        id: e.id,
        from,
        to,
        event,
        points,
        label: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : null,
      };
    }),
  };
}
