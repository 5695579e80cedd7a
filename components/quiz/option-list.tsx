'use client';

import { useEarlyEdits } from '@/components/ui/use-early-edits';

/** One answer option of a question card. */
export interface CardOption {
  readonly id: string;
  readonly text: string;
  /** The whole value when `text` is shortened. */
  readonly full?: string;
  readonly code?: boolean;
}

interface OptionListProps {
  readonly name: string;
  readonly legend: string;
  readonly options: readonly CardOption[];
  readonly selected: string | null;
  readonly checked: boolean;
  readonly answer: string;
  readonly onSelect: (id: string) => void;
}

const letters = 'ABCDEFGH';

/** The options of a question as a radio group; once checked, the choice is marked right or wrong in text, not colour alone. */
export function OptionList({
  name,
  legend,
  options,
  selected,
  checked,
  answer,
  onSelect,
}: OptionListProps) {
  const fields = useEarlyEdits<HTMLFieldSetElement>();
  return (
    <fieldset ref={fields} className="min-w-0">
      <legend className="sr-only">{legend}</legend>
      <ul className="space-y-2">
        {options.map((option, i) => {
          const chosen = selected === option.id;
          const verdict = checked && chosen ? (option.id === answer ? 'right' : 'wrong') : null;
          const tone =
            verdict === 'right'
              ? 'border-ok bg-ok-soft'
              : verdict === 'wrong'
                ? 'border-err bg-err-soft'
                : chosen
                  ? 'border-accent bg-raised'
                  : 'border-line hover:bg-raised';
          return (
            <li key={option.id}>
              <label
                className={`flex cursor-pointer items-start gap-3 rounded-md border-2 px-3 py-2 ${tone}`}
              >
                <input
                  type="radio"
                  name={name}
                  value={option.id}
                  checked={chosen}
                  disabled={checked}
                  onChange={() => onSelect(option.id)}
                  className="accent-accent mt-1 size-4"
                />
                <span className="min-w-0 flex-1">
                  <span aria-hidden="true" className="text-muted mr-1 font-semibold">
                    {letters[i]}.
                  </span>
                  {option.code ? (
                    <code className="font-mono text-sm break-all" title={option.full}>
                      {option.text}
                    </code>
                  ) : (
                    option.text
                  )}
                  {option.full ? (
                    <span className="sr-only"> (full value: {option.full})</span>
                  ) : null}
                  {verdict ? (
                    <span
                      className={`ml-2 text-sm font-semibold ${verdict === 'right' ? 'text-ok' : 'text-err'}`}
                    >
                      {verdict === 'right' ? '✓ your answer, correct' : '✗ your answer, incorrect'}
                    </span>
                  ) : null}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
