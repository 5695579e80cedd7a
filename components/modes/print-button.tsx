'use client';

/** Opens the browser's print dialog (the page's print styles keep only the lesson). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="border-line hover:bg-raised mb-6 rounded-md border px-3 py-1.5 text-sm print:hidden"
    >
      Print this transcript
    </button>
  );
}
