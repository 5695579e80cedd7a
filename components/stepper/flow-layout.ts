import type { FlowEdge, FlowNode, Lesson } from '@/lib/lessons/types';

/**
 * Lays out a lesson's concept flow as a top-down flowchart: the main path in one column, the
 * "No" arm of each decision to its right. Pure, so the diagram is the same on server and client.
 */

/** A flow node with its place and size in the diagram. */
export interface PlacedNode {
  readonly node: FlowNode;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The laid-out diagram: placed nodes, edge polylines and the overall size. */
export interface FlowLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly {
    readonly edge: FlowEdge;
    readonly points: readonly (readonly [number, number])[];
  }[];
  readonly width: number;
  readonly height: number;
}

/** Box sizes of a layout, in SVG user units. */
export interface FlowMetrics {
  /** Width of the main-path column's boxes. */
  readonly mainW: number;
  /** Left edge and width of the column that holds each decision's "No" outcome. */
  readonly sideX: number;
  readonly sideW: number;
  readonly nodeH: number;
  /** Distance from one row's top to the next (box height plus the arrow between them). */
  readonly row: number;
}

/**
 * Two densities: `regular` for a page of panels, `large` for the projector, where labels are set
 * bigger relative to the whole diagram so they stay readable when it is scaled to fit one column.
 */
export const flowMetrics = {
  regular: { mainW: 196, sideX: 250, sideW: 150, nodeH: 46, row: 74 },
  large: { mainW: 212, sideX: 262, sideW: 164, nodeH: 54, row: 74 },
} as const satisfies Record<string, FlowMetrics>;

const MAIN_X = 10;

/** Lays out a lesson's concept flow: the main path in one column, each "No" arm to its right. */
export function layoutFlow(
  flow: Lesson['flow'],
  metrics: FlowMetrics = flowMetrics.regular,
): FlowLayout {
  const { mainW: MAIN_W, sideX: SIDE_X, sideW: SIDE_W, nodeH: NODE_H, row: ROW } = metrics;
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = (id: string) => flow.edges.filter((e) => e.from === id);
  const placed = new Map<string, PlacedNode>();
  let row = 0;
  let current = flow.nodes[0]?.id;
  while (current && !placed.has(current)) {
    const node = byId.get(current);
    if (!node) break;
    placed.set(current, { node, x: MAIN_X, y: 10 + row * ROW, w: MAIN_W, h: NODE_H });
    const edges = out(current);
    for (const side of edges.filter((e) => e.branch === 'no')) {
      const target = byId.get(side.to);
      if (target && !placed.has(side.to)) {
        placed.set(side.to, { node: target, x: SIDE_X, y: 10 + row * ROW, w: SIDE_W, h: NODE_H });
      }
    }
    current = (edges.find((e) => e.branch === 'yes') ?? edges.find((e) => e.branch === undefined))
      ?.to;
    row += 1;
  }
  // Anything not on the main path or a No arm goes below, so nothing is ever lost.
  for (const node of flow.nodes) {
    if (!placed.has(node.id)) {
      placed.set(node.id, { node, x: MAIN_X, y: 10 + row * ROW, w: MAIN_W, h: NODE_H });
      row += 1;
    }
  }
  const edges = flow.edges.flatMap((edge) => {
    const a = placed.get(edge.from);
    const b = placed.get(edge.to);
    if (!a || !b) return [];
    const points: (readonly [number, number])[] =
      b.x > a.x
        ? [
            [a.x + a.w, a.y + a.h / 2],
            [b.x, b.y + b.h / 2],
          ]
        : [
            [a.x + a.w / 2, a.y + a.h],
            [b.x + b.w / 2, b.y],
          ];
    return [{ edge, points }];
  });
  return {
    nodes: [...placed.values()],
    edges,
    width: SIDE_X + SIDE_W + 10,
    height: 10 + row * ROW - (ROW - NODE_H) + 10,
  };
}
