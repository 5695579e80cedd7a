/**
 * What the instructor sees of a room's challenges: per task, how many of the room's learners
 * passed it and their anonymous handles. Pure: built from the members and their passes.
 */
import type { LessonChallenges, TaskPass } from './types';

/** One task's line in the room's progress. */
export interface RoomTaskProgress {
  readonly taskId: string;
  readonly title: string;
  readonly passed: number;
  /** Handles of the learners who passed it, in the order they did. */
  readonly handles: readonly string[];
}

/** A room's challenge progress for one lesson. */
export interface RoomProgress {
  readonly lesson: string;
  /** Learners counted for the room (who opened Challenges while following it). */
  readonly learners: number;
  readonly tasks: readonly RoomTaskProgress[];
}

/** The progress of a room's members (handle + passes) in one lesson's tasks. */
export function roomProgress(
  set: LessonChallenges,
  members: readonly { readonly handle: string; readonly passes: readonly TaskPass[] }[],
): RoomProgress {
  return {
    lesson: set.lesson,
    learners: members.length,
    tasks: set.tasks.map((task) => {
      const passes = members
        .flatMap((m) =>
          m.passes
            .filter((p) => p.lesson === set.lesson && p.taskId === task.id)
            .map((p) => ({ handle: m.handle, at: p.at })),
        )
        .sort((a, b) => a.at - b.at);
      return {
        taskId: task.id,
        title: task.title,
        passed: passes.length,
        handles: passes.map((p) => p.handle),
      };
    }),
  };
}
