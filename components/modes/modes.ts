/**
 * The learning modes of a lesson, in the order the mode chooser and the mode nav list them.
 * Each is its own URL: `/learn/<lesson>/<id>`.
 */
export const modes = [
  {
    id: 'intro',
    label: 'Introduction',
    blurb: 'What the flow is for, when to use it, and why no user is involved.',
  },
  {
    id: 'flow',
    label: 'Concept flow',
    blurb: 'The diagram of who talks to whom, with every node explained.',
  },
  {
    id: 'step',
    label: 'Step-by-step',
    blurb: 'Run the flow against the real server, one step at a time.',
  },
  {
    id: 'examples',
    label: 'Syntax & examples',
    blurb: 'The request as HTTP, curl, Python, fetch and Node, from your own values, and send it.',
  },
  {
    id: 'side-by-side',
    label: 'Side by side',
    blurb:
      'One token request, three ways to authenticate it, sent for real: what differs and what each protects against.',
  },
  {
    id: 'key-moments',
    label: 'Key moments',
    blurb: 'The three insights, each linked to the step that shows it.',
  },
  { id: 'quiz', label: 'Visual quiz', blurb: 'Three questions answered from your own live run.' },
  {
    id: 'practice',
    label: 'Practice',
    blurb: 'Questions from easy to hard, with hints, worked solutions and a score.',
  },
  { id: 'snapshot', label: 'Concept snapshot', blurb: 'The whole flow on one screen.' },
  {
    id: 'transcript',
    label: 'Full transcript',
    blurb: 'The lesson as readable prose, for screen readers and print.',
  },
  {
    id: 'notes',
    label: 'Notes & summary',
    blurb: 'The rules to keep: secrets, expiry, server-to-server.',
  },
  {
    id: 'sandbox',
    label: 'Sandbox',
    blurb: 'Write your own request to /token or /api/data and see the real answer.',
  },
  {
    id: 'challenges',
    label: 'Challenges',
    blurb:
      'Hands-on tasks from your own terminal, with a client of your own, checked off live by the server.',
  },
] as const;

/** The id of a learning mode, also its URL segment. */
export type ModeId = (typeof modes)[number]['id'];
/** A learning mode: its id, label and one-line blurb. */
export type Mode = (typeof modes)[number];

/** The URL of a lesson's mode: `/learn/<lesson>/<mode>`. */
export function modeHref(lesson: string, mode: ModeId): string {
  return `/learn/${lesson}/${mode}`;
}

/** The mode with this id. */
export function getMode(id: ModeId): Mode {
  return modes.find((m) => m.id === id) as Mode;
}

/** The mode a path belongs to (`/learn/client-credentials/quiz` -> `quiz`), if any. */
export function modeFromPath(pathname: string): ModeId | undefined {
  const segment = pathname.split('/')[3];
  return modes.find((m) => m.id === segment)?.id;
}
