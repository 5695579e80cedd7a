/**
 * Runs `run` after the page's `load` event, at an idle moment (or a tick later where the browser
 * has no requestIdleCallback): for loading what the first paint and first click do not need.
 */
export function whenIdleAfterLoad(run: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 0);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
