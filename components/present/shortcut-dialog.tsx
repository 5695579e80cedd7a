import { ModalDialog } from './modal-dialog';
import { presenterShortcuts } from './shortcuts';

/** The `?` sheet: every presenter shortcut. */
export function ShortcutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <table className="w-full text-lg">
        <caption className="sr-only">Presenter keyboard shortcuts</caption>
        <thead>
          <tr className="text-muted text-left text-sm">
            <th scope="col" className="pb-1">
              Keys
            </th>
            <th scope="col" className="pb-1">
              Action
            </th>
          </tr>
        </thead>
        <tbody>
          {presenterShortcuts.map((s) => (
            <tr key={s.action} className="border-line border-t">
              <td className="py-1 pr-4 whitespace-nowrap">
                {s.keys.map((k) => (
                  <kbd
                    key={k}
                    className="border-line bg-raised mr-1 rounded border px-1.5 font-mono text-base"
                  >
                    {k}
                  </kbd>
                ))}
              </td>
              <td className="py-1">{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="mt-4 text-right">
        <button
          type="submit"
          className="border-line hover:bg-raised rounded-md border px-3 py-1.5"
          onClick={onClose}
        >
          Close
        </button>
      </form>
    </ModalDialog>
  );
}
