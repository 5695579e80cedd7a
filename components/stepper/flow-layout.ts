import type { FlowEdge, FlowNode, Lesson } from '@/lib/lessons/types';

/**
 * Lays out a lesson's concept flow as a top-down flowchart: the main path in one column, the
 * "No" arm of each decision to its right. Pure, so the diagram is the same on server and client.
 */

export interface PlacedNode {
  readonly node: FlowNode;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface FlowLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly { readonly edge: FlowEdge; readonly points: readonly (readonly [number, number])[] }[];
  readonly width: number;
  readonly height: number;
}

const MAIN_X = 10;
const MAIN_W = 196;
const SIDE_X = 250;
const SIDE_W = 150;
const NODE_H = 46;
const ROW = 74;

export function layoutFlow(flow: Lesson['flow']): FlowLayout {
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
    current = (edges.find((e) => e.branch === 'yes') ?? edges.find((e) => e.branch === undefined))?.to;
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
  return { nodes: [...placed.values()], edges, width: SIDE_X + SIDE_W + 10, height: 10 + row * ROW - (ROW - NODE_H) + 10 };
}
