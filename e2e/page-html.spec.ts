import { expect, test } from '@playwright/test';
import { modes } from '@/components/modes/modes';
import { lessons } from '@/lib/lessons';

/**
 * Every mode page of every lesson arrives in document order: no Suspense fallback in place of its
 * content with the content streamed later in a hidden part of the HTML. React reveals such
 * content with a script it holds back up to 300 ms once the page has painted, so a learner would
 * see "Loading…" first; the step page did, through the lesson run's `next/dynamic` fallback.
 */
for (const lesson of lessons) {
  test(`the mode pages of ${lesson.slug} send their content in place`, async ({ request }) => {
    for (const mode of modes) {
      const response = await request.get(`/learn/${lesson.slug}/${mode.id}`);
      expect(response.status(), mode.id).toBe(200);
      const html = await response.text();
      expect(html, mode.id).not.toMatch(/<template id="B:\d+">/);
      expect(html, mode.id).not.toContain('$RC(');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main, mode.id).toContain(`>${mode.label.replace('&', '&amp;')}</h1>`);
    }
  });
}

test('the step page sends the stepper itself, ready for the first step', async ({ request }) => {
  for (const lesson of lessons) {
    const html = await (await request.get(`/learn/${lesson.slug}/step`)).text();
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main, lesson.slug).toMatch(/Start · \d+ steps/);
    expect(main, lesson.slug).not.toContain('Loading the lesson');
  }
});
