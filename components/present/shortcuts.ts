/** The presenter's keyboard shortcuts: one table drives both the handler's docs and the sheet. */
export const presenterShortcuts: readonly {
  readonly keys: readonly string[];
  readonly action: string;
}[] = [
  { keys: ['→', 'PageDown'], action: 'Next step' },
  { keys: ['←', 'PageUp'], action: 'Previous step' },
  { keys: ['Space'], action: 'Play / pause' },
  { keys: ['Home', 'End'], action: 'First / last step' },
  { keys: ['r'], action: 'Reset the run to the start' },
  { keys: ['1', '…', '9'], action: 'Pick one of the first nine scenarios' },
  { keys: ['f'], action: 'Toggle full screen' },
  { keys: ['l'], action: 'Show / hide the live request feed' },
  { keys: ['n'], action: 'Show / hide speaker notes' },
  { keys: ['j'], action: 'Show / hide the room panel (join link, QR code, polls)' },
  { keys: ['?'], action: 'This shortcut sheet' },
  { keys: ['Esc'], action: 'Close a dialog or panel' },
];
