// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  EARLY_CLICKS,
  PENDING,
  READY,
  earlyClicksScript,
  replayClick,
  takeEarlyClicks,
} from './early-clicks';

beforeAll(() => {
  // as the page's <head> runs it, before anything else
  new Function(earlyClicksScript)();
});

afterEach(() => {
  takeEarlyClicks(document.body);
  document.body.innerHTML = '';
});

/** A part of the page that keeps early presses, its buttons counting the presses they get. */
function part(...names: string[]) {
  const root = document.createElement('div');
  root.setAttribute(EARLY_CLICKS, '');
  const pressed: string[] = [];
  for (const name of names) {
    const button = document.createElement('button');
    button.textContent = name;
    if (name === 'Previous') button.setAttribute('aria-disabled', 'true');
    button.addEventListener('click', () => pressed.push(name));
    root.append(button);
  }
  document.body.append(root);
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
  return { root, pressed, button };
}

describe('early clicks', () => {
  it('holds a press until its part is ready, shows it is waiting, and presses again then', () => {
    const { root, pressed, button } = part('Next', 'Play');
    button('Next').click();
    expect(pressed).toEqual([]);
    expect(button('Next').hasAttribute(PENDING)).toBe(true);
    root.setAttribute(READY, '');
    for (const b of takeEarlyClicks(root)) replayClick(b);
    expect(pressed).toEqual(['Next']);
    expect(button('Next').hasAttribute(PENDING)).toBe(false);
  });

  it('keeps each button once, in the order first pressed', () => {
    const { root, pressed, button } = part('Next', 'Play');
    button('Play').click();
    button('Next').click();
    button('Play').click();
    root.setAttribute(READY, '');
    for (const b of takeEarlyClicks(root)) replayClick(b);
    expect(pressed).toEqual(['Play', 'Next']);
    expect(takeEarlyClicks(root)).toEqual([]);
  });

  it('lets presses through once ready, on unavailable buttons, and outside such a part', () => {
    const { root, pressed, button } = part('Next', 'Previous');
    button('Previous').click();
    expect(button('Previous').hasAttribute(PENDING)).toBe(false);
    expect(pressed).toEqual(['Previous']); // its own handler ignores it (aria-disabled)
    const elsewhere = document.createElement('button');
    let outside = 0;
    elsewhere.addEventListener('click', () => (outside += 1));
    document.body.append(elsewhere);
    elsewhere.click();
    expect(outside).toBe(1);
    root.setAttribute(READY, '');
    button('Next').click();
    expect(pressed).toEqual(['Previous', 'Next']);
    expect(takeEarlyClicks(root)).toEqual([]);
  });

  it('leaves a form that works without script to the browser (signing in)', () => {
    const { root } = part();
    const form = document.createElement('form');
    form.setAttribute('action', '/present/session');
    const submit = document.createElement('button');
    form.append(submit);
    root.append(form);
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted += 1;
    });
    submit.click();
    expect(submitted).toBe(1);
    expect(submit.hasAttribute(PENDING)).toBe(false);
    expect(takeEarlyClicks(root)).toEqual([]);
  });

  it('takes only the buttons of the part that is ready; the others keep waiting', () => {
    const first = part('Next');
    const second = part('Next');
    first.button('Next').click();
    second.button('Next').click();
    first.root.setAttribute(READY, '');
    expect(takeEarlyClicks(first.root)).toEqual([first.button('Next')]);
    second.button('Next').click(); // still queued once, in the array the script keeps
    expect(takeEarlyClicks(second.root)).toEqual([second.button('Next')]);
  });
});
