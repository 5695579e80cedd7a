// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lesson } from '@/lib/lessons/client-credentials';
import { stepNumbers } from '@/lib/lessons';
import type { QuestionCardProps } from './question-card';
import { FIRST_SCREEN, PracticeSet } from './practice-set';

/** How often each question card (by number) rendered. */
const renders = vi.hoisted(() => new Map<number, number>());

vi.mock('./question-card', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./question-card')>();
  return {
    QuestionCard(props: QuestionCardProps) {
      renders.set(props.number, (renders.get(props.number) ?? 0) + 1);
      return actual.QuestionCard(props);
    },
  };
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('PracticeSet', () => {
  const { slug, practice } = lesson;
  const set = <PracticeSet lesson={{ slug, practice, stepNumbers: stepNumbers(lesson) }} />;

  it('the server renders the first screen of questions, the browser then lists them all', async () => {
    expect(practice.length).toBeGreaterThan(FIRST_SCREEN);
    const html = renderToString(set);
    expect(html.match(/<article/g)).toHaveLength(FIRST_SCREEN);
    expect(html).toContain(practice[FIRST_SCREEN - 1]!.prompt);
    expect(html).not.toContain(practice[FIRST_SCREEN]!.prompt);

    render(set);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(practice.length));
    // in order, numbered by their place in the whole set
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(practice.map((q, i) => `${i + 1}. ${q.prompt}`));
  });

  it('answering one question renders only that question again, not the whole set', async () => {
    render(set);
    // stored progress is read after mount; the score table is no longer busy once it has been
    const scores = screen.getByRole('table', { name: 'Correct answers per difficulty' });
    await waitFor(() => expect(scores.getAttribute('aria-busy')).toBe('false'));
    renders.clear();

    const first = screen.getAllByRole('article')[0]!;
    await act(async () => {
      fireEvent.click(within(first).getAllByRole('radio')[0]!);
      fireEvent.click(within(first).getByRole('button', { name: 'Check answer' }));
    });

    expect(within(first).getByText(/Correct\.|Not quite\./)).toBeTruthy();
    expect([...renders.keys()]).toEqual([1]);
    expect(practice.length).toBeGreaterThan(3);
  });
});
