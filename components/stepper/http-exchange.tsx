'use client';

import { useState } from 'react';
import { toCurl, toRawHttp, toRawHttpResponseHead } from '@/lib/protocol/render';
import type { HttpExchange as Exchange, HttpRequestRecord } from '@/lib/protocol/records';
import { shorten } from '@/lib/engine/format';
import { Badge } from '@/components/ui/badge';
import { Tabs } from '@/components/ui/tabs';

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

function Code({
  text,
  label,
  full,
  height = 'max-h-72',
}: {
  text: string;
  label: string;
  full: boolean;
  /** How tall it may grow before it scrolls (a Tailwind max-height class). */
  height?: string;
}) {
  const shown = full ? text : text.replace(JWT, (t) => shorten(t, 16));
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className={`border-line bg-raised relative ${height} overflow-auto rounded-md border p-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap`}
    >
      {shown}
    </pre>
  );
}

function statusTone(status: number) {
  return status < 300 ? 'ok' : status < 500 ? 'err' : 'warn';
}

/** A request as it goes on the wire, and as a curl line (both from the same record). */
export function RequestView({ request, full }: { request: HttpRequestRecord; full: boolean }) {
  return (
    <Tabs
      label="Request format"
      items={[
        {
          id: 'http',
          label: 'HTTP',
          content: <Code text={toRawHttp(request)} label="Request as raw HTTP" full={full} />,
        },
        {
          id: 'curl',
          label: 'curl',
          content: <Code text={toCurl(request)} label="Request as a curl command" full={full} />,
        },
      ]}
    />
  );
}

/**
 * One real round trip: the request as sent and the response as received, tokens shortened unless
 * the learner asks to see them whole.
 */
export function HttpExchangeView({ exchange, title }: { exchange: Exchange; title?: string }) {
  const [full, setFull] = useState(false);
  const { request, response } = exchange;
  const hasToken = /eyJ[A-Za-z0-9_-]+\./.test(toRawHttp(request) + response.body);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {title && <span className="font-semibold">{title}</span>}
        <Badge tone={statusTone(response.status)}>
          {response.status} {response.statusText}
        </Badge>
        <span className="text-muted">{Math.round(exchange.durationMs)} ms</span>
        {hasToken && (
          <label className="ml-auto inline-flex min-h-6 items-center gap-1.5 text-xs">
            <input
              type="checkbox"
              checked={full}
              onChange={(e) => setFull(e.target.checked)}
              className="accent-accent size-4"
            />
            Show full tokens
          </label>
        )}
      </div>
      <div className="grid gap-3 xl:grid-cols-2">
        <div className="min-w-0">
          <h4 className="text-muted mb-1 text-xs font-semibold uppercase">Request (as sent)</h4>
          <RequestView request={request} full={full} />
        </div>
        <div className="min-w-0">
          <h4 className="text-muted mb-1 text-xs font-semibold uppercase">
            Response (as received)
          </h4>
          {/* the wire form, split at the blank line: the many headers scroll on their own, so
              the body the step is about is in view at once */}
          <div className="space-y-1">
            <Code
              text={toRawHttpResponseHead(response)}
              label="Response status line and headers, as raw HTTP"
              full={full}
              height="max-h-24"
            />
            {response.body && <Code text={response.body} label="Response body" full={full} />}
          </div>
        </div>
      </div>
    </div>
  );
}
