'use client';

import { useSyncExternalStore } from 'react';
import type { PracticeQuestion } from '@/lib/lessons/types';
import { livePaths } from '@/lib/live/protocol';
import { PollControls } from './poll-controls';
import type { PresenterRoom } from './use-presenter-room';

const noSubscribe = () => () => undefined;

/** The follow-me room: open it, show the join link and its QR code, the follower count, polls. */
export function RoomPanel({
  room,
  questions,
}: {
  room: PresenterRoom;
  questions: readonly PracticeQuestion[];
}) {
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => '',
  );
  if (!room.room) {
    return (
      <section aria-label="Follow-me room" className="space-y-2">
        <p className="text-lg">
          Open a room so the audience can follow your steps on their own devices and answer polls.
        </p>
        <button
          type="button"
          onClick={() => void room.create()}
          className="bg-accent text-bg rounded-md px-3 py-1.5 text-lg font-semibold"
        >
          Open a follow-me room
        </button>
        {room.error && (
          <p role="alert" className="text-err">
            {room.error}
          </p>
        )}
      </section>
    );
  }
  if (room.checking) {
    return (
      <section aria-label="Follow-me room">
        <p className="text-muted text-lg" role="status" data-testid="room-checking">
          Reconnecting to room <span className="font-mono font-bold">{room.room.id}</span>…
        </p>
      </section>
    );
  }
  const joinUrl = `${origin}${room.room.joinPath}`;
  // While a poll runs, the join details shrink so its results fit a 1280x720 projector.
  const polling = (room.state?.poll ?? null) !== null;
  const big = polling ? 'text-lg' : 'text-2xl';
  return (
    <section aria-label="Follow-me room" className="space-y-3">
      <div className="flex flex-wrap items-start gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG generated per room by our own route */}
        <img
          src={livePaths.roomQr(room.room.id)}
          alt={`QR code for the join link ${joinUrl}`}
          width={polling ? 96 : 168}
          height={polling ? 96 : 168}
          className="rounded bg-white p-1"
        />
        <div className="min-w-0 space-y-1">
          <p className="text-muted">Join at</p>
          <p className={`font-mono font-bold break-all ${big}`} data-testid="join-link">
            <a href={room.room.joinPath} target="_blank" rel="noreferrer" className="underline">
              {joinUrl}
            </a>
          </p>
          <p className={big} aria-live="polite" data-testid="follower-count">
            <span className="font-bold">{room.state?.followers ?? 0}</span>{' '}
            {(room.state?.followers ?? 0) === 1 ? 'person follows' : 'people follow'}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => void room.setJoining(!(room.state?.joining ?? true))}
              className="border-line hover:bg-raised rounded-md border px-3 py-1"
            >
              {(room.state?.joining ?? true) ? 'Close joining' : 'Reopen joining'}
            </button>
            <button
              type="button"
              onClick={() => void room.close()}
              className="border-line hover:bg-raised rounded-md border px-3 py-1"
            >
              End the room
            </button>
          </div>
          {room.state && !room.state.joining && (
            <p className="text-muted" data-testid="joining-closed">
              Joining is closed: nobody new can join.
            </p>
          )}
        </div>
      </div>
      {room.error && (
        <p role="alert" className="text-err">
          {room.error}
        </p>
      )}
      <PollControls room={room} questions={questions} />
    </section>
  );
}
