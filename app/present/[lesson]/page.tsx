import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PresenterView } from '@/components/present/presenter-view';
import { SignInGate, type SignInQuery } from '@/components/present/sign-in-gate';
import { StepperProvider } from '@/components/stepper/stepper-provider';
import { getScenario } from '@/lib/engine/scenarios';
import { getLesson } from '@/lib/lessons';

type Props = {
  params: Promise<{ lesson: string }>;
  searchParams: Promise<SignInQuery & { scenario?: string | string[] }>;
};

// Who is asking decides what is shown (the sign-in form or the presenter view).
/** Rendered on every request: the sign-in form or the presenter view depends on the session. */
export const dynamic = 'force-dynamic';

/** The tab title: the lesson's name in presenter mode. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).lesson);
  return { title: lesson ? `Present: ${lesson.title}` : 'Lesson not found' };
}

/**
 * The instructor's projector view of a lesson (`?scenario=<id>` picks the starting scenario),
 * for the signed-in presenter only.
 */
export default async function PresentPage({ params, searchParams }: Props) {
  const lesson = getLesson((await params).lesson);
  if (!lesson) notFound();
  const query = await searchParams;
  const requested = query.scenario;
  const scenarioId = getScenario(lesson, typeof requested === 'string' ? requested : '').id;
  return (
    <SignInGate path={`/present/${lesson.slug}`} query={query}>
      <StepperProvider lessonSlug={lesson.slug} scenarioId={scenarioId}>
        <PresenterView />
      </StepperProvider>
    </SignInGate>
  );
}
