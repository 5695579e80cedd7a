import type { ActorId, LessonRun } from '@/lib/lessons/types';
import type { Branch } from '@/lib/engine/step-record';
import { flowMetrics, layoutFlow } from './flow-layout';

const actorNames: Readonly<Record<ActorId, string>> = {
  client: 'Client',
  'auth-server': 'Auth server',
  api: 'API',
};

const actorClasses: Readonly<Record<ActorId, { stroke: string; fill: string }>> = {
  client: { stroke: 'stroke-client', fill: 'fill-client-soft' },
  'auth-server': { stroke: 'stroke-authz', fill: 'fill-authz-soft' },
  api: { stroke: 'stroke-api', fill: 'fill-api-soft' },
};

/** Props of the concept flow diagram: the lesson and what the current run has lit. */
export interface FlowDiagramProps {
  readonly lesson: LessonRun;
  /** The node lit now (the current step's place in the flow). */
  readonly activeNode?: string;
  /** Decisions taken so far: decision node id -> arm. Arms are drawn green (Yes) or red (No). */
  readonly branches?: Readonly<Record<string, Branch>>;
  /** Nodes already passed through, drawn solid (the rest stay faint once a run has started). */
  readonly visited?: readonly string[];
  /** `large` sets the labels bigger relative to the diagram, for a projector. */
  readonly size?: 'regular' | 'large';
  readonly className?: string;
}

/** Type sizes per density, in SVG user units (they scale with the diagram). */
const typeScale = {
  regular: {
    node: 'text-[12px]',
    edge: 'text-[11px]',
    lineH: 14,
    baseline: 4,
    chars: { main: 26, narrow: 20 },
    arrow: { base: 9, taken: 12 },
    legend: 'text-xs',
  },
  large: {
    node: 'text-[17px]',
    edge: 'text-[15px]',
    lineH: 19,
    baseline: 6,
    chars: { main: 19, narrow: 15 },
    arrow: { base: 11, taken: 15 },
    legend: 'text-base',
  },
} as const;

function wrap(label: string, max = 24): string[] {
  const words = label.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 2);
}

/**
 * The concept flow as an accessible SVG flowchart, one colour per actor (client blue, auth server
 * violet, API teal). The current node is lit; the arm taken at each decision is drawn green for
 * Yes and red for No. Static when given only a lesson (the concept-flow mode), live when given the
 * stepper's state.
 */
