'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FeedPanel } from '@/components/live/feed-panel';
import { useLiveFeed } from '@/components/live/use-live-feed';
import { usePageVisible } from '@/components/ui/use-page-visible';
import { StepAnnouncer } from '@/components/stepper/step-announcer';
import { useStepper, useStepperStore } from '@/components/stepper/stepper-provider';
import { recordAt } from '@/lib/engine/derived';
import { presentableScenarios } from '@/lib/engine/scenarios';
import { requireLesson } from '@/lib/lessons';
import { PresenterControls } from './presenter-controls';
import { ResetDemoDialog } from './reset-demo-dialog';
import { RoomChallengesPanel } from '@/components/challenges/room-challenges-panel';
import { RoomPanel } from './room-panel';
import { ScenarioSwitcher } from './scenario-switcher';
import { ShortcutDialog } from './shortcut-dialog';
import { SignOutButton } from './sign-out-button';
import { SpeakerNotes } from './speaker-notes-panel';
import { StepStage } from './step-stage';
import { notesRecord } from './presenter-channel';
import { useNotesBroadcast } from './use-notes-broadcast';
import { usePresenterKeys } from './use-presenter-keys';
import { usePresenterRoom } from './use-presenter-room';

const chip =
  'rounded-md border border-line px-2.5 py-1 text-base hover:bg-raised aria-pressed:bg-raised aria-pressed:font-semibold';

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/**
 * The instructor's projector view: the step engine in large type, the live request feed beside
 * it, speaker notes, the follow-me room and polls; driven entirely from the keyboard.
 */
