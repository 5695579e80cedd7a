// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_CLICKS, earlyClicksScript, PENDING, READY } from './early-clicks';
import { EarlyClicks } from './early-clicks-ready';
import { useEarlyEdits } from './use-early-edits';

// React warns when `act` is used outside a test environment it recognises
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A form of controlled fields whose state is printed beside it, as a page's request is. */
function Form({ withHook, onEdit }: { withHook: boolean; onEdit?: (field: string) => void }) {
  const hooked = useEarlyEdits<HTMLFormElement>();
  const [secret, setSecret] = useState('xyz');
  const [method, setMethod] = useState('basic');
  const [answer, setAnswer] = useState('');
  const [remember, setRemember] = useState(false);
  return (
    <form
      ref={withHook ? hooked : undefined}
      onChange={(e) => onEdit?.((e.target as Element).getAttribute('name') ?? '')}
    >
      <input
        aria-label="secret"
        name="secret"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
      />
      <select
        aria-label="method"
        name="method"
        value={method}
        onChange={(e) => setMethod(e.target.value)}
      >
        <option value="basic">basic</option>
        <option value="body">body</option>
      </select>
      {['a', 'b'].map((v) => (
        <input
          key={v}
          type="radio"
          name="answer"
          aria-label={v}
          value={v}
          checked={answer === v}
          onChange={() => setAnswer(v)}
        />
      ))}
      <input
        type="checkbox"
        aria-label="remember"
        name="remember"
        checked={remember}
        onChange={(e) => setRemember(e.target.checked)}
      />
      <output>{`${secret} ${method} ${answer || '-'} ${String(remember)}`}</output>
    </form>
  );
}

let root: Root | undefined;
// as the page's <head> runs it, once; it holds presses only under the body's EARLY_CLICKS
new Function(earlyClicksScript)();

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  document.body.removeAttribute(EARLY_CLICKS);
  document.body.removeAttribute(READY);
});

/** Lets the replay run: it waits for the hydrating commit's effects, then takes a task a press. */
async function settle() {
  for (let task = 0; task < 4; task += 1)
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/**
 * A page of `part` with the root layout's EarlyClicks after it, server-rendered into the body
 * (which keeps early presses, as the layout's does); `act` on it as a learner would, then
 * `hydrate` it with the list its part records what it sent in.
 */
function earlyPage(Part: (props: { sent: string[] }) => React.ReactNode) {
  document.body.setAttribute(EARLY_CLICKS, '');
  const page = (sent: string[]) => (
    <>
      <Part sent={sent} />
      <EarlyClicks />
    </>
  );
  const container = document.createElement('div');
  container.innerHTML = renderToString(page([]));
  document.body.append(container);
  const sent: string[] = [];
  const hydrate = async () => {
    await act(async () => {
      root = hydrateRoot(container, page(sent));
    });
    await settle();
  };
  return { container, sent, hydrate };
}

/** Server-renders the form, lets `edit` change the fields as a learner would, then hydrates. */

async function hydrateAfter(withHook: boolean, edit: (form: HTMLFormElement) => void) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<Form withHook={withHook} />);
  document.body.append(container);
  const form = container.querySelector('form')!;
  edit(form);
  await act(async () => {
    root = hydrateRoot(container, <Form withHook={withHook} />);
  });
  await settle();
  return form;
}

function typeEarly(form: HTMLFormElement) {
  const field = (name: string) => form.querySelector<HTMLInputElement>(`[aria-label="${name}"]`)!;
  field('secret').value = 'typed-wrong';
  form.querySelector('select')!.value = 'body';
  field('b').checked = true;
  field('remember').checked = true;
}

describe('useEarlyEdits', () => {
  it('without it, the fields show the early edits while the state keeps the server values', async () => {
    const form = await hydrateAfter(false, typeEarly);
    expect(form.querySelector<HTMLInputElement>('input')!.value).toBe('typed-wrong');
    expect(form.querySelector('output')!.textContent).toBe('xyz basic - false');
  });

  it('hands every early edit to its onChange: the state is what the fields show', async () => {
    const form = await hydrateAfter(true, typeEarly);
    expect(form.querySelector('output')!.textContent).toBe('typed-wrong body b true');
    expect(form.querySelector<HTMLInputElement>('input')!.value).toBe('typed-wrong');
    expect(form.querySelector<HTMLInputElement>('[aria-label="b"]')!.checked).toBe(true);
    expect(form.querySelector<HTMLInputElement>('[aria-label="a"]')!.checked).toBe(false);
  });

  it('changes nothing on a form nobody touched', async () => {
    const form = await hydrateAfter(true, () => {});
    expect(form.querySelector('output')!.textContent).toBe('xyz basic - false');
  });

  it('an edit made after hydration is the usual onChange (the hook replays only once)', async () => {
    const form = await hydrateAfter(true, () => {});
    const secret = form.querySelector<HTMLInputElement>('input')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
        secret,
        'later',
      );
      secret.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(form.querySelector('output')!.textContent).toBe('later basic - false');
  });

  it('replays nothing on a form the browser rendered itself (a link followed within the app)', async () => {
    // A link within the app renders the next page in the browser, with no server HTML to hydrate:
    // React sets each select's option without a `selected` attribute, so no option is the
    // server's and nothing may count as an edit (the step page took its auth method for one,
    // and could turn the scenario a quiz hint opened into the learner's own).
    const edits: string[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      root = createRoot(container);
      root.render(<Form withHook onEdit={(field) => edits.push(field)} />);
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(edits).toEqual([]);
    expect(container.querySelector('output')!.textContent).toBe('xyz basic - false');
  });

  it('then marks its part ready; EarlyClicks presses the buttons pressed early, after the edits', async () => {
    function Controls({ sent }: { sent: string[] }) {
      const ref = useEarlyEdits<HTMLDivElement>();
      const [secret, setSecret] = useState('xyz');
      return (
        <div ref={ref}>
          <input aria-label="secret" value={secret} onChange={(e) => setSecret(e.target.value)} />
          <button type="button" onClick={() => sent.push(secret)}>
            Next
          </button>
        </div>
      );
    }
    const { container, sent, hydrate } = earlyPage(Controls);
    const secret = container.querySelector('input')!;
    const next = container.querySelector('button')!;
    secret.value = 'typed-early';
    next.click();
    next.click(); // pressed again, as nothing seemed to happen: one press waits
    expect(next.hasAttribute(PENDING)).toBe(true);
    await hydrate();
    expect(container.firstElementChild!.hasAttribute(READY)).toBe(true);
    expect(document.body.hasAttribute(READY)).toBe(true);
    expect(next.hasAttribute(PENDING)).toBe(false);
    expect(sent).toEqual(['typed-early']);
    await act(async () => next.click()); // from now on, React's own
    expect(sent).toEqual(['typed-early', 'typed-early']);
  });

  it('presses each early button in a task of its own: Send reads what the preset filled in', async () => {
    function Sandbox({ sent }: { sent: string[] }) {
      const [body, setBody] = useState('default');
      return (
        <form onSubmit={(e) => (e.preventDefault(), sent.push(body))}>
          <button type="button" onClick={() => setBody('preset')}>
            Preset
          </button>
          <button type="submit">Send</button>
        </form>
      );
    }
    const { container, sent, hydrate } = earlyPage(Sandbox);
    const [preset, send] = container.querySelectorAll('button');
    preset!.click();
    send!.click(); // held: the form is not sent natively
    await hydrate();
    expect(sent).toEqual(['preset']);
  });
});