export function FlowDiagram({
  lesson,
  activeNode,
  branches = {},
  visited,
  size = 'regular',
  className = '',
}: FlowDiagramProps) {
  const layout = layoutFlow(lesson.flow, flowMetrics[size]);
  const type = typeScale[size];
  const seen = new Set(visited ?? []);
  const started = visited !== undefined && visited.length > 0;
  const active = lesson.flow.nodes.find((n) => n.id === activeNode);
  const taken = Object.entries(branches)
    .map(
      ([node, arm]) =>
        `${lesson.flow.nodes.find((n) => n.id === node)?.label ?? node} ${arm === 'yes' ? 'Yes' : 'No'}`,
    )
    .join('; ');
  const summary = `Concept flow diagram.${active ? ` Current: ${active.label}.` : ''}${taken ? ` Branch taken: ${taken}.` : ''}`;
  return (
    <figure className={`min-w-0 ${className}`}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={summary}
        className="h-auto w-full max-w-md"
      >
        <defs>
          {(['base', 'yes', 'no'] as const).map((id) => (
            <marker
              key={id}
              id={`arrow-${id}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth={id === 'base' ? type.arrow.base : type.arrow.taken}
              markerHeight={id === 'base' ? type.arrow.base : type.arrow.taken}
              orient="auto-start-reverse"
            >
              <path
                d="M0 0 L10 5 L0 10 z"
                className={id === 'yes' ? 'fill-ok' : id === 'no' ? 'fill-err' : 'fill-muted'}
              />
            </marker>
          ))}
        </defs>
        {layout.edges.map(({ edge, points }) => {
          const decided = branches[edge.from];
          const isTaken = edge.branch !== undefined && decided === edge.branch;
          const notTaken =
            edge.branch !== undefined && decided !== undefined && decided !== edge.branch;
          const tone = isTaken ? (edge.branch === 'yes' ? 'yes' : 'no') : 'base';
          const [[x1, y1] = [0, 0], [x2, y2] = [0, 0]] = points;
          const stroke =
            tone === 'yes' ? 'stroke-ok' : tone === 'no' ? 'stroke-err' : 'stroke-muted';
          return (
            <g
              key={`${edge.from}-${edge.to}`}
              data-edge={`${edge.from}-${edge.to}`}
              data-taken={isTaken || undefined}
            >
              <line
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                className={`${stroke} ${notTaken ? 'opacity-30' : ''}`}
                strokeWidth={isTaken ? 3.5 : 1.5}
                strokeDasharray={notTaken ? '4 4' : undefined}
                markerEnd={`url(#arrow-${tone})`}
              />
              {edge.label && (
                <text
                  x={x2 > x1 ? (x1 + x2) / 2 : x1 + 6}
                  y={x2 > x1 ? y1 - 6 : (y1 + y2) / 2 + 4}
                  textAnchor={x2 > x1 ? 'middle' : 'start'}
                  // a branch not taken keeps a readable label (WCAG 1.4.3): muted, not faded
                  className={`${type.edge} font-semibold ${notTaken ? 'fill-muted' : edge.branch === 'yes' ? 'fill-ok' : edge.branch === 'no' ? 'fill-err' : 'fill-muted'}`}
                >
                  {edge.label}
                </text>
              )}
            </g>
          );
        })}
        {layout.nodes.map(({ node, x, y, w, h }) => {
          const isActive = node.id === activeNode;
          const faint = started && !seen.has(node.id) && !isActive;
          const errorNode =
            node.kind === 'outcome' &&
            lesson.flow.edges.some((e) => e.to === node.id && e.branch === 'no');
          const c = actorClasses[node.actor];
          const stroke = isActive ? (errorNode ? 'stroke-err' : 'stroke-accent') : c.stroke;
          const fill = isActive && errorNode ? 'fill-err-soft' : c.fill;
          const shape =
            node.kind === 'decision' ? (
              <polygon
                points={`${x + 14},${y} ${x + w - 14},${y} ${x + w},${y + h / 2} ${x + w - 14},${y + h} ${x + 14},${y + h} ${x},${y + h / 2}`}
                className={`${fill} ${stroke}`}
                strokeWidth={isActive ? 4 : 1.5}
              />
            ) : (
              <rect
                x={x}
                y={y}
                width={w}
                height={h}
                rx={node.kind === 'outcome' ? 22 : 6}
                className={`${fill} ${stroke}`}
                strokeWidth={isActive ? 4 : 1.5}
              />
            );
          const lines = wrap(
            node.label,
            node.kind === 'decision' || w < 180 ? type.chars.narrow : type.chars.main,
          );
          return (
            <g key={node.id} data-node={node.id} data-active={isActive || undefined}>
              <title>{`${actorNames[node.actor]}: ${node.label}. ${node.description}`}</title>
              {/* a node off the run fades its shape; its label stays readable, muted (WCAG 1.4.3) */}
              <g className={faint ? 'opacity-45' : ''}>{shape}</g>
              <text
                x={x + w / 2}
                y={y + h / 2 + type.baseline - ((lines.length - 1) * type.lineH) / 2}
                textAnchor="middle"
                className={`${faint ? 'fill-muted' : 'fill-fg'} ${type.node} ${isActive ? 'font-bold' : ''}`}
              >
                {lines.map((line, i) => (
                  <tspan key={line} x={x + w / 2} dy={i === 0 ? 0 : type.lineH}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={`text-muted mt-2 flex flex-wrap gap-x-3 gap-y-1 ${type.legend}`}>
        <span>
          <span
            aria-hidden="true"
            className="border-client bg-client-soft mr-1 inline-block size-2.5 rounded-sm border"
          />
          Client
        </span>
        <span>
          <span
            aria-hidden="true"
            className="border-authz bg-authz-soft mr-1 inline-block size-2.5 rounded-sm border"
          />
          Auth server
        </span>
        <span>
          <span
            aria-hidden="true"
            className="border-api bg-api-soft mr-1 inline-block size-2.5 rounded-sm border"
          />
          API
        </span>
        <span>
          <span aria-hidden="true" className="text-ok mr-1">
            ━
          </span>
          Yes taken
        </span>
        <span>
          <span aria-hidden="true" className="text-err mr-1">
            ━
          </span>
          No taken
        </span>
      </figcaption>
    </figure>
  );
}