export function PresenterView() {
  const store = useStepperStore();
  const lesson = useStepper((s) => s.lesson);
  // the presenter also shows the speaker notes and polls the practice questions: the whole lesson
  const { speakerNotes, practice } = requireLesson(lesson.slug);
  const scenarios = presentableScenarios(lesson);
  const scenarioId = useStepper((s) => s.scenarioId);
  const cursor = useStepper((s) => s.player.cursor);
  const shown = useStepper((s) => recordAt(s.player.trace, s.player.cursor));
  const record = useMemo(() => notesRecord(shown), [shown]);
  const selectScenario = useStepper((s) => s.selectScenario);
  const [showFeed, setShowFeed] = useState(true);
  const [showNotes, setShowNotes] = useState(false);
  const [showRoom, setShowRoom] = useState(false);
  const [help, setHelp] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  // paused while the tab is hidden (usePageVisible), then caught up from its last request
  const feed = useLiveFeed(usePageVisible());
  const position = useMemo(() => ({ scenario: scenarioId, step: cursor }), [scenarioId, cursor]);
  const room = usePresenterRoom(lesson.slug, position, (at) => {
    if (!scenarios.some((s) => s.id === at.scenario)) return false;
    if (store.getState().scenarioId !== at.scenario) selectScenario(at.scenario);
    void store.getState().seek(at.step);
    return true;
  });
  const scenario = scenarios.find((s) => s.id === scenarioId);

  usePresenterKeys({
    next: () => void store.getState().next(),
    prev: () => store.getState().prev(),
    togglePlay: () => store.getState().togglePlay(),
    first: () => void store.getState().first(),
    last: () => void store.getState().last(),
    reset: () => store.getState().reset(),
    scenario: (i) => {
      const s = scenarios[i];
      if (s) selectScenario(s.id);
    },
    fullscreen: toggleFullscreen,
    toggleFeed: () => setShowFeed((v) => !v),
    toggleNotes: () => setShowNotes((v) => !v),
    toggleRoom: () => setShowRoom((v) => !v),
    closePanel: () => (showRoom ? setShowRoom(false) : setShowNotes(false)),
    help: () => setHelp(true),
  });

  // Opening the room panel (j, or its button) takes the focus into it, two tabs from its first
  // control; closing it (Esc, j, Close panel) gives the focus back to the Room button.
  const roomPanel = useRef<HTMLElement>(null);
  const roomButton = useRef<HTMLButtonElement>(null);
  const roomWasShown = useRef(false);
  useEffect(() => {
    if (showRoom) roomPanel.current?.focus();
    else if (roomWasShown.current) roomButton.current?.focus();
    roomWasShown.current = showRoom;
  }, [showRoom]);

  // The site header sits under this full-screen view: keep it out of the tab order and a11y tree.
  useEffect(() => {
    const header = document.querySelector('body > header');
    header?.setAttribute('inert', '');
    return () => header?.removeAttribute('inert');
  }, []);

  // The speaker-notes window follows over a BroadcastChannel.
  useNotesBroadcast(lesson.slug, scenarioId, cursor, record);

  return (
    <div className="bg-bg text-fg fixed inset-0 z-40 flex flex-col overflow-y-auto lg:overflow-hidden">
      <StepAnnouncer />
      <header className="border-line bg-surface flex flex-wrap items-center gap-x-4 gap-y-2 border-b px-4 py-2">
        <h1 className="text-xl font-bold lg:text-2xl">
          <Link href={`/learn/${lesson.slug}`} className="hover:underline">
            {lesson.title}
          </Link>
        </h1>
        <ScenarioSwitcher scenarios={scenarios} value={scenarioId} onChange={selectScenario} />
        {scenario && (
          <p className="text-muted hidden text-base 2xl:block">{scenario.description}</p>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {room.room && !room.checking && (
            <span
              className="bg-client-soft rounded-md px-2 py-1 text-base"
              data-testid="room-badge"
            >
              Room <span className="font-mono font-bold">{room.room.id}</span> ·{' '}
              {room.state?.followers ?? 0} following
            </span>
          )}
          <button
            type="button"
            className={chip}
            onClick={() => setHelp(true)}
            aria-keyshortcuts="?"
          >
            Shortcuts <kbd className="font-mono">?</kbd>
          </button>
          <SignOutButton className={chip} />
        </div>
      </header>

      {/* The stage keeps its full height; notes and feed share the side column, so a short
          projector (1280x720) still shows the diagram at a readable size. */}
      <div
        className={`relative grid gap-4 p-4 lg:min-h-0 lg:flex-1 lg:grid-rows-[minmax(0,1fr)] ${showFeed || showNotes ? 'lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]' : ''}`}
      >
        <section className="lg:min-h-0" aria-label="Current step">
          <StepStage />
        </section>
        {(showFeed || showNotes) && (
          <div className="flex flex-col gap-3 lg:min-h-0">
            {showNotes && (
              <aside
                className={`border-line bg-surface relative overflow-y-auto rounded-lg border p-3 ${showFeed ? 'max-h-[50dvh] shrink-0 lg:max-h-[55%]' : 'lg:flex-1'}`}
                aria-label="Speaker notes"
                tabIndex={0}
              >
                <SpeakerNotes
                  lesson={{ ...lesson, speakerNotes }}
                  cursor={cursor}
                  scenarioId={scenarioId}
                  record={record}
                />
              </aside>
            )}
            {showFeed && (
              <FeedPanel
                feed={feed}
                className="border-line bg-surface max-h-[80dvh] rounded-lg border p-3 lg:max-h-none lg:flex-1"
              />
            )}
          </div>
        )}
        {showRoom && (
          <aside
            ref={roomPanel}
            tabIndex={-1}
            aria-label="Room and polls"
            className="border-line bg-surface absolute top-4 right-4 z-10 max-h-[calc(100%-2rem)] w-[min(36rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border p-4 shadow-xl outline-none"
          >
            <div className="mb-2 flex items-center justify-between">
              <h2 className="text-xl font-bold">Follow-me room</h2>
              <button type="button" className={chip} onClick={() => setShowRoom(false)}>
                Close panel
              </button>
            </div>
            <RoomPanel room={room} questions={practice} />
            {room.room && !room.checking && <RoomChallengesPanel roomId={room.room.id} />}
          </aside>
        )}
      </div>

      <footer className="border-line bg-surface flex flex-wrap items-center gap-2 border-t px-4 py-2">
        <PresenterControls />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={chip}
            aria-pressed={showFeed}
            onClick={() => setShowFeed((v) => !v)}
            aria-keyshortcuts="l"
          >
            Feed
          </button>
          <button
            type="button"
            className={chip}
            aria-pressed={showNotes}
            onClick={() => setShowNotes((v) => !v)}
            aria-keyshortcuts="n"
          >
            Notes
          </button>
          <a
            className={chip}
            href={`/present/${lesson.slug}/notes`}
            target="flowlab-notes"
            rel="noopener"
          >
            Notes window
          </a>
          <button
            ref={roomButton}
            type="button"
            className={chip}
            aria-pressed={showRoom}
            onClick={() => setShowRoom((v) => !v)}
            aria-keyshortcuts="j"
          >
            Room
          </button>
          <button type="button" className={chip} onClick={toggleFullscreen} aria-keyshortcuts="f">
            Full screen
          </button>
          <button
            type="button"
            className={`${chip} text-err`}
            onClick={() => setConfirmReset(true)}
          >
            Reset demo state…
          </button>
        </div>
      </footer>

      <ShortcutDialog open={help} onClose={() => setHelp(false)} />
      <ResetDemoDialog
        open={confirmReset}
        onClose={() => setConfirmReset(false)}
        onDone={() => store.getState().reset()}
      />
    </div>
  );
}
