import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLesson, lessons, type Lesson } from '@/lib/lessons';
import { getMode, type ModeId } from './modes';

/** Route params of every page under /learn/[lesson] (a Promise in Next 16). */
export interface LessonParams {
  readonly params: Promise<{ lesson: string }>;
}

/** One entry per lesson, for generateStaticParams. */
export function lessonParams(): { lesson: string }[] {
  return lessons.map((l) => ({ lesson: l.slug }));
}

/** The lesson of the route, or a 404. */
export async function lessonFromParams(params: LessonParams['params']): Promise<Lesson> {
  const { lesson: slug } = await params;
  const lesson = getLesson(slug);
  if (!lesson) notFound();
  return lesson;
}

/** `generateMetadata` for a mode page: "<Mode> — <Lesson>" plus the lesson summary. */
export function modeMetadata(mode: ModeId) {
  return async function generateMetadata({ params }: LessonParams): Promise<Metadata> {
    const { lesson: slug } = await params;
    const lesson = getLesson(slug);
    if (!lesson) return { title: 'Lesson not found' };
    const m = getMode(mode);
    return { title: `${m.label} — ${lesson.title}`, description: `${m.blurb} ${lesson.summary}` };
  };
}
