/**
 * Presses made before the page hydrated, kept for it. A learner on a slow phone sees the page a
 * few seconds before its script has run, and the scripts are asked for only once the page has
 * painted (scripts/paint-first.mjs); a press on Next, Send or a preset then did nothing, with
 * nothing to say so. So an inline script, in every page's `<head>`, holds each press on a button
 * under an element marked {@link EARLY_CLICKS} (the `<body>`) that is not yet {@link READY}: it
 * stops the event (React, should its listener be attached already, never sees it), marks the
 * button {@link PENDING} so the learner sees the press was taken, and queues it once. A form
 * that works without script (it has an `action`: signing in) is left to the browser. When the
 * page has hydrated, `EarlyClicks` (early-clicks-ready.tsx) marks the body ready and presses the
 * queued buttons again, in the order first pressed, each in a task of its own, after every part
 * with `useEarlyEdits` has handed its early edits to React.
 *
 * No React here: the root layout (a server component) inlines the script text.
 */

/** The attribute of the element whose buttons keep early presses: the root layout's `<body>`. */
export const EARLY_CLICKS = 'data-early-clicks';
/** Spread on that element: `<body {...earlyClicksProps}>`. */
export const earlyClicksProps = { [EARLY_CLICKS]: '' } as const;

/**
 * The attribute of an element that has hydrated: its buttons answer presses themselves. On the
 * body once the page has; on a part with `useEarlyEdits` once it has taken its early edits.
 */
export const READY = 'data-ready';
/** The attribute of a button whose press is waiting for the page. */
export const PENDING = 'data-early-pending';

/** Where the inline script queues the buttons pressed early. */
const QUEUE = '__flowlabEarlyClicks';

/** The inline script: installed before the body is parsed, so no press escapes it. */
export const earlyClicksScript = `(function(){var q=window.${QUEUE}=[];addEventListener('click',function(e){var t=e.target,b=t&&t.closest&&t.closest('[${EARLY_CLICKS}] button');if(!b||b.disabled||b.getAttribute('aria-disabled')==='true'||b.closest('[${READY}]')||(b.form&&b.form.hasAttribute('action')))return;e.preventDefault();e.stopImmediatePropagation();if(q.indexOf(b)<0)q.push(b);b.setAttribute('${PENDING}','')},true)})()`;

type Queued = Window & { [QUEUE]?: HTMLButtonElement[] };

/** Takes the buttons under `root` pressed before it was ready, in the order first pressed. */
export function takeEarlyClicks(root: HTMLElement): HTMLButtonElement[] {
  const queue = (window as Queued)[QUEUE];
  if (!queue) return [];
  const taken = queue.filter((button) => root.contains(button));
  // in place: the inline script keeps queuing into this very array
  for (const button of taken) queue.splice(queue.indexOf(button), 1);
  return taken;
}

/** Presses a button taken by {@link takeEarlyClicks} again, now that the page is ready. */
export function replayClick(button: HTMLButtonElement): void {
  button.removeAttribute(PENDING);
  if (button.isConnected) button.click();
}
