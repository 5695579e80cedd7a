import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PresenterView } from '@/components/present/presenter-view';
import { StepperProvider } from '@/components/stepper/stepper-provider';
import { isScenarioId } from '@/lib/engine/scenarios';
import { getLesson, lessons } from '@/lib/lessons';

type Props = {
  params: Promise<{ lesson: string }>;
  searchParams: Promise<{ scenario?: string | string[] }>;
};

export function generateStaticParams() {
  return lessons.map((l) => ({ lesson: l.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).lesson);
  return { title: lesson ? `Present: ${lesson.title}` : 'Lesson not found' };
}

/** The instructor's projector view of a lesson (`?scenario=<id>` picks the starting scenario). */
export default async function PresentPage({ params, searchParams }: Props) {
  const lesson = getLesson((await params).lesson);
  if (!lesson) notFound();
  const requested = (await searchParams).scenario;
  const scenarioId = typeof requested === 'string' && isScenarioId(requested) ? requested : 'valid';
  return (
    <StepperProvider lesson={lesson} scenarioId={scenarioId}>
      <PresenterView lesson={lesson} />
    </StepperProvider>
  );
}
