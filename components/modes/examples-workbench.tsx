'use client';

import { useState } from 'react';
import type { Lesson, LessonExample } from '@/lib/lessons/types';
import { buildTokenRequest } from '@/lib/protocol/requests';
import { ClientSettingsForm, type ClientValues } from './client-settings-form';
import { PreparedByRun } from './prepared-by-run';
import { RequestSamples } from './request-samples';
import { useOrigin } from './use-origin';

/** The samples from client values the learner edits (a lesson whose client has a secret). */
function FromValues({ examples }: { examples: readonly LessonExample[] }) {
  const origin = useOrigin();
  const [values, setValues] = useState<ClientValues>({
    clientId: 'myapp123',
    clientSecret: 'secret456',
    scope: '',
    authMethod: 'basic',
  });
  const request = buildTokenRequest(
    { ...values, contentType: 'form', grantType: 'client_credentials' },
    origin,
  );
  return (
    <div className="space-y-4">
      <ClientSettingsForm value={values} onChange={setValues} />
      <RequestSamples examples={examples} request={request} />
    </div>
  );
}

/**
 * The syntax-and-examples workbench: the lesson's samples, from the learner's own client values
 * or from the request the lesson's run prepares in this browser (`syntax.samplesFrom`). The page
 * passes the lesson's samples and choice, not the whole lesson.
 */
export function ExamplesWorkbench({
  lessonSlug,
  syntax,
}: {
  lessonSlug: string;
  syntax: Pick<Lesson['syntax'], 'examples' | 'samplesFrom'>;
}) {
  return syntax.samplesFrom === 'run' ? (
    <PreparedByRun lessonSlug={lessonSlug} examples={syntax.examples} />
  ) : (
    <FromValues examples={syntax.examples} />
  );
}
