import type { MarkedLine } from './differences';

/**
 * A rendered request with the parts that differ from the other methods' requests highlighted
 * (a `<mark>`, which also tells screen readers, and a dotted underline besides the colour).
 */
export function MarkedRequest({ lines, label }: { lines: readonly MarkedLine[]; label: string }) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className="bg-raised max-h-80 overflow-auto rounded px-2 py-1.5 text-xs leading-5 break-all whitespace-pre-wrap"
    >
      {lines.map((line, i) => (
        <span key={i}>
          {line.map((part, j) =>
            part.differs ? (
              <mark
                key={j}
                className="bg-warn-soft text-fg decoration-warn rounded-sm underline decoration-dotted underline-offset-2"
              >
                {part.text}
              </mark>
            ) : (
              <span key={j}>{part.text}</span>
            ),
          )}
          {i < lines.length - 1 ? '\n' : ''}
        </span>
      ))}
    </pre>
  );
}
