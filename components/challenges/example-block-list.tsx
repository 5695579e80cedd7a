import { CopyButton } from '@/components/modes/copy-button';
import type { ExampleBlock } from '@/lib/challenges/examples';

/** Blocks to copy (curl lines, claims to sign, a program’s commands), named "<label> of <of>". */
export function ExampleBlockList({ blocks, of }: { blocks: readonly ExampleBlock[]; of: string }) {
  return (
    <div className="mt-2 space-y-1">
      {blocks.map((block) => (
        <div key={block.label} className="bg-raised rounded p-2">
          <pre
            tabIndex={0}
            aria-label={`${block.label} of ${of}`}
            className="font-mono text-xs break-all whitespace-pre-wrap"
          >
            {block.text}
          </pre>
          <div className="mt-1 flex flex-wrap items-start justify-between gap-2">
            <p className="text-muted text-xs">{block.note}</p>
            <span className="ml-auto">
              <CopyButton text={block.text} label={`${block.label.toLowerCase()} of ${of}`} />
            </span>
          </div>
        </div>
      ))}
    </div>
  );
}
