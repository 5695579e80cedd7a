'use client';

/** Opens the browser's print dialog (the page's print styles keep only the lesson). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="mb-6 rounded-md border border-line px-3 py-1.5 text-sm hover:bg-raised print:hidden"
    >
      Print this transcript
    </button>
  );
}
