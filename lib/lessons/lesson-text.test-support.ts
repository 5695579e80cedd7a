/**
 * The text of a lesson, for the content tests: by section (the seed checklist looks facts up per
 * mode) and by teaching item (the accuracy rules judge each item as one unit, so a statement and
 * its qualification must sit in the same question, note or paragraph).
 */
import type { Lesson } from './types';

/** One section's entries, e.g. every note or every practice question's prompt and options. */
export type Section = (l: Lesson) => readonly string[];

/** The lesson's sections, as the seed checklist addresses them. */
export const sections = {
  steps: (l) =>
    l.steps.flatMap((s) => [s.title, s.narration, s.requestData, s.validation, s.response]),
  variables: (l) => l.variables.map((v) => v.name),
  keyMoments: (l) => l.keyMoments.flatMap((k) => [k.question, k.answer]),
  practice: (l) =>
    l.practice.flatMap((q) => [q.topic, q.prompt, q.code ?? '', ...q.options.map((o) => o.text)]),
  visualQuiz: (l) => (l.visualQuiz ?? []).flatMap((q) => [q.prompt, q.explanation]),
  whenToUse: (l) => l.intro.whenToUse,
  intro: (l) => [l.intro.purpose, l.intro.whyNoUser],
  snapshot: (l) => l.snapshot,
  notes: (l) => [...l.notes, ...l.summaryPoints],
  transcript: (l) => l.transcript,
  flow: (l) => [l.flow.caption, ...l.flow.nodes.flatMap((n) => [n.label, n.description])],
  syntax: (l) => [...l.syntax.notes, ...l.syntax.examples.flatMap((e) => [e.title, e.description])],
} satisfies Record<string, Section>;

/** A name of {@link sections}. */
export type SectionName = keyof typeof sections;

/** One unit of teaching: a practice question with everything it shows, a note, a flow node ... */
export interface TeachingItem {
  /** Where it is, for failure messages: "practice basic-vs-body", "note 4". */
  readonly where: string;
  readonly text: string;
}

/** Every teaching item of a lesson, each with all the text a learner sees in it. */
export function teachingItems(l: Lesson): TeachingItem[] {
  const item = (where: string, ...parts: readonly string[]) => ({ where, text: parts.join('\n') });
  return [
    item('intro purpose', l.intro.purpose),
    item('intro whyNoUser', l.intro.whyNoUser),
    ...l.intro.whenToUse.map((t, i) => item(`intro whenToUse ${i + 1}`, t)),
    item('flow caption', l.flow.caption),
    ...l.flow.nodes.map((n) => item(`flow ${n.id}`, n.label, n.description)),
    ...l.steps.map((s) =>
      item(`step ${s.id}`, s.title, s.narration, s.requestData, s.validation, s.response),
    ),
    ...l.variables.map((v) => item(`variable ${v.name}`, v.description)),
    ...l.keyMoments.map((k) => item(`key moment ${k.id}`, k.question, k.answer)),
    ...l.practice.map((q) =>
      item(
        `practice ${q.id}`,
        q.topic,
        q.prompt,
        q.code ?? '',
        ...q.options.map((o) => o.text),
        q.hint,
        ...q.solution,
        ...q.mistakes,
      ),
    ),
    ...(l.visualQuiz ?? []).map((v) =>
      item(`visual quiz ${v.id}`, v.prompt, v.hint, v.explanation, ...(v.distractors ?? [])),
    ),
    ...l.syntax.notes.map((t, i) => item(`syntax note ${i + 1}`, t)),
    ...l.syntax.examples.map((e) => item(`example ${e.id}`, e.title, e.description)),
    ...l.notes.map((t, i) => item(`note ${i + 1}`, t)),
    ...l.summaryPoints.map((t, i) => item(`summary ${i + 1}`, t)),
    ...l.snapshot.map((t, i) => item(`snapshot ${i + 1}`, t)),
    ...l.transcript.map((t, i) => item(`transcript ${i + 1}`, t)),
  ];
}

/** Whether some entry of the section matches (case-insensitive, multiline unless told). */
export function matches(section: readonly string[], pattern: RegExp): boolean {
  const re = new RegExp(
    pattern.source,
    pattern.flags.includes('i') ? pattern.flags : `${pattern.flags}im`,
  );
  return section.some((entry) => re.test(entry));
}
