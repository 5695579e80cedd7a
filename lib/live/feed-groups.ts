/**
 * Rows of the presenter's feed: requests alike, sent close together, make one row. When a room
 * follows a step, every follower's page sends the step's request too, so 30 followers add 30
 * identical rows ("POST /token, client abc, 200") and push everything else off the projector.
 * One row saying "×31" says the same, and what the class did stays in view.
 */
import { failingCheck, type FeedItem } from './feed';

/** Requests alike this close together (the gap between neighbours) share a row. */
export const GROUP_GAP_MS = 10_000;

/** One row of the feed: its newest request, and every request the row stands for, newest first. */
export interface FeedGroup {
  readonly newest: FeedItem;
  readonly items: readonly FeedItem[];
}

/**
 * What makes two requests alike on the projector: the line the row prints (endpoint, method,
 * path, client, status and error) and the checks' outcome. The credential is not part of it:
 * each follower sends its own token.
 */
function likeness(item: FeedItem): string {
  const failed = failingCheck(item.checks);
  return JSON.stringify([
    item.endpoint,
    item.method,
    item.path,
    item.clientId,
    item.clientVerified,
    item.status,
    item.error ?? null,
    item.checks.length,
    failed?.id ?? null,
  ]);
}

/**
 * Groups `items` (newest first) into rows: a request joins the newest row of requests alike
 * when it came at most `gapMs` before that row's oldest, so a burst is one row however long it
 * runs, and the same request an hour later is a row of its own. A row sits where its newest
 * request is. Rows are in the order of their newest request, so the result is newest first too.
 */
export function groupFeedItems(
  items: readonly FeedItem[],
  gapMs: number = GROUP_GAP_MS,
): FeedGroup[] {
  const rows: { newest: FeedItem; items: FeedItem[]; oldestAt: number }[] = [];
  const open = new Map<string, (typeof rows)[number]>();
  for (const item of items) {
    const key = likeness(item);
    const row = open.get(key);
    if (row && row.oldestAt - item.at <= gapMs) {
      row.items.push(item);
      row.oldestAt = item.at;
      continue;
    }
    const fresh = { newest: item, items: [item], oldestAt: item.at };
    rows.push(fresh);
    open.set(key, fresh);
  }
  return rows.map(({ newest, items: members }) => ({ newest, items: members }));
}
