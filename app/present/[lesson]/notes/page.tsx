import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NotesWindow } from '@/components/present/notes-window';
import { getLesson, lessons } from '@/lib/lessons';

type Props = { params: Promise<{ lesson: string }> };

/** One prerendered speaker-notes page per lesson slug. */
export function generateStaticParams() {
  return lessons.map((l) => ({ lesson: l.slug }));
}

/** The tab title of the speaker-notes window. */
export const metadata: Metadata = { title: 'Speaker notes' };

/** The speaker-notes window: open it on a second screen; it follows the presenter view. */
export default async function NotesPage({ params }: Props) {
  const lesson = getLesson((await params).lesson);
  if (!lesson) notFound();
  return <NotesWindow lessonSlug={lesson.slug} />;
}
